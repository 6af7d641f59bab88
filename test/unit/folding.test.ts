// Folding ranges of a runbook: heading sections nested by level (trailing blank lines left
// open), the front matter, code blocks and multi-line HTML comments; nothing elsewhere.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/service';
import { BASE, doc, RUNBOOK, workspaceEngine } from './editor-fixtures';

const RUNBOOK_WITH_BLOCKS = [
  '---', //                      0
  'title: Disk full',
  'owner: team-storage',
  '---',
  '',
  '# DiskFull', //               5
  '',
  '## Meaning',
  '',
  'The disk is filling up.',
  '', //                         10
  '## Diagnosis',
  '',
  '```sh',
  'df -h',
  'du -sh /var/*', //            15
  '```',
  '',
  '### Logs',
  '',
  '<!--', //                     20
  '  Ask the storage team.',
  '-->',
  '',
  '    indented code',
  '    more code', //            25
  '',
  '## Mitigation',
  'Free space.',
  '',
  '', //                         30
].join('\n');

test('sections by heading level, front matter, fenced and indented code, comments', () => {
  const engine = createEngine();
  assert.deepEqual(engine.foldingRanges({ uri: 'file:///w/runbooks/DiskFull.md', text: RUNBOOK_WITH_BLOCKS }), [
    { startLine: 0, endLine: 3 }, // front matter
    { startLine: 5, endLine: 28 }, // # DiskFull, to the end without the trailing blank lines
    { startLine: 7, endLine: 9 }, // ## Meaning
    { startLine: 11, endLine: 25 }, // ## Diagnosis, with its ### Logs
    { startLine: 13, endLine: 16 }, // ```sh … ```
    { startLine: 18, endLine: 25 }, // ### Logs
    { startLine: 20, endLine: 22, kind: 'comment' },
    { startLine: 24, endLine: 25 }, // indented code
    { startLine: 27, endLine: 28 }, // ## Mitigation
  ]);
});

test('the workspace runbook; a one-line section does not fold; nothing for other files', () => {
  const engine = workspaceEngine();
  assert.deepEqual(engine.foldingRanges(doc('runbooks/CheckoutHighErrorRate.md')), [
    { startLine: 0, endLine: 3 },
    { startLine: 5, endLine: 21 },
    { startLine: 7, endLine: 9 },
    { startLine: 11, endLine: 17 },
    { startLine: 15, endLine: 17 },
    { startLine: 19, endLine: 21 },
  ]);
  assert.equal(RUNBOOK.split('\n')[21], '1. Roll back.');
  assert.deepEqual(engine.foldingRanges({ uri: `${BASE}runbooks/Short.md`, text: '# A\n## B\n## C\n' }), [{ startLine: 0, endLine: 2 }]);
  assert.deepEqual(engine.foldingRanges(doc('README.md')), [], 'not a runbook');
  assert.deepEqual(engine.foldingRanges(doc('readiness.yaml')), [], 'YAML folds by indentation in the editor');
});
