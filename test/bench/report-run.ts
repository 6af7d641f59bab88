// Child process of the report bench (report.ts): indexes a folder as `prr report` does
// (lists the YAML files and reads them into the index with each file's configuration;
// runbooks are read when a manifest points at one), builds the readiness report twice, and
// prints the times, the CPU time of the cold index and report, and its peak RSS as JSON.

import { pathToFileURL, fileURLToPath } from 'node:url';
import { createEngine } from '../../server/src/service/index';
import { ConfigStore } from '../../server/src/node/config-store';
import { diskIO } from '../../server/src/node/engine-io';
import { indexFiles } from '../../server/src/node/index-files';
import { collectFiles } from '../../server/src/node/workspace';
import { jsonChunks } from '../../server/src/report';

async function main(root: string): Promise<void> {
  const engine = createEngine({ io: diskIO() });
  const configs = new ConfigStore(engine);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const files = await collectFiles([root], (p) => /\.(ya?ml|json)$/i.test(p));
  await indexFiles(engine, files, (p) => configs.configFor(p));
  const t1 = performance.now();
  const options = { configFor: (uri: string) => configs.configFor(fileURLToPath(uri)), root: pathToFileURL(root).href };
  const report = engine.report(options);
  let bytes = 0;
  for (const chunk of jsonChunks(report)) bytes += chunk.length; // rendered as `prr report --format json` writes it
  if (bytes === 0) throw new Error('empty JSON report');
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  engine.report(options);
  const t3 = performance.now();
  const failing = report.services.filter((s) => s.counts.fail > 0);
  if (failing.length > 0) throw new Error(`generated services should pass every check; ${failing.length} fail, e.g. ${failing[0].name}: ${JSON.stringify(failing[0].checks.filter((c) => c.status === 'fail'))}`);
  process.stdout.write(JSON.stringify({
    services: report.services.length,
    indexMs: t1 - t0,
    reportMs: t2 - t1,
    warmReportMs: t3 - t2,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }));
}

void main(process.argv[2]);
