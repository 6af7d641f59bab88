// Mutations of a document's text: the edits, slips and damage an editor buffer sees —
// byte flips, truncation, duplicated and deleted lines, indentation shifts, random unicode
// (BOM, NUL, lone surrogates, astral, line and paragraph separators), CRLF/CR mixes, tabs,
// and tokens of YAML and Markdown syntax dropped in the wrong place.

import type { Random } from './random';

export type Mutator = (text: string, random: Random, donors: readonly string[]) => string;

const ASCII = ' \t\n:-[]{},#&*!|>\'"%@`?~.=0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\\/<()_+^$';
const UNICODE = [
  '\uFEFF', // byte-order mark
  '\u0000', // NUL
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\uDBFF\uDFFF', // astral (a valid pair)
  '😀', '𝔸', '\u0301', '\u200B', '\u200E', '\u202E', '\u00A0', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\u001B', '\u007F', '\uFFFD', '\uFFFF', 'é', 'ß', '中文', 'ا',
];
const TOKENS = [
  ': ', '- ', '? ', '---\n', '...\n', '%YAML 1.2\n', '&a ', '*a', '<<: *a\n', '!!binary ', '!!str ', '!custom ', '{', '}', '[', ']', ', ',
  '|\n', '>-\n', '"', "'", '#', ' # comment', '\\', '\t', 'null', '~', 'true', '1e9999', '0x1F', '.nan', '2025-13-40', 'apiVersion: prr/v1\n',
  'apiVersion: openslo/v1\nkind: SLO\n', 'version: prometheus/v1\n', 'kind: ', 'metadata:\n  name: x\n', '{{.window}}', '# prr-disable-next-line unknown-property\n',
  '# prr-disable-file\n', '# prr-disable-next-line\n', '# prr-disable-line nope -- why\n', '<!-- prr-disable-next-line runbook-placeholder -->\n',
  '# ', '## Mitigation\n', '### Impact\n', '[x](#nowhere)', '[x](../missing.md#a)', '![i](img.png)', '```\n', '~~~', '> ', '* ', '1. ', '<div>', '<!--', '-->', '|a|b|\n|-|-|\n',
  'TODO', 'lorem ipsum', 'lastReviewed: 2020-01-01\n', 'runbook: runbooks/x.md\n', 'indicatorRef: ', 'alertPolicies: [', 'targetPercent: 100\n',
];

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function at(text: string, random: Random): number {
  return random.int(text.length + 1);
}

export const MUTATORS: Record<string, Mutator> = {
  flip(text, random) {
    if (text.length === 0) return random.pick([...ASCII]);
    const i = random.int(text.length);
    return text.slice(0, i) + random.pick([...ASCII]) + text.slice(i + 1);
  },
  truncate(text, random) {
    return text.slice(0, at(text, random));
  },
  cut(text, random) {
    const start = at(text, random);
    return text.slice(0, start) + text.slice(Math.min(text.length, start + random.between(1, 64)));
  },
  duplicateLine(text, random) {
    const all = lines(text);
    if (all.length === 0) return text;
    const i = random.int(all.length);
    const copy = all[i].endsWith('\n') ? all[i] : `\n${all[i]}`;
    all.splice(random.chance(0.7) ? i + 1 : random.int(all.length + 1), 0, copy);
    return all.join('');
  },
  deleteLine(text, random) {
    const all = lines(text);
    if (all.length === 0) return text;
    all.splice(random.int(all.length), random.between(1, 3));
    return all.join('');
  },
  swapLines(text, random) {
    const all = lines(text);
    if (all.length < 2) return text;
    const i = random.int(all.length - 1);
    const j = random.int(all.length);
    [all[i], all[j]] = [all[j], all[i]];
    return all.join('');
  },
  indent(text, random) {
    const all = lines(text);
    if (all.length === 0) return text;
    const from = random.int(all.length);
    const to = Math.min(all.length, from + random.between(1, 6));
    const shift = random.pick([-4, -2, -1, 1, 2, 3, 4]);
    for (let i = from; i < to; i++) {
      all[i] = shift > 0 ? ' '.repeat(shift) + all[i] : all[i].replace(new RegExp(`^ {0,${-shift}}`), '');
    }
    return all.join('');
  },
  tabs(text, random) {
    const all = lines(text);
    for (let i = 0; i < all.length; i++) if (random.chance(0.3)) all[i] = all[i].replace(/^( {2})+/, (m) => '\t'.repeat(m.length / 2));
    return all.join('');
  },
  lineEndings(text, random) {
    const style = random.pick(['\r\n', '\r', 'mixed']);
    return text.replace(/\r?\n/g, () => (style === 'mixed' ? random.pick(['\n', '\r\n', '\r']) : style));
  },
  unicode(text, random) {
    const char = random.pick(UNICODE);
    if (char === '\uFEFF' && random.chance(0.5)) return char + text;
    const i = at(text, random);
    return text.slice(0, i) + char + text.slice(i);
  },
  splitSurrogate(text, random) {
    // Cut an astral character in half (an editor deleting one UTF-16 unit).
    const i = text.search(/[\uD800-\uDBFF][\uDC00-\uDFFF]/);
    const t = i >= 0 ? text : `${text}😀`;
    const j = i >= 0 ? i : t.length - 2;
    return t.slice(0, j + (random.chance(0.5) ? 1 : 0)) + t.slice(j + (random.chance(0.5) ? 1 : 2));
  },
  token(text, random) {
    const i = random.chance(0.5) ? text.lastIndexOf('\n', at(text, random)) + 1 : at(text, random);
    return text.slice(0, i) + random.pick(TOKENS) + text.slice(i);
  },
  splice(text, random, donors) {
    const donor = random.pick(donors);
    if (!donor) return text;
    const start = random.int(donor.length + 1);
    const chunk = donor.slice(start, start + random.between(1, 400));
    const i = random.chance(0.5) ? text.lastIndexOf('\n', at(text, random)) + 1 : at(text, random);
    return text.slice(0, i) + chunk + text.slice(i);
  },
  repeat(text, random) {
    const start = at(text, random);
    const chunk = text.slice(start, start + random.between(1, 80));
    return text.slice(0, start) + chunk.repeat(random.between(2, 20)) + text.slice(start);
  },
};

const NAMES = Object.keys(MUTATORS);

/** One to five mutations; returns the new text and their names. */
export function mutate(text: string, random: Random, donors: readonly string[]): { text: string; applied: string[] } {
  const applied: string[] = [];
  let result = text;
  const count = 1 + (random.chance(0.5) ? 0 : random.int(5));
  for (let i = 0; i < count; i++) {
    const name = random.pick(NAMES);
    applied.push(name);
    result = MUTATORS[name](result, random, donors);
  }
  // Keep documents small enough that one iteration stays cheap.
  if (result.length > 200_000) result = result.slice(0, 200_000);
  return { text: result, applied };
}
