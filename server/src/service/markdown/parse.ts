// Parses Markdown into an mdast tree with positions (@lezer/markdown with GFM, turned into
// mdast by from-lezer.ts; YAML front matter found here), once per text.

import type { Root, RootContent } from 'mdast';
import { markdownTooComplex } from '../limits';
import { convertMarkdown } from './from-lezer';
import { lastAtOrBefore, lineStarts } from '../yaml/positions';

/** `---` on the first line, and a later line of `---` (spaces or tabs may follow either), as micromark-extension-frontmatter reads it. */
const OPEN_FENCE = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE_FENCE = /^---[ \t]*$/;

/**
 * The tree of `text`; an empty tree when the text is too complex to parse quickly (nested
 * too deeply, thousands of brackets or emphasis marks in one block). `checkRunbook` reports
 * such a text instead of checking it.
 */
export function parseMarkdown(text: string): Root {
  if (last?.text === text) return last.root;
  const root: Root = markdownTooComplex(text) ? { type: 'root', children: [] } : markdownTree(text);
  last = { text, root };
  return root;
}

/**
 * The last text parsed and its tree (never modified by its users): checking a runbook,
 * then completing or hovering in it, parses it once.
 */
let last: { text: string; root: Root } | undefined;

/** The tree of `text`, parsed every time (no cache, no complexity check). */
export function markdownTree(text: string): Root {
  const lines = lineStarts(text);
  const point = (offset: number): NonNullable<Root['position']>['start'] => {
    const line = lastAtOrBefore(lines, offset);
    return { line: line + 1, column: offset - lines[line] + 1, offset };
  };
  const position = (from: number, to: number) => ({ start: point(from), end: point(to) });
  const children: RootContent[] = [];
  const front = frontMatter(text);
  if (front) children.push({ type: 'yaml', value: front.value, position: position(0, front.end) });
  children.push(...convertMarkdown(text, front?.end ?? 0, position));
  return { type: 'root', children, position: position(0, text.length) };
}

/** The front matter's value (between the fences) and where its closing fence ends; undefined when there is none. */
function frontMatter(text: string): { value: string; end: number } | undefined {
  const open = OPEN_FENCE.exec(text);
  if (!open) return undefined;
  // Line by line: only \r and \n end a line (a regex's multiline mode would also end one at U+2028).
  for (let start = open[0].length; ;) {
    let eol = start;
    while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
    if (CLOSE_FENCE.test(text.slice(start, eol))) return { value: text.slice(open[0].length, start).replace(/(?:\r\n|\r|\n)$/, ''), end: eol };
    if (eol >= text.length) return undefined;
    start = eol + (text.startsWith('\r\n', eol) ? 2 : 1);
  }
}
