// A runbook as rules see it: its front matter, its title and its sections, each section
// with the Markdown nodes under its heading.

import type { Heading, Root, RootContent, Yaml } from 'mdast';
import type { Range } from '../types';
import type { PositionMap } from '../yaml/positions';
import { parseYaml, type ParsedYaml } from '../yaml/parse';
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
  frontmatter?: {
    node: Yaml;
    value: string;
    /** 0-based line of the first line inside the `---` fences. */
    line: number;
    /** The YAML parsed (positions relative to `value`), once for the front-matter check and every rule that reads it. */
    parsed(): ParsedYaml;
  };
  /** The first level-1 heading. */
  title?: Heading;
  sections: RunbookSection[];
}

export function buildRunbookModel(text: string, root: Root, positions: PositionMap, synonyms: Readonly<Record<string, readonly string[]>> = {}): RunbookModel {
  const yaml = root.children.find((c): c is Yaml => c.type === 'yaml');
  const title = root.children.find((c): c is Heading => c.type === 'heading' && c.depth === 1);
  const children = root.children;
  // Where each heading's section ends: the next heading of the same or a higher level (one pass: a runbook
  // of thousands of headings must not cost a scan of the rest per heading).
  const next = new Map<number, number>();
  const open: number[] = [];
  children.forEach((c, i) => {
    if (c.type !== 'heading') return;
    while (open.length > 0 && (children[open[open.length - 1]] as Heading).depth >= c.depth) next.set(open.pop() as number, i);
    open.push(i);
  });
  const indices = children.flatMap((c, i) => (c.type === 'heading' && c !== title ? [i] : []));
  const sections = indices.map((index) => {
    const heading = children[index] as Heading;
    const end = next.get(index) ?? -1;
    const content = children.slice(index + 1, end < 0 ? undefined : end);
    const headingText = textOf(heading);
    return { text: headingText, kind: sectionKindOf(headingText, synonyms), heading, range: rangeOfNode(heading, positions), content, end: end < 0 ? text.length : offsetOf(children[end]) };
  });
  return {
    text,
    root,
    positions,
    ...(yaml ? { frontmatter: { node: yaml, value: yaml.value, line: (yaml.position?.start.line ?? 1), parsed: once(() => parseYaml(yaml.value)) } } : {}),
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
/** The text a reader sees: inline HTML (`## Mitigation <a id="fix"></a>`) is markup, not words of the heading. */
export function textOf(node: unknown): string {
  const n = node as { type?: string; value?: unknown; children?: unknown[] };
  if (n.type === 'html') return '';
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
