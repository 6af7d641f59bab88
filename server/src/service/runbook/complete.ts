// Completion of runbook section headings: on a line that starts a heading, offer the
// sections the runbook does not have yet, in their canonical order.

import type { Nodes, Root } from 'mdast';
import type { Position, Range } from '../types';
import type { RunbookModel } from './model';
import { SECTION_KINDS } from './sections';

export interface CompletionItem {
  label: string;
  detail: string;
  documentation: string;
  sortText: string;
  /** Replaces what was typed of the heading. */
  edit: { range: Range; newText: string };
  /** What the item completes (default `section`, a runbook heading); shells map it to an icon. */
  kind?: 'section' | 'property' | 'value' | 'reference' | 'file';
  /** The text clients filter by, when it is not the label. */
  filterText?: string;
  /** The item to select first (a schema's default value). */
  preselect?: boolean;
  /**
   * The same edit as an LSP snippet (tab stops `${1:}`, choices, `$0`), for clients that take
   * snippets; `edit.newText` is the plain-text form. Absent when it would add nothing.
   */
  snippet?: string;
}

export function completeSectionHeadings(model: RunbookModel, position: Position): CompletionItem[] {
  const lineStart = model.positions.offsetAt({ line: position.line, character: 0 });
  const typed = model.text.slice(lineStart, model.positions.offsetAt(position));
  const match = /^(#{1,6})[ \t]*[^\n]*$/.exec(typed);
  // A `#` line in a code block, an HTML comment or the front matter is a shell or YAML comment, not a heading.
  if (!match || insideLiteral(model.root, lineStart)) return [];
  const present = new Set(model.sections.map((s) => s.kind?.id));
  const hashes = match[1].length === 1 ? '##' : match[1];
  const range = { start: { line: position.line, character: 0 }, end: position };
  return SECTION_KINDS.filter((k) => !present.has(k.id)).map((kind, i) => ({
    label: `${hashes} ${kind.title}`,
    detail: 'prr: runbook section',
    documentation: kind.guidance,
    sortText: String(i).padStart(2, '0'),
    edit: { range, newText: `${hashes} ${kind.title}\n\n${kind.guidance}\n` },
  }));
}

/** Whether `offset` lies in a code block, an HTML block or the front matter (iterative: nesting may be deep). */
function insideLiteral(root: Root, offset: number): boolean {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const { start, end } = node.position ?? {};
    if (node !== root && (start === undefined || end === undefined || offset < (start.offset ?? 0) || offset > (end.offset ?? 0))) continue;
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return true;
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return false;
}
