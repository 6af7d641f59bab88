// The sections a runbook is expected to have, in their canonical order, with the names
// real runbooks use for them (matched case-insensitively, any heading level below the title).

import type { Severity } from '../types';

export interface SectionKind {
  id: string;
  /** The heading prr writes (templates, quick fixes, completion). */
  title: string;
  /** Heading texts that mean this section, lower case. */
  synonyms: readonly string[];
  /** Guidance text a template puts under the heading. */
  guidance: string;
}

export const SECTION_KINDS: readonly SectionKind[] = [
  { id: 'meaning', title: 'Meaning', synonyms: ['meaning', 'overview', 'summary', 'description', 'alert meaning'], guidance: 'What the alert means: what is measured, the threshold, and why it fires.' },
  { id: 'impact', title: 'Impact', synonyms: ['impact', 'user impact', 'business impact'], guidance: 'Who is affected and how: users, other services, data, money.' },
  { id: 'diagnosis', title: 'Diagnosis', synonyms: ['diagnosis', 'troubleshooting', 'investigation', 'triage'], guidance: 'How to find the cause: dashboards to open, queries and commands to run, what to look for.' },
  { id: 'mitigation', title: 'Mitigation', synonyms: ['mitigation', 'resolution', 'remediation', 'fix', 'mitigations'], guidance: 'Concrete steps that stop the impact, as a numbered list or commands.' },
  { id: 'rollback', title: 'Rollback', synonyms: ['rollback', 'roll back', 'rolling back'], guidance: 'How to return to the last good release, and how to tell it worked.' },
  { id: 'verification', title: 'Verification', synonyms: ['verification', 'validation', 'verify'], guidance: 'How to confirm the service is healthy again.' },
  { id: 'escalation', title: 'Escalation', synonyms: ['escalation', 'escalations', 'contacts', 'contact', 'escalation path', 'who to contact', 'who to call'], guidance: 'Who to call when the steps above do not help: team, rotation, channel.' },
];

/** Which sections must exist, and how loudly their absence is reported. */
export type RequiredSections = Readonly<Record<string, Severity | 'off'>>;

/**
 * Warnings, not errors, by default: upstream's own well-kept runbooks (prometheus-operator's)
 * have a few without every section, and a checker that fails CI on them would be switched
 * off. Teams that want a gate raise them to `error` in `.prr.yaml`; the readiness report
 * counts missing sections either way.
 */
export const DEFAULT_REQUIRED_SECTIONS: RequiredSections = {
  meaning: 'warning',
  impact: 'warning',
  diagnosis: 'warning',
  mitigation: 'warning',
  escalation: 'warning',
};

/** The section a heading names, by built-in synonym or one the configuration adds. */
export function sectionKindOf(headingText: string, extra: Readonly<Record<string, readonly string[]>> = {}): SectionKind | undefined {
  const text = sectionName(headingText);
  return SECTION_KINDS.find((k) => k.synonyms.includes(text) || (extra[k.id] ?? []).some((s) => sectionName(s) === text));
}

/** A heading text (or a configured synonym) as compared: case, runs of white space and a trailing `:`/`.` do not count, as a reader would not see them. */
export function sectionName(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[ \t]*[:.]+$/, '');
}
