// The prr engine: documents in, findings out. Pure — every shell (language server,
// CLI) builds one with createEngine and passes text in; no I/O happens here.

import { RULES } from './rules/registry';
import type { Finding, RuleMeta, Severity, SourceDocument } from './types';
import { Validators } from './schema/validators';
import { SHIPPED_SCHEMAS } from './schema/shipped';
import { checkYamlText, isYamlPath } from './check-yaml';

export type { Finding, RuleMeta, Severity, SourceDocument, Range, Position } from './types';

export type SeveritySetting = Severity | 'off';

export interface EngineOptions {
  /** Base URL of the rule documentation pages; `<base><rule-id>.md` is each rule's page. */
  docsBaseUrl?: string;
  /** Per-rule severity overrides; `off` silences a rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export interface Engine {
  readonly rules: readonly RuleMeta[];
  /** True for files the engine may have something to say about (by extension). */
  isCandidate(path: string): boolean;
  check(document: SourceDocument): Finding[];
  docsUrl(ruleId: string): string | undefined;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const validators = new Validators(SHIPPED_SCHEMAS);
  const known = new Map(RULES.map((r) => [r.id, r]));
  const severities = options.severities ?? {};

  function applySeverity(findings: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const finding of findings) {
      const setting = severities[finding.ruleId] ?? known.get(finding.ruleId)?.defaultSeverity ?? finding.severity;
      if (setting !== 'off') out.push({ ...finding, severity: setting });
    }
    return out;
  }

  return {
    rules: RULES,
    isCandidate: isYamlPath,
    check(document) {
      const path = pathOf(document.uri);
      if (!isYamlPath(path)) return [];
      return applySeverity(checkYamlText(document.text, path, validators));
    },
    docsUrl(ruleId) {
      return options.docsBaseUrl && known.has(ruleId) ? `${options.docsBaseUrl}${ruleId}.md` : undefined;
    },
  };
}

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? decodeURIComponent(uri.replace(/^file:\/\//, '')) : uri;
}
