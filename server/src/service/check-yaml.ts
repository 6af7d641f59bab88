// Checks one YAML (or JSON) text. The text is split into its `---` documents; each is
// parsed, kind-detected, validated and rule-checked once, and the result is cached by
// the document's text, so an edit re-checks only the document it touched.

import type { Node } from 'yaml';
import { CONTENT_MARKERS, detectKind, isObject, otherVersionsWithKind, type DocumentKind } from './kinds';
import { extractEntities } from './entities/extract';
import type { Entity } from './entities/types';
import { checkAgainstSchema } from './schema/check';
import type { Validators } from './schema/validators';
import type { ObjectRule } from './rules/types';
import { shiftRange, type Finding } from './types';
import { splitDocuments } from './yaml/chunks';
import { rechunk, type Placed } from './yaml/rechunk';
import { parseYaml, type ParsedDocument } from './yaml/parse';
import { PositionMap } from './yaml/positions';
import { locate, type PathSegment } from './yaml/locate';
import { didYouMean } from './schema/suggest';
import { internalError } from './rules/internal-error';
import { shiftFixes } from './fixes/text';
import { extractBudgetFacts, type BudgetFact } from './budget/facts';

const YAML_PATH = /\.(ya?ml|json)$/i;
const CACHE_LIMIT = 20_000;

export function isYamlPath(path: string): boolean {
  return YAML_PATH.test(path);
}

export interface TextResult {
  findings: Finding[];
  entities: Entity[];
  /** What the error-budget arithmetic needs of the objectives and alerts (absent: none). */
  budgets?: BudgetFact[];
  /** The `---` documents the findings and entities came from, for re-checking only what an edit touched. */
  chunks?: CheckedChunk[];
}

/** One `---` document: where it is, its own result (lines from its start) and that result placed in the whole text. */
interface CheckedChunk extends Placed {
  own: TextResult;
  findings: Finding[];
  entities: Entity[];
  budgets: BudgetFact[];
}

/** The text checked before (of the same file, checked as the same kind) and its result. */
export interface PreviousCheck {
  text: string;
  result: TextResult;
}

export class YamlChecker {
  private readonly cache = new Map<string, TextResult>();

  constructor(
    private readonly validators: Validators,
    private readonly objectRules: readonly ObjectRule[],
    /** Whether to keep what re-checking an edit reuses: the documents' results, by text and per file (not in a batch). */
    private readonly forEdits = true,
  ) {}

  /**
   * `namedAs`: the kind the file's name gives it (a manifest by name, `.prr.yaml`), if any. `previous`: the same
   * file's last check as the same kind; the documents an edit left alone keep their results (and their objects,
   * where their lines did not move, so the workspace index sees them as unchanged).
   */
  check(text: string, namedAs: DocumentKind | undefined, previous?: PreviousCheck): TextResult {
    if (!namedAs && !CONTENT_MARKERS.test(text)) return { findings: [], entities: [] };
    if (text.includes('\u0000')) return { findings: [binaryFinding()], entities: [] };
    // Named as a manifest (or `.prr.yaml`) but holding nothing: checked as the empty mapping, so it is not silently clean.
    if (namedAs && EMPTY_YAML.test(text)) return this.checkEmpty(text, namedAs);
    const before = previous?.result.chunks;
    const placed = before && previous ? rechunk(previous.text, before, text) : splitDocuments(text).map((chunk) => ({ ...chunk, from: -1 }));
    const chunks: CheckedChunk[] = [];
    for (const chunk of placed) {
      const old = chunk.from >= 0 ? before?.[chunk.from] : undefined;
      if (old && old.line === chunk.line) chunks.push(old.offset === chunk.offset ? old : { ...old, offset: chunk.offset });
      else chunks.push(place(old ? old.own : this.checkChunk(chunk.text ?? '', namedAs), chunk));
    }
    const findings: Finding[] = [];
    const entities: Entity[] = [];
    const budgets: BudgetFact[] = [];
    for (const chunk of chunks) {
      for (const f of chunk.findings) findings.push(f);
      for (const e of chunk.entities) entities.push(e);
      for (const b of chunk.budgets) budgets.push(b);
    }
    if (namedAs?.id === 'prr-config') findings.push(...extraDocuments(placed));
    const result: TextResult = budgets.length > 0 ? { findings, entities, budgets } : { findings, entities };
    if (this.forEdits) result.chunks = chunks;
    return result;
  }

  private checkChunk(slice: string, namedAs: DocumentKind | undefined): TextResult {
    // In a batch the file's text is kept anyway, and nothing is kept for later edits.
    if (!this.forEdits) return this.checkText(slice, namedAs);
    // A document of its own, copied out of the whole text: a slice keeps its whole parent alive, and the cache
    // key and the result's strings (names, messages, nodes) are slices of what is parsed — each edit of a
    // 50,000-line file would otherwise keep that version of the file (1.2 MB) alive for as long as the cache
    // keeps the edited document's result.
    const text = `\n${slice}`.slice(1);
    const key = `${namedAs?.id ?? ''}\u0000${text}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // keep recently used chunks at the end
      this.cache.set(key, cached);
      return cached;
    }
    const result = this.checkText(text, namedAs);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, result);
    return result;
  }

  private checkEmpty(text: string, namedAs: DocumentKind): TextResult {
    const out = { findings: [] as Finding[], entities: [] as Entity[], budgets: [] as BudgetFact[] };
    this.checkObject({ kind: namedAs, node: null, value: {}, basePath: [] }, [], new PositionMap(text), out);
    return { findings: out.findings, entities: out.entities };
  }

  /** One object's schema check, object rules, entities and error-budget facts, added to `out`. */
  private checkObject({ kind, node, value, basePath }: KindedObject, damage: readonly number[], positions: PositionMap, out: { findings: Finding[]; entities: Entity[]; budgets: BudgetFact[] }): void {
    if (kind.unsupported) {
      out.findings.push(unsupportedFinding(kind.unsupported, node, value, positions));
      return;
    }
    if (kind.kinds && !kind.kinds.includes(String(value.kind))) {
      out.findings.push(unknownKindFinding(kind, node, value, positions));
      return;
    }
    const validate = this.validators.get(kind.schemaRef(value));
    const schemaFindings = checkAgainstSchema(validate, { node, value, basePath, damage, unknownKeysTolerated: kind.ruleRenames?.['unknown-property']?.severity !== undefined && kind.ruleRenames['unknown-property'].severity !== 'error' }, positions);
    out.findings.push(...renameRules(schemaFindings, kind));
    for (const rule of this.objectRules) {
      if (rule.kinds.includes(kind.id)) out.findings.push(...runObjectRule(rule, node, value, positions));
    }
    out.entities.push(...extractEntities({ kindId: kind.id, value, node, positions }));
    out.budgets.push(...extractBudgetFacts(kind.id, value, node, positions));
  }

  private checkText(text: string, namedAs: DocumentKind | undefined): TextResult {
    const parsed = parseYaml(text);
    if (parsed.refused) return { findings: [parsed.refused], entities: [] };
    const findings: Finding[] = [];
    const entities: Entity[] = [];
    const budgets: BudgetFact[] = [];
    const out = { findings, entities, budgets };
    for (const document of parsed.documents) {
      const objects = objectsOf(document, namedAs);
      const foreign = objects.length === 0 && declaresSomething(document.value);
      if (!foreign && (objects.length > 0 || namedAs)) findings.push(...document.findings);
      for (const object of objects) this.checkObject(object, document.damage, parsed.positions, out);
      // A file named as a manifest (or `.prr.yaml`) that holds a lone value: its schema says what it should hold.
      if (namedAs && objects.length === 0 && (isBareValue(document.value) || Array.isArray(document.value))) findings.push(...checkAgainstSchema(this.validators.get(namedAs.schemaRef({})), { node: document.doc.contents as Node | null, value: document.value, basePath: [], damage: document.damage }, parsed.positions));
    }
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return budgets.length > 0 ? { findings, entities, budgets } : { findings, entities };
  }
}

/** A `.prr.yaml` is one document: a second would silently not be used, so it is an error, on its first line. */
function extraDocuments(chunks: readonly { text?: string; line: number }[]): Finding[] {
  const used = chunks.filter((chunk) => !EMPTY_YAML.test(chunk.text ?? ''));
  if (used.length < 2) return [];
  const line = used[1].line;
  const range = { start: { line, character: 0 }, end: { line, character: 3 } };
  return [{ ruleId: 'yaml-syntax', severity: 'error', message: 'a .prr.yaml is one YAML document; this one (and any after it) would not be used: merge it into the first', range }];
}

/** Nothing but blank lines, comments and document markers. */
const EMPTY_YAML = /^(?:[ \t]*(?:#[^\r\n]*|---[ \t]*(?:#[^\r\n]*)?|\.\.\.[ \t]*)?(?:\r\n|\r|\n))*[ \t]*(?:#[^\r\n]*|---[ \t]*|\.\.\.[ \t]*)?$/;

/** A scalar where a mapping belongs (not null: an empty document; not undefined: one that could not be read). */
function isBareValue(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'object';
}

function runObjectRule(rule: ObjectRule, node: Node | null | undefined, value: Record<string, unknown>, positions: PositionMap): Finding[] {
  const findings: Finding[] = [];
  try {
    rule.check(value, (path: readonly PathSegment[], message: string, at: 'key' | 'value' = 'value') => {
      const located = locate(node, path);
      const target = (at === 'key' ? located.key ?? located.value : located.value ?? located.key) ?? node;
      const [start, end] = target?.range ?? [0, 0];
      findings.push({ ruleId: rule.id, severity: rule.defaultSeverity, message, range: positions.nodeRange(start, end) });
    });
  } catch (error) {
    const [start] = node?.range ?? [0];
    findings.push(internalError(rule.id, error, positions.lineRangeAt(start)));
  }
  return findings;
}

function renameRules(findings: Finding[], kind: DocumentKind): Finding[] {
  const renames = kind.ruleRenames;
  if (!renames) return findings;
  return findings.map((f) => {
    const rename = renames[f.ruleId];
    return rename ? { ...f, ruleId: rename.id, severity: rename.severity } : f;
  });
}

export interface KindedObject {
  kind: DocumentKind;
  node: Node | null | undefined;
  value: Record<string, unknown>;
  basePath: number[];
}

/** The objects of our kinds in a document: the document itself, or the items of a top-level list. */
export function objectsOf(document: ParsedDocument, namedAs: DocumentKind | undefined): KindedObject[] {
  const contents = document.doc.contents as Node | null;
  const { value } = document;
  if (Array.isArray(value)) {
    const items = (contents as { items?: Node[] } | null)?.items ?? [];
    return value.flatMap((item, i) => {
      const kind = detectKind(item, undefined);
      return kind && isObject(item) ? [{ kind, node: items[i], value: item, basePath: [i] }] : [];
    });
  }
  const kind = detectKind(value, namedAs);
  return kind && isObject(value) ? [{ kind, node: contents, value, basePath: [] }] : [];
}

/** `kind: SLOs` in an OpenSLO file: say which kinds exist instead of validating against none. */
function unknownKindFinding(kind: DocumentKind, node: Node | null | undefined, value: Record<string, unknown>, positions: PositionMap): Finding {
  const located = locate(node, ['kind']);
  const firstKey = (node as { items?: { key?: Node }[] } | null | undefined)?.items?.[0]?.key;
  // Without a `kind` key, locate stops at the document itself: point at its first key instead.
  const anchor = located.key ? located.value ?? located.key : firstKey ?? node;
  const [start, end] = anchor?.range ?? [0, 0];
  const allowed = kind.kinds ?? [];
  const list = allowed.map((k) => `\`${k}\``).join(', ');
  const written = value.kind === undefined ? undefined : String(value.kind);
  const message = written === undefined
    ? `missing required property \`kind\`: one of ${list}`
    : `\`kind\` must be one of ${list} for ${kind.label}; got \`${written}\`${elsewhere(kind, written) ?? didYouMean(written, allowed)}`;
  return { ruleId: written === undefined ? 'missing-property' : 'invalid-enum', severity: 'error', message, range: positions.nodeRange(start, end) };
}

function elsewhere(kind: DocumentKind, written: string): string | undefined {
  const versions = otherVersionsWithKind(kind, written);
  return versions.length > 0 ? `, which is a kind of ${versions.map((v) => `\`${v}\``).join(' and ')}` : undefined;
}

function unsupportedFinding(what: string, node: Node | null | undefined, value: Record<string, unknown>, positions: PositionMap): Finding {
  const anchor = locate(node, ['apiVersion']).value ?? node;
  const [start, end] = anchor?.range ?? [0, 0];
  const message = `\`apiVersion: ${String(value.apiVersion)}\` is not checked: ${what}; this document gets no other findings`;
  return { ruleId: 'unsupported-version', severity: 'warning', message, range: positions.nodeRange(start, end) };
}

function binaryFinding(): Finding {
  const start = { line: 0, character: 0 };
  return { ruleId: 'binary-file', severity: 'warning', message: 'the file holds binary data (NUL bytes); it was not checked', range: { start, end: start } };
}

function declaresSomething(value: unknown): boolean {
  return isObject(value) && ('apiVersion' in value || 'kind' in value || 'version' in value);
}

/** A document's own result, placed at its line in the whole text. */
function place(own: TextResult, at: Placed): CheckedChunk {
  const shift = at.line;
  return {
    offset: at.offset,
    line: at.line,
    own,
    findings: shift === 0 ? own.findings : own.findings.map((f) => shiftFinding(f, shift)),
    entities: shift === 0 ? own.entities : own.entities.map((e) => shiftEntity(e, shift)),
    budgets: shift === 0 ? own.budgets ?? [] : (own.budgets ?? []).map((b) => shiftBudgetFact(b, shift)),
  };
}

function shiftFinding(finding: Finding, lines: number): Finding {
  return { ...finding, range: shiftRange(finding.range, lines), ...(finding.fixes ? { fixes: shiftFixes(finding.fixes, lines) } : {}) };
}

function shiftEntity(entity: Entity, lines: number): Entity {
  return {
    ...entity,
    range: shiftRange(entity.range, lines),
    refs: entity.refs.map((r) => ({ ...r, range: shiftRange(r.range, lines) })),
    objectives: entity.objectives?.map((o) => ({
      ...o,
      range: shiftRange(o.range, lines),
      ...(o.op ? { op: shiftRange(o.op, lines) } : {}),
      ...(o.value ? { value: shiftRange(o.value, lines) } : {}),
    })),
  };
}

function shiftBudgetFact(fact: BudgetFact, lines: number): BudgetFact {
  if ('refs' in fact) return fact;
  const shifted = { ...fact, anchor: shiftRange(fact.anchor, lines), scope: shiftRange(fact.scope, lines) };
  if (shifted.type !== 'condition') return shifted;
  return { ...shifted, thresholdRange: shiftRange(shifted.thresholdRange, lines), ...(shifted.lookbackRange ? { lookbackRange: shiftRange(shifted.lookbackRange, lines) } : {}) };
}
