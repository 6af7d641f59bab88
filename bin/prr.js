#!/usr/bin/env node
// The `prr` command. The bundle holds everything; build it with `npm run build`.
try {
  require('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('prr: dist/cli.js is missing; run `npm run build` first\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
