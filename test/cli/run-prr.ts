// Shared by the CLI tests: runs the built `prr` (dist/cli.js, so `npm run build` first)
// as a user would, and builds small workspaces on disk to run it in.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const root = join(__dirname, '..', '..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `prr args…` in `cwd` (the repository root by default) with color settings cleared; `runner`: a command to run it through (setpriv …). */
export function prr(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; runner?: readonly string[] } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const [command, ...prefix] = [...(options.runner ?? []), process.execPath];
  const run = spawnSync(command, [...prefix, join(root, 'dist', 'cli.js'), ...args], { cwd: options.cwd ?? root, encoding: 'utf8', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs `body` in a fresh folder holding `files`, removed afterwards. */
export function inWorkspace(files: Record<string, string>, body: (dir: string) => void): void {
  const dir = workspace(files);
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh folder holding `files` (relative path → text). */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'prr-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const PAYMENTS = 'examples/payments-worker/payments-worker.readiness.yaml';

/**
 * The deliberate problems of the payments-worker manifest (examples/README.md), 1-based,
 * end exclusive. Other example files may gain findings as rules are added; these stay.
 */
export const PAYMENTS_FINDINGS = [
  { ruleId: 'unknown-property', start: [13, 3], end: [13, 11], message: 'unknown property `lifecyle` in `spec` — did you mean `lifecycle`?' },
  { ruleId: 'invalid-enum', start: [14, 9], end: [14, 10], message: '`spec.tier` must be one of `1`, `2`, `3`, `4`; got `5`' },
  { ruleId: 'invalid-enum', start: [30, 15], end: [30, 21], message: '`spec.release.strategy` must be one of `canary`, `blue-green`, `rolling`, `recreate`; got `canery` — did you mean `canary`?' },
  { ruleId: 'missing-property', start: [39, 7], end: [39, 11], message: 'missing required property `severity` in `spec.alerts[1]`' },
  { ruleId: 'invalid-format', start: [44, 13], end: [44, 23], message: '`spec.security.review.date` must be a date (YYYY-MM-DD); got `2025-13-40`' },
] as const;

/** Two OpenSLO Services with one name: a `duplicate-name` error in each file, with related locations. */
export const DUPLICATE_SERVICES = {
  'a.openslo.yaml': 'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  description: The shop.\n',
  'b.openslo.yaml': 'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  description: The shop, again.\n',
};

/** An OpenSLO SLO naming a service in a workspace without Service objects: one `missing-service` warning (6:12–6:16). */
export const SLO_WITHOUT_SERVICE = {
  'slo.openslo.yaml': [
    'apiVersion: openslo/v1',
    'kind: SLO',
    'metadata:',
    '  name: shop-availability',
    'spec:',
    '  service: shop',
    '  indicator:',
    '    metadata:',
    '      name: shop-ok',
    '    spec:',
    '      ratioMetric:',
    '        counter: true',
    '        good:',
    '          metricSource:',
    '            type: Prometheus',
    '            spec:',
    '              query: sum(rate(ok[5m]))',
    '        total:',
    '          metricSource:',
    '            type: Prometheus',
    '            spec:',
    '              query: sum(rate(all[5m]))',
    '  timeWindow:',
    '    - duration: 28d',
    '      isRolling: true',
    '  budgetingMethod: Occurrences',
    '  objectives:',
    '    - target: 0.999',
    '',
  ].join('\n'),
};

/**
 * A manifest whose file name and unknown key hold every character the formats must
 * escape: `, : % < > & " '` and a line break (the key is a quoted YAML string).
 */
export const ODD_FILE = 'odd, name:50% <a&b>.readiness.yaml';
export const ODD_KEY = 'bad,key:100%<&>"\'\r\nline2';
export const ODD_MANIFEST = {
  [ODD_FILE]: 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: odd\nspec:\n  owner: team-odd\n  tier: 2\n  "bad,key:100%<&>\\"\'\\r\\nline2": 1\n',
};
