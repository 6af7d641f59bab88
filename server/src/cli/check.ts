// `prr check`: finds the files, runs the engine on each and prints one line a finding.

import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, type Finding } from '../service';
import { rulesDocsBaseUrl } from '../node/docs-location';
import { collectFiles } from '../node/workspace';
import { readText } from '../node/read-text';
import { diskIO } from '../node/engine-io';

export async function checkCommand(paths: readonly string[]): Promise<number> {
  const engine = createEngine({ docsBaseUrl: rulesDocsBaseUrl(), io: diskIO() });
  let files: string[];
  try {
    files = await collectFiles(paths, (p) => engine.isCandidate(p));
  } catch (error) {
    process.stderr.write(`prr: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  // Index every file before checking any, so references and duplicates resolve across them.
  const texts = new Map<string, string>();
  for (const file of files) {
    const read = await readText(file);
    if (!read.ok) {
      process.stdout.write(`${display(file)}:1:1  warning  file-skipped  ${read.reason}\n`);
      counts.warning++;
      continue;
    }
    texts.set(file, read.text);
    engine.setFile({ uri: pathToFileURL(file).href, text: read.text });
  }
  let filesWithFindings = 0;
  for (const [file, text] of texts) {
    const findings = engine.check({ uri: pathToFileURL(file).href, text });
    if (findings.length > 0) filesWithFindings++;
    for (const finding of findings) {
      counts[finding.severity]++;
      process.stdout.write(`${formatFinding(display(file), finding)}\n`);
    }
  }
  process.stdout.write(`${summary(counts, filesWithFindings, files.length)}\n`);
  return counts.error > 0 ? 1 : 0;
}

export function formatFinding(path: string, f: Finding): string {
  return `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.ruleId}  ${f.message}`;
}

function summary(counts: Record<string, number>, withFindings: number, total: number): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([severity, n]) => `${n} ${severity}${n === 1 ? '' : 's'}`);
  const checked = `${total} file${total === 1 ? '' : 's'} checked`;
  return parts.length === 0 ? `no problems; ${checked}` : `${parts.join(', ')} in ${withFindings} file${withFindings === 1 ? '' : 's'}; ${checked}`;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
