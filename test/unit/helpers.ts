// Test helpers: run the engine on inline text and show findings compactly.

import { createEngine, type EngineOptions, type Finding } from '../../server/src/service';

/** `line:col-line:col rule message`, 1-based like an editor's status bar. */
export function show(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.ruleId} ${f.message}`;
}

/** Checks `text` as the file `path`, with `others` (path → text) in the workspace index. */
export function check(text: string, path = 'svc.readiness.yaml', options: EngineOptions = {}, others: Record<string, string> = {}): string[] {
  const engine = createEngine(options);
  for (const [otherPath, otherText] of Object.entries(others)) engine.setFile({ uri: `file:///work/${otherPath}`, text: otherText });
  return engine.check({ uri: `file:///work/${path}`, text }).map(show);
}

/** An OpenSLO SLO named `name`, so manifests that refer to it resolve. */
export function openSloNamed(name: string): string {
  return `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: ${name}\nspec:\n  service: svc\n  indicatorRef: sli\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d\n      isRolling: true\n  objectives:\n    - target: 0.99\n`;
}

/** A valid manifest with `spec` lines replaced or added, for one-problem-at-a-time tests. */
export function manifest(specLines: string): string {
  return ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: svc', 'spec:', '  owner: team-a', '  tier: 1', specLines].join('\n') + '\n';
}
