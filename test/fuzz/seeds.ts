// The documents the fuzzer mutates: every fixture and example, and ../shared/corpus when
// it is there. Each keeps a path that gives it its kind (runbooks stay under runbooks/).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Seed {
  /** Workspace-relative path, used for the document's URI. */
  path: string;
  text: string;
}

export const ROOT = join(__dirname, '..', '..');
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const CANDIDATE = /\.(ya?ml|json|md|markdown)$/i;
/** Fixtures that are not prr documents and only slow the fuzzer down (a 60 KB JSON Schema); the fuzz regressions come wrapped. */
const SKIP = /sarif-schema|test\/fixtures\/fuzz\//;
export const REGRESSIONS = join(ROOT, 'test', 'fixtures', 'fuzz');

/** An input the fuzzer once broke the engine with (test/fixtures/fuzz/*.json): its text, the path it was checked as, what failed and what fixed it. */
export interface Regression extends Seed {
  name: string;
  found: string;
  fixed: string;
  /** Other files of the workspace it needs (path → text), e.g. the runbook a reference names. */
  others?: Record<string, string>;
}

export function loadRegressions(): Regression[] {
  if (!existsSync(REGRESSIONS)) return [];
  return readdirSync(REGRESSIONS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(REGRESSIONS, f), 'utf8')) as Omit<Regression, 'name'>) }));
}

export function loadSeeds(options: { corpus?: boolean } = {}): Seed[] {
  const folders: [string, string][] = [[join(ROOT, 'test', 'fixtures'), 'fixtures'], [join(ROOT, 'examples'), 'examples']];
  if (options.corpus !== false && existsSync(CORPUS)) folders.push([CORPUS, 'corpus']);
  const seeds: Seed[] = [];
  for (const [folder, name] of folders) {
    for (const entry of (readdirSync(folder, { recursive: true }) as string[]).sort()) {
      const file = join(folder, entry);
      if (!CANDIDATE.test(entry) || SKIP.test(file.replace(/\\/g, '/')) || !statSync(file).isFile()) continue;
      seeds.push({ path: `${name}/${relative(folder, file).replace(/\\/g, '/')}`, text: readFileSync(file, 'utf8') });
    }
  }
  // The regressions are mutated too: what broke once is a good place to look again.
  for (const regression of loadRegressions()) seeds.push({ path: regression.path, text: regression.text });
  return seeds;
}
