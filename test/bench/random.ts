// Deterministic text generation for the benchmark: a fixed seed keeps the text identical
// from run to run, so timings compare across runs.

export interface Workload {
  text: string;
  documents: number;
  lines: number;
}

export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function choose<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** Joins generated documents with `---` until the text has at least `targetLines` lines. */
export function fill(targetLines: number, document: (index: number, rand: () => number) => string): Workload {
  const rand = mulberry32(0x5eed);
  const docs: string[] = [];
  let lines = 0;
  while (lines < targetLines) {
    const doc = document(docs.length, rand);
    docs.push(doc);
    lines += doc.split('\n').length + 1;
  }
  return { text: docs.map((d) => `---\n${d}\n`).join(''), documents: docs.length, lines };
}
