// The `prr/readinessReport` request through the real server: the same data as
// `prr report --format json` (both judged on PRR_NOW, paths relative to the same folder),
// or without the checks for a status bar, available as soon as the client asks (the request waits for the initial scan), limited by
// `uris`, and current after an edit in an open buffer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { READINESS_REPORT_METHOD, type ReadinessReport } from '../../server/src/protocol/report';
import { prr, root } from '../cli/run-prr';
import { withServer } from './server-process';

// The server inherits this process's environment: both sides judge dates on the same day.
process.env.PRR_NOW = '2026-12-01';
const examples = join(root, 'examples');
const examplesUri = pathToFileURL(examples).href;

test('prr/readinessReport returns exactly what prr report --format json prints', async () => {
  const cli = prr(['report', '.', '--format', 'json'], { cwd: examples, env: { PRR_NOW: '2026-12-01' } });
  assert.equal(cli.code, 0, cli.stderr);
  const expected = JSON.parse(cli.stdout) as ReadinessReport;
  assert.equal(expected.services.length, 3);
  await withServer({ rootUri: examplesUri }, async (server) => {
    // Asked at once: the answer waits for the workspace scan instead of reporting part of it.
    const report = await server.connection.sendRequest<ReadinessReport>(READINESS_REPORT_METHOD, {});
    assert.deepEqual(report, expected);
    // For a status bar: the same services and summary, without the checks.
    const summary = await server.connection.sendRequest<ReadinessReport>(READINESS_REPORT_METHOD, { checks: false });
    assert.deepEqual(summary, { ...expected, services: expected.services.map((s) => ({ ...s, checks: [] })) });
  });
});

test('uris limits the report to the manifests under them; an edit in an open buffer shows in the next report', async () => {
  await withServer({ rootUri: examplesUri }, async (server) => {
    const only = await server.connection.sendRequest<ReadinessReport>(READINESS_REPORT_METHOD, { uris: [`${examplesUri}/payments-worker`] });
    assert.deepEqual(only.services.map((s) => s.name), ['payments-worker']);
    assert.equal(only.services[0].file.path, 'payments-worker/payments-worker.readiness.yaml');

    const uri = `${examplesUri}/checkout-api/readiness.yaml`;
    const text = readFileSync(join(examples, 'checkout-api', 'readiness.yaml'), 'utf8');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: text.replace('      rotation: checkout-primary\n', '').replace('      pagerdutyServiceId: PCHK123\n', '') },
    });
    const after = await server.connection.sendRequest<ReadinessReport>(READINESS_REPORT_METHOD, { uris: [uri] });
    const [checkout] = after.services;
    assert.equal(checkout.name, 'checkout-api');
    assert.deepEqual(checkout.blocking, ['ownership-on-call']);
    assert.equal(checkout.blocked, true);
    assert.equal(checkout.level, 'none');
    // Weights: 88 in all, less 6 of the ML checks (n/a) and 1 of data-lineage (exempt) = 81 that count; on-call's 3 now fail.
    assert.equal(checkout.score, Math.floor((78 * 100) / 81));
  });
});
