// What the runbook rules, folding and symbols read of an mdast tree, one line per node:
// type, the fields they use, text values and positions. Two parsers that give the same
// lines give the rules the same tree.

import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Nodes, Root } from 'mdast';

/** The reference: micromark with the options the engine parsed with before lezer. */
export const MICROMARK_OPTIONS = {
  extensions: [frontmatter(['yaml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
};

export function parseWithMicromark(text: string): Root {
  return fromMarkdown(text, MICROMARK_OPTIONS);
}

const FIELDS = ['depth', 'ordered', 'start', 'checked', 'url', 'title', 'alt', 'lang', 'meta', 'identifier', 'label', 'value'] as const;

export function project(root: Root): string[] {
  const lines: string[] = [];
  const visit = (node: Nodes, depth: number): void => {
    const p = node.position;
    const at = p ? `${p.start.line}:${p.start.column}@${p.start.offset}-${p.end.line}:${p.end.column}@${p.end.offset}` : 'no position';
    const record = node as unknown as Record<string, unknown>;
    const fields = FIELDS.filter((f) => record[f] !== undefined && record[f] !== null).map((f) => `${f}=${JSON.stringify(record[f])}`);
    lines.push(`${'  '.repeat(depth)}${node.type} ${at}${fields.length ? ` ${fields.join(' ')}` : ''}`);
    if ('children' in node) for (const child of node.children) visit(child, depth + 1);
  };
  visit(root, 0);
  return lines;
}
