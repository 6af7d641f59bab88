// Folding ranges of a runbook: each heading's section (up to the next heading of the same or
// a higher level, nested by level, trailing blank lines left open), the front matter, fenced
// and indented code blocks, and HTML comments that span lines.

import type { Root, RootContent } from 'mdast';
import { isMarkdownPath } from '../check-markdown';
import type { SourceDocument } from '../types';
import { markdownOf } from './cache';
import type { FeatureContext, FoldingRange } from './types';

export function foldingRanges(document: SourceDocument, context: FeatureContext): FoldingRange[] {
  if (!isMarkdownPath(context.path) || !context.isRunbook(context.uri)) return [];
  const { text } = document;
  const root = markdownOf(document.uri, text, context.cache);
  const lines = text.split(/\r\n|\r|\n/);
  const blank = (line: number) => lines[line] === undefined || lines[line].trim() === '';
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']) => {
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };

  const headings = root.children.flatMap((node) => (node.type === 'heading' && node.position ? [{ depth: node.depth, line: node.position.start.line - 1 }] : []));
  headings.forEach((heading, i) => {
    const next = headings.slice(i + 1).find((h) => h.depth <= heading.depth);
    let end = (next ? next.line : lines.length) - 1;
    while (end > heading.line && blank(end)) end--;
    add(heading.line, end);
  });

  visit(root, (node) => {
    const { position } = node;
    if (!position) return;
    const [start, end] = [position.start.line - 1, position.end.line - 1];
    if (node.type === 'yaml' || node.type === 'code') add(start, end);
    else if (node.type === 'html' && /^\s*<!--/.test(node.value)) add(start, end, 'comment');
  });
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function visit(node: Root | RootContent, each: (node: RootContent) => void): void {
  if (node.type !== 'root') each(node);
  if ('children' in node) for (const child of node.children) visit(child, each);
}
