// A runbook lacks a section the configuration requires (by default Meaning, Impact,
// Diagnosis and Mitigation as errors, Escalation as a warning). Headings count under any
// of their synonyms, at any level below the title. The fix inserts the section, with its
// guidance text, where the canonical order puts it. It is not preferred, so fix-all and
// `prr check --fix` never apply it: the section's text must come from the author, or a CI
// gate on required sections would pass on inserted boilerplate.

import { SECTION_KINDS, type SectionKind } from '../../runbook/sections';
import { sectionTemplate } from '../../runbook/template';
import type { RunbookModel } from '../../runbook/model';
import type { RunbookRule } from '../../runbook/types';
import type { Range, TextEdit } from '../../types';
import { lineBreak } from '../../fixes/text';

export const rule: RunbookRule = {
  id: 'runbook-missing-section',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A runbook lacks a required section (by default Meaning, Impact, Diagnosis, Mitigation and Escalation).',
  check({ model, options, report }) {
    const present = new Set(model.sections.map((s) => s.kind?.id).filter(Boolean));
    const anchor = anchorRange(model);
    for (const kind of SECTION_KINDS) {
      const severity = options.requiredSections[kind.id];
      if (!severity || severity === 'off' || present.has(kind.id)) continue;
      const synonyms = kind.synonyms.filter((s) => s !== kind.id).slice(0, 3).map((s) => `"${s}"`).join(', ');
      const edit = insertSection(model, kind);
      report(anchor, `missing section "${kind.title}" (or a synonym: ${synonyms}): ${kind.guidance}`, {
        severity,
        // Inside a code block left open, a heading would be code: no fix until the fence is closed.
        ...(insideOpenFence(model.text, model.positions.offsetAt(edit.range.start)) ? {} : { fixes: [{ title: `Insert a "${kind.title}" section`, edits: [edit] }] }),
      });
    }
  },
};

/** Missing things are reported on the title (or the first line when there is none). */
function anchorRange(model: RunbookModel): Range {
  const node = model.title ?? model.root.children.find((c) => c.type !== 'yaml');
  const offset = node?.position?.start.offset ?? 0;
  return node === model.title && node ? model.positions.nodeRange(offset, node.position?.end.offset ?? offset) : model.positions.lineRangeAt(offset);
}

/** Whether `offset` lies in a fenced code block (``` or ~~~) opened above it and not closed before it. */
function insideOpenFence(text: string, offset: number): boolean {
  let fence: string | undefined;
  for (const line of text.slice(0, offset).split(/\r?\n/)) {
    const marker = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!marker) continue;
    if (fence === undefined) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
  }
  return fence !== undefined;
}

/** After the last present section that comes before `kind` in the canonical order; else before the first that comes after. */
function insertSection(model: RunbookModel, kind: SectionKind): TextEdit {
  const order = SECTION_KINDS.map((k) => k.id);
  const rank = order.indexOf(kind.id);
  const before = model.sections.filter((s) => s.kind && order.indexOf(s.kind.id) < rank).pop();
  const after = model.sections.find((s) => s.kind && order.indexOf(s.kind.id) > rank);
  const level = '#'.repeat((before ?? after)?.heading.depth ?? 2);
  const section = sectionTemplate(kind).replace(/^## /, `${level} `);
  let offset: number;
  if (before) offset = before.end;
  else if (after) offset = after.heading.position?.start.offset ?? model.text.length;
  else offset = model.text.length;
  const position = model.positions.positionAt(offset);
  // Keep a blank line between sections whatever the surrounding text ends with.
  const textBefore = model.text.slice(0, offset);
  const lead = textBefore === '' || /\n\r?\n$/.test(textBefore) ? '' : textBefore.endsWith('\n') ? '\n' : '\n\n';
  const trail = offset < model.text.length ? '\n' : '';
  // In the file's own line breaks (a CRLF runbook stays CRLF throughout).
  const newText = `${lead}${section}${trail}`.replace(/\n/g, lineBreak(model.text));
  return { range: { start: position, end: position }, newText };
}
