// Parses YAML text into documents that keep source ranges. Syntax problems become
// findings here; everything downstream works on the parsed documents.

import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import type { Finding } from '../types';
import { PositionMap } from './positions';
import { duplicateKeyFixes } from '../fixes/duplicate-key';
import { tooComplexFinding, yamlTooDeep } from '../limits';

/** Alias expansion is bounded so an "alias bomb" is reported instead of exhausting memory. */
const MAX_ALIAS_COUNT = 100;

export interface ParsedDocument {
  doc: Document.Parsed;
  /** The plain JS value, or undefined when it could not be built (see findings). */
  value: unknown;
  /** Offsets of syntax errors that damage the structure (not duplicate keys). */
  damage: number[];
  /** Syntax findings of this document. */
  findings: Finding[];
}

export interface ParsedYaml {
  positions: PositionMap;
  documents: ParsedDocument[];
  /** Set when the text was not parsed at all because it nests too deeply: the finding that says so. */
  refused?: Finding;
}

export function parseYaml(text: string): ParsedYaml {
  const positions = new PositionMap(text);
  // Parsing 2,000,000 nested brackets takes yaml half a minute and gigabytes: a linear scan refuses them first.
  const deep = yamlTooDeep(text);
  if (deep) return { positions, documents: [], refused: tooComplexFinding(positions, deep) };
  // yaml's own duplicate-key check compares each key with every earlier one (minutes for a
  // mapping of 100,000 keys); duplicateKeyErrors finds the same ones in linear time.
  // logLevel 'error': yaml would print a process warning for every mapping key that is a collection.
  // A lone \r is a line break to YAML 1.2 and to LSP, but not to yaml's lexer: as \n (same
  // length, same offsets) the nodes' lines are the editor's.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const parsed = parseAllDocuments(source, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents = docs.map((doc) => {
    const findings: Finding[] = [];
    const damage: number[] = [];
    // Removing lines from a document that does not parse can move its syntax errors: fix those first.
    const parses = doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
    for (const error of [...doc.errors, ...duplicateKeyErrors(doc)]) {
      const finding = syntaxFinding(error, text, positions);
      const fixes = error.code === 'DUPLICATE_KEY' && parses ? duplicateKeyFixes(doc, error.pos[0], positions) : undefined;
      findings.push(fixes ? { ...finding, fixes } : finding);
      if (error.code !== 'DUPLICATE_KEY') damage.push(error.pos[0]);
    }
    for (const warning of doc.warnings) findings.push(syntaxFinding(warning, text, positions));
    return { doc, value: toValue(doc, positions, findings), damage, findings };
  });
  return { positions, documents };
}

/**
 * DUPLICATE_KEY errors as yaml's `uniqueKeys: true` reports them — at the later key's
 * start, for scalar keys of equal value — found with one map lookup per key. On the same
 * pass, long strings are flattened: yaml builds a quoted scalar a character at a time, and
 * the resulting rope takes 30 bytes a character (34 MB for a 1 MB string) until flattened.
 */
function duplicateKeyErrors(doc: Document.Parsed): YAMLError[] {
  const errors: YAMLError[] = [];
  // A walk of its own: yaml's `visit` keeps a frozen copy of the path to every node (a sixth of parsing's time).
  const walk = (node: unknown): void => {
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.value.length > 256) node.value.indexOf('\u0000'); // flattens it in place
    } else if (isMap(node)) {
      const pairs = node.items as Pair[];
      const seen = pairs.length > SCAN_LIMIT ? new Set<unknown>() : undefined;
      for (let i = 0; i < pairs.length; i++) {
        const key = pairs[i].key as Node | null;
        if (!isScalar(key) || !key.range) continue;
        const value = key.value;
        if (typeof value === 'number' && Number.isNaN(value)) continue; // NaN !== NaN, as yaml compares
        if (seen ? seen.has(value) : earlierKey(pairs, i, value)) {
          // Plain objects, not YAMLParseErrors: an Error captures a stack trace, 100,000 of them take a third of a second.
          errors.push({ name: 'YAMLParseError', code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [key.range[0], key.range[0] + 1] } as YAMLError);
        } else seen?.add(value);
      }
      // As yaml's `visit` does: a mapping's own duplicates, then those inside its keys and values.
      for (const pair of pairs) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(doc.contents);
  return errors;
}

/** Up to this many pairs, a mapping's keys are compared with each other instead of through a set. */
const SCAN_LIMIT = 16;

function earlierKey(pairs: readonly Pair[], before: number, value: unknown): boolean {
  for (let j = 0; j < before; j++) {
    const key = pairs[j].key;
    if (isScalar(key) && key.range && key.value === value) return true;
  }
  return false;
}

function toValue(doc: Document.Parsed, positions: PositionMap, findings: Finding[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const start = doc.contents?.range[0] ?? 0;
    const message = error instanceof Error ? error.message : String(error);
    const aliasBomb = /alias/i.test(message);
    findings.push({
      ruleId: aliasBomb ? 'yaml-alias-limit' : 'yaml-syntax',
      severity: 'error',
      message: aliasBomb
        ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions); the document was not checked`
        : `the document could not be read: ${message}`,
      range: positions.lineRangeAt(start),
    });
    return undefined;
  }
}

function syntaxFinding(error: YAMLError, text: string, positions: PositionMap): Finding {
  const duplicate = error.code === 'DUPLICATE_KEY';
  const opener = /^Flow (sequence|mapping)/.test(error.message) ? unclosedBracketBefore(error.pos[0], text) : undefined;
  if (opener !== undefined) {
    const line = positions.lineRangeAt(opener);
    return { ruleId: 'yaml-syntax', severity: 'error', message: syntaxMessage(error), range: { start: positions.positionAt(opener), end: line.end } };
  }
  const [start, end] = duplicate ? keyExtent(error.pos, text) : error.pos;
  // An error found only at the end of the text (an unclosed bracket) is shown on the last line with content.
  const atEnd = start >= text.trimEnd().length;
  const anchor = atEnd ? Math.max(0, text.trimEnd().length - 1) : start;
  const range = end > start && !atEnd ? positions.rangeOf(start, end) : positions.lineRangeAt(anchor);
  return {
    ruleId: duplicate ? 'duplicate-key' : 'yaml-syntax',
    severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
    message: duplicate ? duplicateKeyMessage(text.slice(start, end)) : syntaxMessage(error),
    range,
  };
}

/**
 * yaml notices an unclosed `[`/`{` only where the next block starts; the mistake is at the
 * bracket, so point there. Scans back over the text, skipping quoted strings and comments.
 */
function unclosedBracketBefore(offset: number, text: string): number | undefined {
  const open: number[] = [];
  const from = Math.max(0, offset - 4096);
  for (let i = from; i < Math.min(offset, text.length); i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      i = close < 0 || close > offset ? offset : close;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? offset : eol;
    } else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
  }
  return open.length > 0 ? open[open.length - 1] : undefined;
}

/** yaml marks only the first character of a duplicate key; the finding covers the whole key. */
function keyExtent([start, end]: [number, number], text: string): [number, number] {
  const rest = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n\r,{}[\]]*[^\s:,{}[\]])/.exec(text.slice(start, start + 1024));
  return rest && rest[0].length > 0 ? [start, start + rest[0].length] : [start, end];
}

function duplicateKeyMessage(key: string): string {
  return `duplicate key \`${key}\`: a key may appear only once in a mapping; remove or rename one of them`;
}

function syntaxMessage(error: YAMLError): string {
  // yaml's messages end with a position suffix like " at line 3, column 5"; the range says it already.
  const text = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  return `YAML syntax error: ${text}`;
}
