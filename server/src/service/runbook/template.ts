// The runbook template: what "PRR: New Runbook", the create-runbook quick fix and the
// insert-section quick fix write. Guidance text tells the author what belongs in each section.

import { SECTION_KINDS, type SectionKind } from './sections';

export interface RunbookTemplateInput {
  /** The alert (or procedure) the runbook answers, e.g. `CheckoutHighErrorRate`. */
  name: string;
  service?: string;
  owner?: string;
  /** YYYY-MM-DD */
  today: string;
}

const TEMPLATE_SECTIONS = ['meaning', 'impact', 'diagnosis', 'mitigation', 'escalation'];

export function runbookTemplate(input: RunbookTemplateInput): string {
  const frontmatter = [
    '---',
    `title: ${input.name}`,
    ...(input.service ? [`service: ${input.service}`] : []),
    `alerts: [${input.name}]`,
    ...(input.owner ? [`owner: ${input.owner}`] : []),
    'severity: page',
    `lastReviewed: ${input.today}`,
    '---',
  ];
  const sections = SECTION_KINDS.filter((k) => TEMPLATE_SECTIONS.includes(k.id)).map(sectionTemplate);
  return [...frontmatter, '', `# ${input.name}`, '', ...sections].join('\n');
}

/** One section: heading, guidance, and for Mitigation a numbered step so the section is concrete. */
export function sectionTemplate(kind: SectionKind): string {
  const body = kind.id === 'mitigation' ? `${kind.guidance}\n\n1. First step.\n` : `${kind.guidance}\n`;
  return `## ${kind.title}\n\n${body}`;
}
