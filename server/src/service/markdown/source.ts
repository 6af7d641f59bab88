// The Markdown text twice: as it is, and as lezer parses it. lezer knows only `\n` as a line
// ending, so it parses a copy with `\n` for each `\r\n` and `\r`; offsets in the copy map back
// to the text (values are sliced from the text, so they keep its line endings). Also the line
// and column arithmetic for container prefixes (`> `, a list item's indentation; tabs stop
// every 4 columns) that the values of code and HTML blocks leave out.

import { lastAtOrBefore } from '../yaml/positions';

/** A block quote (its prefix is `>` and one space), or a list item: its content column, its marker's line and where its content starts there. */
export type Container = 'quote' | { column: number; line: number; from: number };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * A `<` before a tag name with `_` in it, as in `<name_of_owner>`: lezer takes that for HTML
 * (inline, or a block on a line of its own), CommonMark and micromark for text (tag names are
 * letters, digits and `-`). lezer parses such a `<` as `%`, which means nothing in Markdown
 * either and is punctuation too; values are sliced from the text, so they keep the `<`.
 * Email autolinks (`<first_last@example.com>`) and `<destinations>` of links keep theirs.
 */
const NOT_A_TAG = /(?<!\]\(\s*|\]:\s*)<(?=\/?[A-Za-z][A-Za-z0-9-]*_)(?![^\s<>]*@[^\s<>]*>)/g;

export class MarkdownSource {
  /** What lezer parses: the text from `base` on, with `\n` line endings. */
  readonly md: string;
  /** Per line of `md`: its start, and how many `\r` were taken out before it (empty when none were). */
  private readonly lineStarts: number[] = [];
  private readonly removed: number[] = [];

  constructor(
    readonly text: string,
    private readonly base: number,
  ) {
    const source = base === 0 ? text : text.slice(base);
    const md = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
    this.md = md.includes('_') && md.includes('<') ? md.replace(NOT_A_TAG, '%') : md;
    if (md.length === source.length) return;
    let removed = 0;
    this.lineStarts.push(0);
    this.removed.push(0);
    for (const m of source.matchAll(/\r\n|\r|\n/g)) {
      if (m[0] === '\r\n') removed++;
      this.lineStarts.push(m.index + m[0].length - removed);
      this.removed.push(removed);
    }
  }

  /** The offset in the text of offset `n` of `md`. */
  at(n: number): number {
    if (this.lineStarts.length === 0) return this.base + n;
    return this.base + n + this.removed[lastAtOrBefore(this.lineStarts, n)];
  }

  /** The text of [from, to) of `md`, as it is in the text. */
  slice(from: number, to: number): string {
    return this.text.slice(this.at(from), this.at(to));
  }

  lineStartOf(offset: number): number {
    return this.md.lastIndexOf('\n', offset - 1) + 1;
  }

  lineEndOf(offset: number): number {
    const i = this.md.indexOf('\n', offset);
    return i < 0 ? this.md.length : i;
  }

  /** The column of `offset` in its line. */
  column(offset: number): number {
    let column = 0;
    for (let i = this.lineStartOf(offset); i < offset; i++) column = this.md[i] === '\t' ? column + 4 - (column % 4) : column + 1;
    return column;
  }

  /** The lines from the one starting at `lineStart` to `to`, each without its container prefix and up to `indent` more columns. */
  lines(lineStart: number, to: number, containers: readonly Container[], indent: number): string {
    let out = '';
    for (let line = lineStart; ;) {
      const { at, pad } = this.strip(line, containers, indent);
      const eol = Math.min(this.lineEndOf(at), to);
      out += ' '.repeat(pad) + this.slice(at, eol);
      if (eol >= to) return out;
      out += this.slice(eol, eol + 1);
      if (eol + 1 >= to) return out;
      line = eol + 1;
    }
  }

  /**
   * Where a line's content starts after its containers' prefixes (`>` and a space; a list
   * item's indentation, or on its first line its marker) and `indent` more columns. `column`
   * is the column reached; `pad` what is left of a tab that was only partly taken, as spaces.
   */
  strip(lineStart: number, containers: readonly Container[], indent: number): { at: number; pad: number; column: number } {
    const { md } = this;
    let at = lineStart;
    let atColumn = 0; // where the character at `at` starts
    let column = 0; // how far the prefixes reach: past atColumn inside a tab
    const take = (target: number) => {
      while (column < target && isSpace(md[at])) {
        const end = md[at] === '\t' ? atColumn + 4 - (atColumn % 4) : atColumn + 1;
        if (end > target) column = target;
        else [at, atColumn, column] = [at + 1, end, end];
      }
    };
    for (const container of containers) {
      if (container === 'quote') {
        let j = at;
        while (j - at < 3 && md[j] === ' ') j++;
        if (md[j] !== '>' || column > atColumn) continue; // a lazy line
        atColumn = column = atColumn + j - at + 1;
        at = j + 1;
        take(column + 1);
      } else if (container.line === lineStart) {
        at = Math.max(at, container.from);
        atColumn = column = this.column(at);
      } else {
        take(container.column);
      }
    }
    take(column + indent);
    if (column > atColumn) return { at: at + 1, pad: atColumn + 4 - (atColumn % 4) - column, column };
    return { at, pad: 0, column };
  }
}
