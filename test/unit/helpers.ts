// Test helpers: run the engine on inline text and show findings compactly.

import { createEngine, type EngineOptions, type Finding } from '../../server/src/service';

/** `line:col-line:col rule message`, 1-based like an editor's status bar. */
export function show(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.ruleId} ${f.message}`;
}

export function check(text: string, path = 'svc.readiness.yaml', options: EngineOptions = {}): string[] {
  return createEngine(options).check({ uri: `file:///work/${path}`, text }).map(show);
}

/** A valid manifest with `spec` lines replaced or added, for one-problem-at-a-time tests. */
export function manifest(specLines: string): string {
  return ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: svc', 'spec:', '  owner: team-a', '  tier: 1', specLines].join('\n') + '\n';
}
