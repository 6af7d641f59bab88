// What the report needs to know about one runbook file: its title, which required
// sections it lacks, and its `lastReviewed` date — parsed once per file and report.

import { isMarkdownPath } from '../check-markdown';
import { parseMarkdown } from '../markdown/parse';
import { buildRunbookModel, rangeOfNode } from '../runbook/model';
import { SECTION_KINDS, sectionKindOf } from '../runbook/sections';
import type { RunbookOptions } from '../runbook/types';
import type { Range } from '../types';
import { PositionMap } from '../yaml/positions';
import { scanOutline, type Outline } from './runbook-outline';

export interface RunbookInfo {
  titleRange: Range;
  /** Titles of the required sections it lacks, in canonical order. */
  missingSections: string[];
  /** Set when the file is not Markdown: its sections cannot be known. */
  markdown?: false;
  lastReviewed?: { date: string; range: Range };
}

const LAST_REVIEWED = /^lastReviewed:[ \t]*(["']?)([^"'\s#]+)\1/m;

export function runbookInfo(uri: string, text: string, options: RunbookOptions): RunbookInfo {
  const positions = new PositionMap(text);
  if (!isMarkdownPath(uri)) return { titleRange: positions.lineRangeAt(0), missingSections: [], markdown: false };
  const outline = scanOutline(text) ?? parsedOutline(text, positions);
  const present = new Set(outline.headings.map((h) => sectionKindOf(h, options.synonyms)?.id));
  const missingSections = SECTION_KINDS.filter((k) => {
    const severity = options.requiredSections[k.id];
    return severity !== undefined && severity !== 'off' && !present.has(k.id);
  }).map((k) => k.title);
  const titleRange = outline.title ?? positions.lineRangeAt(0);
  const frontmatter = outline.frontmatter;
  const match = frontmatter ? LAST_REVIEWED.exec(frontmatter.value) : null;
  if (!frontmatter || !match) return { titleRange, missingSections };
  const before = frontmatter.value.slice(0, match.index);
  const line = frontmatter.line + (before.match(/\n/g)?.length ?? 0);
  const character = match[0].indexOf(match[2]);
  return { titleRange, missingSections, lastReviewed: { date: match[2], range: { start: { line, character }, end: { line, character: character + match[2].length } } } };
}

/** The outline from the full Markdown parse, for texts the line scan does not model. */
export function parsedOutline(text: string, positions: PositionMap): Outline {
  const model = buildRunbookModel(text, parseMarkdown(text), positions);
  return {
    ...(model.frontmatter ? { frontmatter: { value: model.frontmatter.value, line: model.frontmatter.line } } : {}),
    ...(model.title ? { title: rangeOfNode(model.title, positions) } : {}),
    headings: model.sections.map((s) => s.text),
  };
}
