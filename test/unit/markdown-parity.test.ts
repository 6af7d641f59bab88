// The engine's Markdown parser (@lezer/markdown, turned into mdast by markdown/from-lezer.ts)
// against the one it replaced (micromark + mdast-util-from-markdown with GFM and front matter,
// kept as a devDependency for this test): what the rules read of the trees — types, depth,
// ordered, url, lang, identifier, values, positions — is the same for the examples, the
// fixtures, the bench's runbooks and the edge cases in markdown-cases.ts. Where the two
// parsers read a corner of CommonMark/GFM differently, the difference is listed below with
// its reason (and what commonmark.js 0.31.2, the reference implementation, says), and pinned:
// a change in either parser shows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTree } from '../../server/src/service/markdown/parse';
import { runbook } from '../bench/runbooks';
import { MARKDOWN_CASES } from './markdown-cases';
import { parseWithMicromark, project } from './markdown-projection';

const root = join(__dirname, '..', '..');

interface Disagreement {
  text: string;
  why: string;
  /** Projection lines only micromark's tree has, and only lezer's. */
  micromark: string[];
  lezer: string[];
}

/**
 * Where micromark and lezer read Markdown differently. None is in a real runbook of the
 * corpus; random runbook-like texts find the same kinds again, and a few ends of text nodes
 * next to line prefixes (a tab that a list item's indentation takes only in part).
 */
const DISAGREEMENTS: Record<string, Disagreement> = {
  'definition title over lines': {
    text: "[t]: x.md\n  'multi\n  line'\n\n[t]\n",
    why: 'lezer ends a definition at its destination when the title goes on past its line; the title becomes a paragraph (commonmark.js: micromark)',
    micromark: ['  definition 1:1@0-3:8@26 url="x.md" title="multi\\nline" identifier="t" label="t"'],
    lezer: ['  definition 1:1@0-1:10@9 url="x.md" identifier="t" label="t"', '  paragraph 2:3@12-3:8@26', '    text 2:3@12-3:8@26 value="\'multi\\nline\'"'],
  },
  'whitespace-only line after indented code': {
    text: '    a\n    \n- b\n',
    why: 'micromark ends indented code after the blank line that follows it; lezer at its last line of code (same value)',
    micromark: ['  code 1:1@0-2:5@10 value="a"'],
    lezer: ['  code 1:1@0-1:6@5 value="a"'],
  },
  'empty list item after indented code': {
    text: '    x\n\n- \n',
    why: 'micromark reads `- ` after indented code as a paragraph; lezer as an empty list item (commonmark.js: lezer)',
    micromark: ['  paragraph 3:1@7-3:3@9', '    text 3:1@7-3:2@8 value="-"'],
    lezer: ['  list 3:1@7-3:3@9 ordered=false', '    listItem 3:1@7-3:3@9'],
  },
  'lazy line that looks like HTML': {
    text: '> b\n<svc name>\n',
    why: 'micromark starts an HTML block there, which cannot interrupt a paragraph; lezer continues the paragraph lazily (commonmark.js: lezer)',
    micromark: ['    paragraph 1:3@2-1:4@3', '      text 1:3@2-1:4@3 value="b"', '    html 2:1@4-2:11@14 value="<svc name>"'],
    lezer: ['    paragraph 1:3@2-2:11@14', '      text 1:3@2-2:1@4 value="b\\n"', '      html 2:1@4-2:11@14 value="<svc name>"'],
  },
  'setext underline in a list item': {
    text: '- a\n   - \n',
    why: 'lezer reads the `-` under a paragraph in a list item as an empty list item; micromark as a setext underline (commonmark.js: micromark)',
    micromark: ['      heading 1:3@2-2:6@9 depth=2'],
    lezer: ['      paragraph 1:3@2-1:4@3', '      list 2:4@7-2:6@9 ordered=false', '        listItem 2:4@7-2:6@9'],
  },
  'unresolved full reference before an inline link': {
    text: '[ref][link](x.md)\n',
    why: 'lezer takes `[ref][link]` as a reference and does not go back when `ref` is not defined; micromark then reads `[link](x.md)` (commonmark.js: micromark)',
    micromark: ['    text 1:1@0-1:6@5 value="[ref]"', '    link 1:6@5-1:18@17 url="x.md"', '      text 1:7@6-1:11@10 value="link"'],
    lezer: ['    text 1:1@0-1:18@17 value="[ref][link](x.md)"'],
  },
  'escaped backtick before a code span': {
    text: 'a\\``a`b``\n',
    why: 'lezer takes the backtick after an escaped one as part of its run, so no code span opens there (commonmark.js: micromark)',
    micromark: ['    text 1:1@0-1:4@3 value="a`"', '    inlineCode 1:4@3-1:7@6 value="a"', '    text 1:7@6-1:10@9 value="b``"'],
    lezer: ['    text 1:1@0-1:10@9 value="a``a`b``"'],
  },
  'table delimiter row as a lazy line': {
    text: '- | 1 | 2 |\n--|--\n',
    why: 'lezer accepts a lazy (unindented) delimiter row for a table in a list item; micromark and GFM do not',
    micromark: ['      paragraph 1:3@2-2:6@17', '        text 1:3@2-2:6@17 value="| 1 | 2 |\\n--|--"'],
    lezer: ['      table 1:3@2-2:6@17', '        tableRow 1:3@2-1:12@11', '          tableCell 1:3@2-1:7@6', '            text 1:5@4-1:6@5 value="1"', '          tableCell 1:7@6-1:12@11', '            text 1:9@8-1:10@9 value="2"'],
  },
  'lazy line after a definition in a quote': {
    text: '> [x]: #a\nlazy\n',
    why: 'a lazy line after a definition continues the quote in micromark, not in lezer (commonmark.js: micromark)',
    micromark: ['  blockquote 1:1@0-2:5@14', '    paragraph 2:1@10-2:5@14', '      text 2:1@10-2:5@14 value="lazy"'],
    lezer: ['  blockquote 1:1@0-1:10@9', '  paragraph 2:1@10-2:5@14', '    text 2:1@10-2:5@14 value="lazy"'],
  },
  'empty ordered item after a quote': {
    text: '> a\n1. \n',
    why: 'lezer reads `1. ` as a lazy line of the quoted paragraph (an empty item cannot interrupt one); micromark as a list (commonmark.js: micromark)',
    micromark: ['  blockquote 1:1@0-1:4@3', '    paragraph 1:3@2-1:4@3', '      text 1:3@2-1:4@3 value="a"', '  list 2:1@4-2:4@7 ordered=true start=1', '    listItem 2:1@4-2:4@7'],
    lezer: ['  blockquote 1:1@0-2:4@7', '    paragraph 1:3@2-2:4@7', '      text 1:3@2-2:3@6 value="a\\n1."'],
  },
  'unclosed HTML comment in a list item': {
    text: '- <!--\n- b\n',
    why: 'micromark keeps the line ending in the value of an HTML block the next item cuts off; lezer does not',
    micromark: ['    listItem 1:1@0-2:3@9', '      html 1:3@2-2:1@7 value="<!--\\n"'],
    lezer: ['    listItem 1:1@0-1:7@6', '      html 1:3@2-1:7@6 value="<!--"'],
  },
  'list in a quote before a nested quote': {
    text: '> - a\n> > b\n',
    why: 'micromark ends the list after the next line\'s `> `; lezer at its item\'s end',
    micromark: ['    list 1:3@2-2:3@8 ordered=false'],
    lezer: ['    list 1:3@2-1:6@5 ordered=false'],
  },
  'unclosed fence in a list item': {
    text: '1. ```js\n>x\n',
    why: 'micromark ends a list item (and its unclosed code) with the next line\'s start; lezer at its last character',
    micromark: ['  list 1:1@0-2:1@9 ordered=true start=1', '    listItem 1:1@0-2:1@9', '      code 1:4@3-2:1@9 lang="js" value=""'],
    lezer: ['  list 1:1@0-1:9@8 ordered=true start=1', '    listItem 1:1@0-1:9@8', '      code 1:4@3-1:9@8 lang="js" value=""'],
  },
  'footnote continued on an indented line': {
    text: 'A[^1].\n\n[^1]: a\n    b\n',
    why: 'lezer has no footnotes: a definition is what it read as a paragraph or a link definition starting with `[^1]:`, and after a first line of one word (a link definition to lezer) an indented line is code',
    micromark: ['  footnoteDefinition 3:1@8-4:6@21 identifier="1" label="1"', '    paragraph 3:7@14-4:6@21', '      text 3:7@14-4:6@21 value="a\\nb"'],
    lezer: ['  footnoteDefinition 3:1@8-3:8@15 identifier="1" label="1"', '    paragraph 3:7@14-3:8@15', '      text 3:7@14-3:8@15 value="a"', '  code 4:1@16-4:6@21 value="b"'],
  },
  'footnote of two paragraphs': {
    text: 'A[^1].\n\n[^1]: First.\n\n    Second.\n',
    why: 'the same: a footnote\'s further blocks, indented, are code to lezer',
    micromark: ['  footnoteDefinition 3:1@8-5:12@33 identifier="1" label="1"', '    paragraph 5:5@26-5:12@33', '      text 5:5@26-5:12@33 value="Second."'],
    lezer: ['  footnoteDefinition 3:1@8-3:13@20 identifier="1" label="1"', '  code 5:1@22-5:12@33 value="Second."'],
  },
  'tab after a quote marker': {
    text: '>\t {{ x }}\n',
    why: 'lezer counts the whole tab after `>` as indentation and makes code; the quote takes one column of it, which leaves three (commonmark.js: micromark)',
    micromark: ['    paragraph 1:4@3-1:11@10', '      text 1:4@3-1:11@10 value="{{ x }}"'],
    lezer: ['    code 1:3@2-1:11@10 value="{{ x }}"'],
  },
  'self-closing tag line before a heading': {
    text: '<br/>\n# H\n',
    why: 'lezer has no HTML block for a self-closing tag alone on a line; the adapter makes one of the paragraph it reads, which a heading ends, where the HTML block runs to a blank line',
    micromark: ['  html 1:1@0-2:4@9 value="<br/>\\n# H"'],
    lezer: ['  html 1:1@0-1:6@5 value="<br/>"', '  heading 2:1@6-2:4@9 depth=1', '    text 2:3@8-2:4@9 value="H"'],
  },
  'literal autolink after a bracket': {
    text: 'a [ https://x.y/z\n',
    why: 'micromark finds this URL only in a second pass over the tree, whose nodes have no positions; lezer\'s have',
    micromark: ['    text no position value="a [ "', '    link no position url="https://x.y/z"', '      text no position value="https://x.y/z"'],
    lezer: ['    text 1:1@0-1:5@4 value="a [ "', '    link 1:5@4-1:18@17 url="https://x.y/z"', '      text 1:5@4-1:18@17 value="https://x.y/z"'],
  },
  'literal autolink with a parenthesis inside': {
    text: 'www.a.com)b\n',
    why: 'lezer ends a literal URL at an unbalanced `)`; GFM and micromark only drop one at its end',
    micromark: ['    link 1:1@0-1:12@11 url="http://www.a.com)b"', '      text 1:1@0-1:12@11 value="www.a.com)b"'],
    lezer: ['    link 1:1@0-1:10@9 url="http://www.a.com"', '      text 1:1@0-1:10@9 value="www.a.com"', '    text 1:10@9-1:12@11 value=")b"'],
  },
  'literal autolinks after an underscore': {
    text: 'x_https://a.b/c and _u_x@y.com\n',
    why: 'lezer starts no literal URL or email right after `_`; GFM and micromark do',
    micromark: ['    text 1:1@0-1:3@2 value="x_"', '    link 1:3@2-1:16@15 url="https://a.b/c"', '      text 1:3@2-1:16@15 value="https://a.b/c"', '    text 1:16@15-1:21@20 value=" and "', '    link 1:21@20-1:31@30 url="mailto:_u_x@y.com"', '      text 1:21@20-1:31@30 value="_u_x@y.com"'],
    lezer: ['    text 1:1@0-1:31@30 value="x_https://a.b/c and _u_x@y.com"'],
  },
  'delimiter runs of three': {
    text: '_u_***a_b_c**a**b\n',
    why: 'the "multiple of 3" rule for `***` pairs differently (commonmark.js: lezer)',
    micromark: ['    text 1:4@3-1:5@4 value="*"', '    strong 1:5@4-1:14@13', '      text 1:7@6-1:12@11 value="a_b_c"', '    text 1:14@13-1:18@17 value="a**b"'],
    lezer: ['    emphasis 1:4@3-1:16@15', '      strong 1:5@4-1:14@13', '        text 1:7@6-1:12@11 value="a_b_c"', '      text 1:14@13-1:15@14 value="a"', '    text 1:16@15-1:18@17 value="*b"'],
  },
};

function markdownFiles(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).filter((p) => p.endsWith('.md')).map((p) => join(folder, p));
}

const assertSame = (text: string, what: string) => assert.deepEqual(project(markdownTree(text)), project(parseWithMicromark(text)), what);

test('every Markdown file of examples/ and test/fixtures/ gives the tree micromark gave', () => {
  const files = [...markdownFiles(join(root, 'examples')), ...markdownFiles(join(root, 'test', 'fixtures'))];
  assert.ok(files.length >= 10);
  for (const file of files) assertSame(readFileSync(file, 'utf8'), file);
});

test("the bench's runbooks give the tree micromark gave", () => {
  for (const lines of [60, 100, 400]) assertSame(runbook(lines).text, `runbook(${lines})`);
});

for (const [name, text] of Object.entries(MARKDOWN_CASES)) {
  test(`edge case "${name}" gives the tree micromark gave`, () => {
    assertSame(text, name);
    assertSame(text.replace(/\r?\n/g, '\r\n'), `${name}, CRLF`);
  });
}

for (const [name, { text, micromark, lezer }] of Object.entries(DISAGREEMENTS)) {
  test(`where the parsers disagree: ${name}`, () => {
    const [a, b] = [project(parseWithMicromark(text)), project(markdownTree(text))];
    assert.deepEqual({ micromark: a.filter((l) => !b.includes(l)), lezer: b.filter((l) => !a.includes(l)) }, { micromark, lezer });
  });
}
