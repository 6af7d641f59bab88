// A Mitigation section (or Resolution, Remediation, …) written as prose only: no list of
// steps and no command to run. Paged at night, people follow steps, not paragraphs; a
// numbered list or a code block is what makes a mitigation followable. A hint, since some
// mitigations honestly are one sentence ("route this alert to a null receiver").
// Subsections count (their lists and code are the section's). An empty Mitigation is left
// to runbook-empty-section when that section is required.

import type { Nodes } from 'mdast';
import type { RunbookRule } from '../../runbook/types';
import { hasContent } from './runbook-empty-section';

export const rule: RunbookRule = {
  id: 'runbook-mitigation-no-steps',
  defaultSeverity: 'hint',
  description: 'A Mitigation section has no list of steps and no code block.',
  check({ model, options, report }) {
    const required = options.requiredSections.mitigation;
    for (const section of model.sections) {
      if (section.kind?.id !== 'mitigation' || hasSteps(section.content)) continue;
      if (required && required !== 'off' && !hasContent(section.content)) continue; // runbook-empty-section says it
      report(section.range, `"${section.text.trim()}" has no steps: write what to do as a numbered list, or the commands to run in a code block`);
    }
  },
};

function hasSteps(nodes: readonly Nodes[]): boolean {
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'list' || node.type === 'code') return true;
    // A list written in HTML (`<ol><li>…`) renders as one too.
    if (node.type === 'html' && /<li\b/i.test(node.value)) return true;
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return false;
}
