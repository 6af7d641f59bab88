// Where the cursor is in a YAML text that is being typed — found from indentation, not from
// a parse, so it works on a half-written line (`  ow|`, `  tier: |`, `    - |`) with syntax
// errors around. Inside a flow collection (`{ a: 1, | }`, `[a, |]`, a whole JSON document)
// a small scanner of flow syntax takes over from where the collection opens.

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
  /** Inside a flow collection (`{…}`, `[…]`): what is inserted must be flow style. */
  flow?: boolean;
  /** The quote the word under the cursor opens with (`"sp|`), if any. */
  quote?: '"' | "'";
  /**
   * In a flow collection left open (`key: { a: 1, |`), `repaired` may not parse: this one
   * closes the open collections at the cursor and drops the rest of the collection.
   */
  closed?: string;
  /** The cursor's `---` document as written, and its offset in the whole text. */
  document?: { text: string; offset: number };
}

interface Level {
  column: number;
  type: 'map' | 'seq';
  key?: string;
  index: number;
}

/** A flow collection that is open where a line ends: where its first bracket is and the path of its value. */
interface FlowOpen {
  /** Offset of the `{` or `[` in the document's text. */
  start: number;
  path: PathSegment[];
  /** The column of its key (its continuation lines are indented deeper); -1 at the root. */
  column: number;
}

const KEY = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#"'{}[\],&*!|>%@`][^#\n]*?)[ \t]*:(?:[ \t]+(.*)|$)/;
const WORD = /^[\w.\-/]*/;

export function cursorAt(text: string, offset: number): YamlCursor | undefined {
  const chunk = splitDocuments(text).filter((c) => c.offset <= offset).pop();
  const cursor = chunk && cursorInDocument(chunk, offset);
  return cursor && { ...cursor, document: { text: chunk.text, offset: chunk.offset } };
}

function cursorInDocument(chunk: { text: string; offset: number }, offset: number): YamlCursor | undefined {
  const own = chunk.text;
  const local = offset - chunk.offset;
  const lineStart = own.lastIndexOf('\n', local - 1) + 1;
  const newline = own.indexOf('\n', local);
  const line = own.slice(lineStart, newline < 0 ? own.length : newline).replace(/\r$/, '');
  const before = line.slice(0, local - lineStart);
  const after = line.slice(local - lineStart);
  if (/^(---|\.\.\.)(\s|$)/.test(line) || /(^|\s)#/.test(stripQuoted(before))) return undefined;
  const { levels, flow } = structure(own.slice(0, lineStart));
  const lead = /^( *)((?:-[ \t]+)*)/.exec(before) as RegExpExecArray;
  const unit = /^\S[^\n]*:[ \t]*\r?\n( +)\S/m.exec(own)?.[1].length ?? 2;
  const inFlow = (open: FlowOpen) => flowCursor(own, local, open, chunk.offset, unit);
  if (flow && lead[1].length > flow.column) return inFlow(flow);
  const column = lead[0].length;
  for (let dash = lead[1].length; dash < column; dash += /^-[ \t]+/.exec(before.slice(dash))![0].length) enter(levels, dash, 'seq');
  const rest = before.slice(column);
  const repairedLine = (keep: string) => own.slice(0, lineStart) + keep + own.slice(newline < 0 ? own.length : newline);
  const base = { column, unit };
  // A flow collection opening on this line: as an item (`- {`), or the whole document (`{`, JSON).
  if (/^[[{]/.test(rest)) {
    const path = lead[2] !== '' ? [...pathOf(levels.slice(0, -1)), levels[levels.length - 1].index] : levels.length === 0 && column === 0 ? [] : undefined;
    return path && inFlow({ start: lineStart + column, path, column: lead[1].length - (path.length === 0 ? 1 : 0) });
  }
  const keyed = KEY.exec(rest);
  if (keyed && keyed[2] !== undefined) {
    const value = keyed[2];
    if (/^[[{]/.test(value)) {
      enter(levels, column, 'map').key = unquote(keyed[1]);
      return inFlow({ start: lineStart + before.length - value.length, path: pathOf(levels), column });
    }
    if (/^[|>&*!]/.test(value) || /: |\s#/.test(value)) return undefined;
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

interface Frame {
  type: 'map' | 'seq';
  path: PathSegment[];
  /** map: the key read last, and whether its `:` came. */
  key?: string;
  colon: boolean;
  /** seq: the item's index. */
  index: number;
}

const FLOW_INDICATOR = /[,[\]{}]/;

/**
 * The cursor inside a flow collection that opens at `open.start` (in `text`, the document's
 * own text): reads the flow syntax from there to the cursor, keeping the open collections and
 * the key each is at. `base` is the document's offset in the whole text.
 */
/** Deeper flow nesting gets no completion (documents that deep are refused as too complex anyway). */
const MAX_FLOW_DEPTH = 256;

function flowCursor(text: string, local: number, open: FlowOpen, base: number, unit: number): YamlCursor | undefined {
  const frames: Frame[] = [];
  const top = () => frames[frames.length - 1];
  const childPath = (): PathSegment[] | undefined => {
    const frame = top();
    if (!frame) return open.path;
    if (frame.type === 'seq') return [...frame.path, frame.index];
    return frame.key !== undefined && frame.colon ? [...frame.path, frame.key] : undefined;
  };
  let i = open.start;
  const word = (start: number, end: number, quote?: '"' | "'"): YamlCursor | undefined => {
    const frame = top();
    if (!frame) return undefined;
    const after = text.slice(end);
    const hasColon = frame.type === 'map' && !frame.colon && /^[ \t]*:/.test(after);
    const mode = frame.type === 'seq' ? 'item' : frame.colon ? 'value' : 'key';
    const path = mode === 'key' ? frame.path : childPath();
    if (!path) return undefined;
    const cut = text.slice(0, start) + text.slice(end);
    const closers = frames.map((f) => (f.type === 'map' ? '}' : ']')).reverse().join('');
    // The rest of the collection, which may be unclosed: dropped, with the lines that continue it.
    const lineEnd = text.indexOf('\n', local);
    let resume = lineEnd < 0 ? text.length : lineEnd + 1;
    while (resume < text.length) {
      const next = text.indexOf('\n', resume);
      const nextLine = text.slice(resume, next < 0 ? text.length : next);
      if (!/^[\s\]},]*$/.test(nextLine) && /^ */.exec(nextLine)![0].length <= open.column) break;
      resume = next < 0 ? text.length : next + 1;
    }
    return {
      mode, path, prefix: text.slice(start + (quote ? 1 : 0), local), start: base + start, end: base + end, column: 0, unit,
      hasColon, repaired: cut, flow: true, ...(quote ? { quote } : {}),
      closed: `${text.slice(0, start)}${mode === 'value' || mode === 'item' ? 'null' : ''}${closers}\n${text.slice(resume)}`,
    };
  };
  while (i < text.length) {
    const c = text[i];
    // Past the cursor, or at it on something that is not a word: the cursor is between tokens.
    if (i > local || (i === local && /[\s,[\]{}#]/.test(c))) return word(local, local);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      const end = text.indexOf('\n', i);
      if (end < 0 || end >= local) return undefined; // in a comment
      i = end;
      continue;
    }
    if (c === '{' || c === '[') {
      const path = childPath();
      // Each frame holds its whole path: past any real document's depth that would be quadratic (10,000 levels: 0.8 s, 580 MB).
      if (!path || frames.length >= MAX_FLOW_DEPTH) return undefined;
      frames.push({ type: c === '{' ? 'map' : 'seq', path, colon: false, index: 0 });
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      frames.pop();
      if (frames.length === 0) return undefined; // the collection closed before the cursor
      i++;
      continue;
    }
    if (c === ',') {
      const frame = top();
      if (frame.type === 'seq') frame.index++;
      else {
        frame.key = undefined;
        frame.colon = false;
      }
      i++;
      continue;
    }
    if (c === ':' && (i + 1 >= text.length || /[\s,[\]{}]/.test(text[i + 1]) || /["']/.test(text[i - 1]))) {
      const frame = top();
      if (frame?.type === 'map') frame.colon = true;
      i++;
      continue;
    }
    // A scalar: quoted, or plain up to a flow indicator, `: ` or ` #`.
    const start = i;
    let end: number;
    let value: string;
    let quote: '"' | "'" | undefined;
    if (c === '"' || c === "'") {
      quote = c;
      const close = c === '"' ? /\\[\s\S]|"|\n/g : /''|'|\n/g;
      close.lastIndex = i + 1;
      let match: RegExpExecArray | null;
      while ((match = close.exec(text)) && match[0].length === 2);
      const closedAt = match && match[0] === c ? match.index : undefined;
      end = closedAt === undefined ? (match ? match.index : text.length) : closedAt + 1;
      value = unquote(text.slice(start, end));
    } else {
      end = i;
      while (end < text.length && !FLOW_INDICATOR.test(text[end]) && text[end] !== '\n' && !(text[end] === ':' && /[\s,[\]{}]/.test(text[end + 1] ?? ' ')) && !(text[end] === '#' && /\s/.test(text[end - 1]))) end++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      value = text.slice(start, end);
    }
    if (start <= local && local <= end) return word(start, end, quote);
    const frame = top();
    if (frame?.type === 'map' && !frame.colon) frame.key = value;
    // Always forward: a scalar of other white space (NBSP, U+2028) before an indicator trims to nothing.
    i = Math.max(end, i + 1);
  }
  return word(local, local);
}

/**
 * The open mappings and lists after the lines of `text`, outermost first; and, when the text
 * ends inside a flow collection (`key: [a,`), the column of its key.
 */
function structure(text: string): { levels: Level[]; flow?: FlowOpen } {
  const levels: Level[] = [];
  let blockAbove: number | undefined; // inside a block scalar (`key: |`) whose key is at this column
  let flow: FlowOpen | undefined; // inside a flow collection whose key is at flow.column
  let flowDepth = 0;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const indent = /^ */.exec(line)![0].length;
    if (line.trim() === '' || (blockAbove !== undefined && indent > blockAbove)) continue;
    blockAbove = undefined;
    const code = stripComment(line);
    // A flow collection continues on lines indented deeper than its key; one that does not is left unclosed.
    if (flow !== undefined && indent > flow.column) {
      flowDepth = Math.max(0, flowDepth + depthChange(code));
      if (flowDepth === 0) flow = undefined;
      continue;
    }
    flow = undefined;
    if (code.trim() === '' || /^(---|\.\.\.)(\s|$)/.test(code)) continue;
    const lead = /^( *)((?:-[ \t]+)*)/.exec(code) as RegExpExecArray;
    let dash = lead[1].length;
    while (dash < lead[0].length) {
      enter(levels, dash, 'seq');
      dash += /^-[ \t]+/.exec(code.slice(dash))![0].length;
    }
    const rest = code.slice(lead[0].length);
    const opens = (at: number, path: PathSegment[], column: number) => {
      flowDepth = Math.max(0, depthChange(code.slice(at)));
      if (flowDepth > 0) flow = { start: lineStart + at, path, column };
    };
    if (/^[[{]/.test(rest)) {
      if (lead[2] !== '') opens(lead[0].length, [...pathOf(levels.slice(0, -1)), levels[levels.length - 1].index], lead[1].length);
      else if (levels.length === 0 && lead[0].length === 0) opens(0, [], -1); // a flow document (JSON)
      continue;
    }
    const keyed = KEY.exec(rest);
    if (!keyed) continue;
    enter(levels, lead[0].length, 'map').key = unquote(keyed[1]);
    const value = keyed[2] ?? '';
    if (/^[|>]/.test(value)) blockAbove = lead[0].length;
    else if (/^[[{]/.test(value)) opens(code.length - value.length, pathOf(levels), lead[0].length);
  }
  return { levels, ...(flow !== undefined ? { flow } : {}) };
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
