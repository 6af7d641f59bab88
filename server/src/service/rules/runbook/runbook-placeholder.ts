// Placeholder text left in a runbook: TODO, TBD, FIXME, XXX, "lorem ipsum", or an angle
// placeholder such as `<service name>` in prose. A runbook is read by someone who is being
// paged; a TODO where the command should be is a gap they find at the worst moment.
//
// Angle placeholders inside code (`kubectl -n <namespace> get pods`) are the usual way to
// write a parameter the reader substitutes, so code is not searched for them; in prose they
// are reported, with a fix that turns them into code when they are meant that way. Real
// HTML (`<br>`, `<details>`, a tag with attributes) is left alone, as are HTML comments
// (notes to authors, not shown) and Hugo shortcodes (`{{< ref "x.md" >}}`). In code, only
// TODO, TBD and FIXME count: `# TODO: command needed` in a shell block is a gap too.

import type { Nodes } from 'mdast';
import type { RunbookModel } from '../../runbook/model';
import { rangeOfNode } from '../../runbook/model';
import type { RunbookRule } from '../../runbook/types';
import type { Fix } from '../../types';

const WORDS = /\b(?:TODO|TBD|FIXME|XXX)\b/g;
const CODE_WORDS = /\b(?:TODO|TBD|FIXME)\b/g;
const LOREM = /\blorem\s+ipsum\b/gi;
/** `<service name>`, `<fill in>`, `<...>`: starts with a letter or dots, one line, no nested brackets. */
const ANGLE = /<(?=[A-Za-z._…])[^<>\n]{0,78}[^<>\s]>/g;
/** An HTML open tag; group 1 is the name, group 2 the rest. */
const TAG = /<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** What every match of WORDS, LOREM and ANGLE contains (and more). */
const MAYBE_PLACEHOLDER = /TODO|TBD|FIXME|XXX|lorem|</i;

/** Element names of HTML (and the SVG/MathML roots): a tag with one of these is markup, not a placeholder. */
const HTML_ELEMENTS = new Set(
  ('a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header ' +
    'hgroup hr html i iframe img input ins kbd label legend li link main map mark math menu meta meter nav noscript object ol optgroup ' +
    'option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strike strong ' +
    'style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr').split(' '),
);

interface Hit {
  /** Offset of the match in `value`. */
  index: number;
  match: string;
  message: string;
  angle?: boolean;
}

export const rule: RunbookRule = {
  id: 'runbook-placeholder',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'Placeholder text (TODO, TBD, FIXME, XXX, lorem ipsum, <fill in>) left in a runbook.',
  check({ model, report }) {
    const stack: Nodes[] = [...model.root.children].reverse();
    while (stack.length > 0) {
      const node = stack.pop() as Nodes;
      let hits: Hit[] = [];
      let value = '';
      const start = node.position?.start.offset ?? 0;
      switch (node.type) {
        case 'yaml':
          continue;
        case 'text':
          value = node.value;
          // Most text has none of it: one test instead of three searches.
          if (!MAYBE_PLACEHOLDER.test(value)) continue;
          hits = [...wordHits(value, WORDS), ...loremHits(value), ...angleHits(value, model, start)];
          break;
        case 'html': {
          value = node.value;
          const blanked = blank(value, COMMENT);
          hits = [...wordHits(blank(blanked, TAG), WORDS), ...tagHits(blanked, model, start)];
          break;
        }
        case 'code':
        case 'inlineCode':
          // The source, not the value: a code value loses its fences and indentation.
          value = model.text.slice(start, node.position?.end.offset ?? start);
          hits = wordHits(value, CODE_WORDS);
          break;
        default:
          if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
          continue;
      }
      for (const hit of hits.sort((a, b) => a.index - b.index)) {
        const offset = locate(model, node, value, hit);
        const range = offset === undefined ? rangeOfNode(node, model.positions) : model.positions.rangeOf(offset, offset + hit.match.length);
        const fixes: Fix[] | undefined = hit.angle && offset !== undefined
          ? [{ title: `Mark ${hit.match} as a value to substitute (\`${hit.match}\`)`, edits: [{ range, newText: `\`${hit.match}\`` }] }]
          : undefined;
        report(range, hit.message, fixes ? { fixes } : undefined);
      }
    }
  },
};

function wordHits(value: string, pattern: RegExp): Hit[] {
  return [...value.matchAll(pattern)].map((m) => ({
    index: m.index,
    match: m[0],
    message: `placeholder "${m[0]}" left in the runbook: replace it with the real content before someone has to follow it`,
  }));
}

function loremHits(value: string): Hit[] {
  return [...value.matchAll(LOREM)].map((m) => ({
    index: m.index,
    match: m[0],
    message: `placeholder text "${m[0].replace(/\s+/g, ' ')}" left in the runbook: replace it with the real content`,
  }));
}

function angleMessage(match: string): string {
  return `placeholder "${match}" left in the runbook: fill in the actual value, or write it as code (\`${match}\`) if the reader is meant to substitute it`;
}

/** Angle placeholders in plain text (ones that are not valid HTML, like `<name_of_pod>` or `<...>`). */
function angleHits(value: string, model: RunbookModel, nodeStart: number): Hit[] {
  const hits: Hit[] = [];
  for (const m of value.matchAll(ANGLE)) {
    if (!standsAlone(value, m.index, model, nodeStart)) continue;
    hits.push({ index: m.index, match: m[0], message: angleMessage(m[0]), angle: true });
  }
  return hits;
}

/** Things that parse as HTML tags but name no HTML element and have no `name=value` attribute: `<service name>`. */
function tagHits(value: string, model: RunbookModel, nodeStart: number): Hit[] {
  const hits: Hit[] = [];
  for (const m of value.matchAll(TAG)) {
    const name = m[1].toLowerCase();
    const rest = m[2] ?? '';
    if (HTML_ELEMENTS.has(name) || rest.includes('=') || rest.trimEnd().endsWith('/')) continue;
    if (!standsAlone(value, m.index, model, nodeStart)) continue;
    hits.push({ index: m.index, match: m[0], message: angleMessage(m[0]), angle: true });
  }
  return hits;
}

/**
 * Not glued to a word (`Array<string>`) and not a Hugo shortcode (`{{< ref "x" >}}`).
 * At the start of a node the character before is looked up in the source.
 */
function standsAlone(value: string, index: number, model: RunbookModel, nodeStart: number): boolean {
  const before = index > 0 ? value.slice(Math.max(0, index - 3), index) : model.text.slice(Math.max(0, nodeStart - 3), nodeStart);
  return !/[\p{L}\p{N}]$/u.test(before) && !/\{\{%?$/.test(before);
}

/** Replaces each match with spaces, so offsets stay. */
function blank(value: string, pattern: RegExp): string {
  return value.replace(pattern, (m) => m.replace(/[^\n]/g, ' '));
}

/**
 * The source offset of a hit. A node's value can differ from its source (escapes, entity
 * references, the `> ` of a block quote or a list's indentation on continuation lines), so
 * the offset is only trusted when the source there reads the same; else the same occurrence
 * is looked for in the node's source; else undefined (the caller reports the whole node).
 */
function locate(model: RunbookModel, node: Nodes, value: string, hit: Hit): number | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const direct = start + hit.index;
  if (model.text.slice(direct, direct + hit.match.length) === hit.match) return direct;
  let occurrence = 0;
  for (let i = value.indexOf(hit.match); i >= 0 && i < hit.index; i = value.indexOf(hit.match, i + 1)) occurrence++;
  const source = model.text.slice(start, end);
  let found = source.indexOf(hit.match);
  for (let n = 0; n < occurrence && found >= 0; n++) found = source.indexOf(hit.match, found + 1);
  return found >= 0 ? start + found : undefined;
}
