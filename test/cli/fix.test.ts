// `prr check --fix` on a copy of examples/: the editor's fix-all applied and written back,
// then only findings without an unambiguous fix are left, and the diff touches nothing else.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/service';
import { autoFix } from '../../server/src/service/fixes/fix-all';
import { ConfigStore } from '../../server/src/node/config-store';
import { diskIO } from '../../server/src/node/engine-io';
import { collectFiles } from '../../server/src/node/workspace';
import { prr } from './run-prr';

const examples = join(__dirname, '..', '..', 'examples');

test('check --fix writes the unambiguous fixes, leaves only unfixable findings, and changes nothing else', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'prr-fix-'));
  try {
    cpSync(examples, copy, { recursive: true });
    const run = prr(['check', '.', '--fix'], { cwd: copy });
    assert.equal(run.code, 1, 'errors without an unambiguous fix remain');

    // Nothing left that fix-all would have fixed.
    const files = await collectFiles([copy], (p) => /\.(ya?ml|md)$/.test(p));
    const engine = createEngine({ io: diskIO() });
    const configs = new ConfigStore(engine);
    const texts = files.map((f) => ({ uri: pathToFileURL(f).href, text: readFileSync(f, 'utf8'), config: configs.configFor(f) }));
    for (const t of texts) engine.setFile(t, t.config);
    const fixable = texts.flatMap((t) => engine.check(t, t.config).filter((f) => autoFix(f)).map((f) => `${t.uri} ${f.ruleId}`));
    assert.deepEqual(fixable, []);

    // The diff: exactly the two fixes, every other byte as it was (a missing runbook section is not written for the author).
    const changed = files.filter((f) => readFileSync(f, 'utf8') !== readFileSync(join(examples, f.slice(copy.length)), 'utf8')).map((f) => f.slice(copy.length + 1)).sort();
    assert.deepEqual(changed, ['payments-worker/payments-worker.readiness.yaml']);
    const lineDiff = (rel: string) => {
      const before = readFileSync(join(examples, rel), 'utf8').split('\n');
      const after = readFileSync(join(copy, rel), 'utf8').split('\n');
      return { removed: before.filter((l) => !after.includes(l)), added: after.filter((l) => !before.includes(l)) };
    };
    assert.deepEqual(lineDiff('payments-worker/payments-worker.readiness.yaml'), {
      removed: ['  lifecyle: production          # deliberate: misspelled key, should be `lifecycle`', '    strategy: canery            # deliberate: typo, should be `canary`'],
      added: ['  lifecycle: production          # deliberate: misspelled key, should be `lifecycle`', '    strategy: canary            # deliberate: typo, should be `canary`'],
    });
    // Written through a temporary file and a rename: none is left behind.
    assert.deepEqual((readdirSync(copy, { recursive: true }) as string[]).filter((f) => f.includes('.prr-')), []);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
