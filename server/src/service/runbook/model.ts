// A runbook as rules see it: its front matter, its title and its sections, each section
// with the Markdown nodes under its heading.

import type { Heading, Root, RootContent, Yaml } from 'mdast';
import type { Range } from '../types';
import type { PositionMap } from '../yaml/positions';
import { sectionKindOf, type SectionKind } from './sections';

export interface RunbookSection {
  text: string;
  kind?: SectionKind;
  heading: Heading;
  range: Range;
  /** The nodes under the heading, up to the next heading of the same or a higher level. */
  content: RootContent[];
  /** Offset where the section ends (the next such heading, or the end of the text). */
  end: number;
}

export interface RunbookModel {
  text: string;
  root: Root;
  positions: PositionMap;
  frontmatter?: { node: Yaml; value: string; /** 0-based line of the first line inside the `---` fences. */ line: number };
  /** The first level-1 heading. */
  title?: Heading;
  sections: RunbookSection[];
}

export function buildRunbookModel(text: string, root: Root, positions: PositionMap, synonyms: Readonly<Record<string, readonly string[]>> = {}): RunbookModel {
  const yaml = root.children.find((c): c is Yaml => c.type === 'yaml');
  const title = root.children.find((c): c is Heading => c.type === 'heading' && c.depth === 1);
  const headings = root.children.filter((c): c is Heading => c.type === 'heading' && c !== title);
  const sections = headings.map((heading) => {
    const index = root.children.indexOf(heading);
    const next = root.children.findIndex((c, i) => i > index && c.type === 'heading' && c.depth <= heading.depth);
    const content = root.children.slice(index + 1, next < 0 ? undefined : next);
    const end = next < 0 ? text.length : offsetOf(root.children[next]);
    const headingText = textOf(heading);
    return { text: headingText, kind: sectionKindOf(headingText, synonyms), heading, range: rangeOfNode(heading, positions), content, end };
  });
  return {
    text,
    root,
    positions,
    ...(yaml ? { frontmatter: { node: yaml, value: yaml.value, line: (yaml.position?.start.line ?? 1) } } : {}),
    ...(title ? { title } : {}),
    sections,
  };
}

export function rangeOfNode(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, positions: PositionMap): Range {
  return positions.nodeRange(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

export function offsetOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

/** The plain text of a node: its value, or its children's text joined. */
export function textOf(node: unknown): string {
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}
