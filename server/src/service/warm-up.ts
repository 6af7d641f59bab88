// What the language server runs once at start, before it says it is ready: every shipped
// schema compiled and each kind of check run once, so that the first real check is not the
// slow one.

import type { Engine } from './engine';

/** One small document of each kind and OpenSLO object (bad on purpose, so the error mapping warms up too). */
const DOCUMENTS: readonly [string, string][] = [
  ['a.readiness.yaml', 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata: { name: a }\nspec: { owner: t, tier: 9 }\n'],
  ...['SLO', 'SLI', 'DataSource', 'Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'].map((kind): [string, string] => [`${kind}.yaml`, `apiVersion: openslo/v1\nkind: ${kind}\nmetadata: { name: a }\nspec: {}\n`]),
  ['v1alpha.yaml', 'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata: { name: a }\nspec: {}\n'],
  ['sloth.yaml', 'version: prometheus/v1\nservice: a\nslos: [{ name: a }]\n'],
  ['k8s.yaml', 'apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\nmetadata: { name: a }\nspec: { service: a, slos: [] }\n'],
  ['runbooks/a.md', '---\ntitle: a\n---\n# A\n\n## Meaning\n\nx\n'],
  ['.prr.yaml', 'rules: {}\n'],
];

export function warmUp(engine: Pick<Engine, 'check' | 'removeFile'>): void {
  for (const [path, text] of DOCUMENTS) {
    const uri = `prr-warm-up:///${path}`;
    engine.check({ uri, text });
    engine.removeFile(uri);
  }
}
