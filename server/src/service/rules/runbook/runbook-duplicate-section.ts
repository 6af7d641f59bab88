// Two sections that say the same thing: the same kind of section (by synonym: "Mitigation"
// and "Resolution") or the same heading text at the same level. Whoever follows the runbook
// reads the first and may never see the second; whoever edits it updates one of the two.
//
// Only sections under the same parent heading are compared: a runbook that covers two
// variants of an alert (`## Critical` / `### Mitigation`, `## Warning` / `### Mitigation`)
// repeats its subsection headings on purpose.

import type { RunbookSection } from '../../runbook/model';
import type { RunbookRule } from '../../runbook/types';
import { sectionName } from '../../runbook/sections';

export const rule: RunbookRule = {
  id: 'runbook-duplicate-section',
  defaultSeverity: 'warning',
  description: 'A runbook has two sections of the same kind, or two headings with the same text at the same level.',
  check({ model, report }) {
    const parents = parentsOf(model.sections);
    const firstByText = new Map<string, RunbookSection>();
    const firstByKind = new Map<string, RunbookSection>();
    model.sections.forEach((section, i) => {
      const text = sectionName(section.text);
      const textKey = `${parents[i]} ${section.heading.depth} ${text}`;
      const kindKey = section.kind ? `${parents[i]} ${section.kind.id}` : undefined;
      const sameText = text === '' ? undefined : firstByText.get(textKey);
      const sameKind = kindKey === undefined ? undefined : firstByKind.get(kindKey);
      if (sameText) {
        report(section.range, `duplicate heading "${section.text.trim()}" (first on line ${sameText.range.start.line + 1}): merge the two sections`);
      } else if (sameKind && section.kind) {
        report(section.range, `"${section.text.trim()}" is a second ${section.kind.title} section (the first is "${sameKind.text.trim()}" on line ${sameKind.range.start.line + 1}): merge the two`);
      }
      if (text !== '' && !firstByText.has(textKey)) firstByText.set(textKey, section);
      if (kindKey !== undefined && !firstByKind.has(kindKey)) firstByKind.set(kindKey, section);
    });
  },
};

/** For each section, the index of the section it sits under (-1: the top of the runbook). */
function parentsOf(sections: readonly RunbookSection[]): number[] {
  const open: number[] = [];
  return sections.map((section, i) => {
    while (open.length > 0 && sections[open[open.length - 1]].heading.depth >= section.heading.depth) open.pop();
    const parent = open.length > 0 ? open[open.length - 1] : -1;
    open.push(i);
    return parent;
  });
}
