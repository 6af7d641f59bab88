// What must hold for any input: every range the engine or the server returns lies inside
// the document (LSP line breaks: \n, \r\n, \r; characters in UTF-16 units), and every edit
// offered applies (inside the document, not overlapping).

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}
export interface Edit {
  range: Rng;
  newText: string;
}

/** Line starts and lengths (without the line break), as LSP counts them. */
export class Lines {
  readonly starts: number[] = [0];
  readonly lengths: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lengths.push(i - this.starts[this.starts.length - 1]);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.lengths.push(text.length - this.starts[this.starts.length - 1]);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Why `p` is not a position of the document, or undefined when it is. */
  badPosition(p: Pos | undefined): string | undefined {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `not a position: ${JSON.stringify(p)}`;
    if (p.line < 0 || p.line >= this.count) return `line ${p.line} outside 0..${this.count - 1}`;
    if (p.character < 0 || p.character > this.lengths[p.line]) return `character ${p.character} outside 0..${this.lengths[p.line]} on line ${p.line}`;
    return undefined;
  }

  badRange(r: Rng | undefined): string | undefined {
    if (!r) return 'no range';
    const bad = this.badPosition(r.start) ?? this.badPosition(r.end);
    if (bad) return `${bad} in ${show(r)}`;
    if (this.offset(r.end) < this.offset(r.start)) return `end before start: ${show(r)}`;
    return undefined;
  }

  offset(p: Pos): number {
    return this.starts[p.line] + p.character;
  }

  /** A random position of the document (anywhere, including line ends and between surrogates). */
  randomPosition(int: (n: number) => number): Pos {
    const line = int(this.count);
    return { line, character: int(this.lengths[line] + 1) };
  }
}

export function show(r: Rng): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Applies `edits` to the text of `lines`; throws when one is outside the document or two overlap. */
export function applyEdits(lines: Lines, edits: readonly Edit[]): string {
  const spans = edits.map((e) => {
    const bad = lines.badRange(e.range);
    if (bad) throw new Error(`edit outside the document: ${bad}`);
    if (typeof e.newText !== 'string') throw new Error('edit without newText');
    return { start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) throw new Error(`overlapping edits at offsets ${spans[i - 1].start}-${spans[i - 1].end} and ${spans[i].start}-${spans[i].end}`);
  }
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += lines.text.slice(last, s.start) + s.text;
    last = s.end;
  }
  return out + lines.text.slice(last);
}
