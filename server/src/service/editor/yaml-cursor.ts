// Where the cursor is in a YAML text that is being typed — found from indentation, not from
// a parse, so it works on a half-written line (`  ow|`, `  tier: |`, `    - |`) with syntax
// errors around. Block style only: inside a flow collection (`[a, b]`) there is no answer.

import { splitDocuments } from '../yaml/chunks';
import type { PathSegment } from '../yaml/locate';

export interface YamlCursor {
  /**
   * `key`: a key of a mapping is being typed; `value`: the value after `key: `;
   * `item`: a word after `- `, either a scalar list item or the first key of an object item.
   */
  mode: 'key' | 'value' | 'item';
  /** From the document's root: the mapping that gets the key (`key`), the value (`value`), the list item (`item`). */
  path: PathSegment[];
  /** What was typed of the word so far. */
  prefix: string;
  /** Offsets (in the whole text) of the word to replace. */
  start: number;
  end: number;
  /** The column where the keys of the mapping start (`key`, `item`). */
  column: number;
  /** A `:` follows the word already (`ow|ner: x`): complete the name only. */
  hasColon: boolean;
  /** The `---` document's text with the cursor's word taken out, so that it parses for the values around. */
  repaired: string;
  /** Columns per indentation level in this document (2 unless it uses another). */
  unit: number;
}

interface Level {
  column: number;
  type: 'map' | 'seq';
  key?: string;
  index: number;
}

const KEY = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#"'{}[\],&*!|>%@`][^#\n]*?)[ \t]*:(?:[ \t]+(.*)|$)/;
const WORD = /^[\w.\-/]*/;

export function cursorAt(text: string, offset: number): YamlCursor | undefined {
  const chunk = splitDocuments(text).filter((c) => c.offset <= offset).pop();
  if (!chunk) return undefined;
  const own = chunk.text;
  const local = offset - chunk.offset;
  const lineStart = own.lastIndexOf('\n', local - 1) + 1;
  const newline = own.indexOf('\n', local);
  const line = own.slice(lineStart, newline < 0 ? own.length : newline).replace(/\r$/, '');
  const before = line.slice(0, local - lineStart);
  const after = line.slice(local - lineStart);
  if (/^(---|\.\.\.)(\s|$)/.test(line) || /(^|\s)#/.test(stripQuoted(before))) return undefined;
  const { levels, flowAbove } = structure(own.slice(0, lineStart));
  const lead = /^( *)((?:-[ \t]+)*)/.exec(before) as RegExpExecArray;
  if (flowAbove !== undefined && lead[1].length > flowAbove) return undefined;
  const column = lead[0].length;
  for (let dash = lead[1].length; dash < column; dash += /^-[ \t]+/.exec(before.slice(dash))![0].length) enter(levels, dash, 'seq');
  const rest = before.slice(column);
  const unit = /^\S[^\n]*:[ \t]*\r?\n( +)\S/m.exec(own)?.[1].length ?? 2;
  const repairedLine = (keep: string) => own.slice(0, lineStart) + keep + own.slice(newline < 0 ? own.length : newline);
  const base = { column, unit };
  const keyed = KEY.exec(rest);
  if (keyed && keyed[2] !== undefined) {
    const value = keyed[2];
    if (/^[[{|>&*!]/.test(value) || /: |\s#/.test(value)) return undefined;
    enter(levels, column, 'map').key = unquote(keyed[1]);
    const prefix = value.replace(/^["']/, '');
    const tail = after.replace(/[ \t]+#.*$/, '').trimEnd();
    return { ...base, mode: 'value', path: pathOf(levels), prefix, start: offset - value.length, end: offset + tail.length, hasColon: false, repaired: repairedLine(`${lead[0]}${keyed[1]}:`) };
  }
  if (!WORD.test(rest) || WORD.exec(rest)![0] !== rest) return undefined;
  const wordEnd = WORD.exec(after)![0].length;
  const hasColon = /^[ \t]*:/.test(after.slice(wordEnd));
  const word = { prefix: rest, start: offset - rest.length, end: offset + wordEnd, hasColon, repaired: repairedLine(lead[0]) };
  if (lead[2] !== '' && !hasColon) {
    const seq = levels[levels.length - 1];
    return { ...base, ...word, mode: 'item', path: [...pathOf(levels.slice(0, -1)), seq.index] };
  }
  const map = enter(levels, column, 'map');
  return { ...base, ...word, mode: 'key', path: pathOf(levels.filter((l) => l !== map)) };
}

/**
 * The open mappings and lists after the lines of `text`, outermost first; and, when the text
 * ends inside a flow collection (`key: [a,`), the column of its key.
 */
function structure(text: string): { levels: Level[]; flowAbove?: number } {
  const levels: Level[] = [];
  let blockAbove: number | undefined; // inside a block scalar (`key: |`) whose key is at this column
  let flowAbove: number | undefined; // inside a flow collection whose key is at this column
  let flowDepth = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const indent = /^ */.exec(line)![0].length;
    if (line.trim() === '' || (blockAbove !== undefined && indent > blockAbove)) continue;
    blockAbove = undefined;
    const code = stripComment(line);
    // A flow collection continues on lines indented deeper than its key; one that does not is left unclosed.
    if (flowAbove !== undefined && indent > flowAbove) {
      flowDepth = Math.max(0, flowDepth + depthChange(code));
      if (flowDepth === 0) flowAbove = undefined;
      continue;
    }
    flowAbove = undefined;
    if (code.trim() === '' || /^(---|\.\.\.)(\s|$)/.test(code)) continue;
    const lead = /^( *)((?:-[ \t]+)*)/.exec(code) as RegExpExecArray;
    let dash = lead[1].length;
    while (dash < lead[0].length) {
      enter(levels, dash, 'seq');
      dash += /^-[ \t]+/.exec(code.slice(dash))![0].length;
    }
    const keyed = KEY.exec(code.slice(lead[0].length));
    if (!keyed) continue;
    enter(levels, lead[0].length, 'map').key = unquote(keyed[1]);
    const value = keyed[2] ?? '';
    if (/^[|>]/.test(value)) blockAbove = lead[0].length;
    else if (/^[[{]/.test(value)) {
      flowDepth = Math.max(0, depthChange(value));
      if (flowDepth > 0) flowAbove = lead[0].length;
    }
  }
  return { levels, ...(flowAbove !== undefined ? { flowAbove } : {}) };
}

/** Opens (or continues) a mapping or list at `column`, closing the deeper ones. */
function enter(levels: Level[], column: number, type: 'map' | 'seq'): Level {
  while (levels.length > 0 && levels[levels.length - 1].column > column) levels.pop();
  let top = levels[levels.length - 1];
  // A list written at its key's own column (`key:\n- a`) ends where a key of that mapping follows.
  if (top && top.column === column && top.type === 'seq' && type === 'map') {
    levels.pop();
    top = levels[levels.length - 1];
  }
  if (top && top.column === column && top.type === type) {
    if (type === 'seq') top.index++;
    return top;
  }
  const level: Level = { column, type, index: 0 };
  levels.push(level);
  return level;
}

function pathOf(levels: readonly Level[]): PathSegment[] {
  return levels.map((l) => (l.type === 'seq' ? l.index : l.key ?? ''));
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  return key.startsWith("'") ? key.slice(1, -1).replace(/''/g, "'") : key;
}

/** The text with quoted strings blanked, so that a `#` or bracket inside quotes does not count. */
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?/g, (m) => ' '.repeat(m.length));
}

function stripComment(line: string): string {
  const plain = stripQuoted(line);
  const hash = plain.search(/(^|\s)#/);
  return hash < 0 ? line : line.slice(0, hash);
}

function depthChange(text: string): number {
  let depth = 0;
  for (const c of stripQuoted(text)) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}
