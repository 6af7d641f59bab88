// Completion in our YAML documents while they are typed: the keys a mapping may still take
// (required ones first; objects and lists come with a skeleton of their required members,
// as plain text and as a snippet with tab stops), the values a key allows (enums, booleans;
// else its default and examples), the names a reference may take (SLIs, SLOs, alert
// policies… from the workspace index) and the runbooks an alert may point at. In block and
// flow style (`{ … }`, `[ … ]`), and in JSON files of our kinds (keys and strings quoted).

import { objectsOf } from '../check-yaml';
import { CONTENT_MARKERS, isObject, type KindId } from '../kinds';
import type { Family } from '../entities/types';
import type { CompletionItem } from '../runbook/complete';
import { RULES } from '../rules/registry';
import { childrenAt, expand, propertiesOf, schemaAtEach, type PropertyInfo, type SchemaAt } from '../schema/navigate';
import type { Position, SourceDocument } from '../types';
import type { PathSegment } from '../yaml/locate';
import { parseYaml } from '../yaml/parse';
import { positionsOf } from './cache';
import { relativePath } from './references';
import { resolveWrittenPath } from '../uri';
import { describeSchema, infoMarkdown, schemaStarts, yamlScalar } from './schema-info';
import type { FeatureContext } from './types';
import { cursorAt, type YamlCursor } from './yaml-cursor';
import { schemaStartOf } from './yaml-objects';

/** Values that name other objects, by kind and path (`#` stands for a list index). */
const REFERENCES: { kinds: readonly KindId[]; path: RegExp; target: string; families: readonly Family[] }[] = [
  { kinds: ['openslo-v1'], path: /^spec\.indicatorRef$/, target: 'SLI', families: ['openslo'] },
  { kinds: ['openslo-v1'], path: /\.alertPolicyRef$/, target: 'AlertPolicy', families: ['openslo'] },
  { kinds: ['openslo-v1'], path: /\.conditionRef$/, target: 'AlertCondition', families: ['openslo'] },
  { kinds: ['openslo-v1'], path: /\.targetRef$/, target: 'AlertNotificationTarget', families: ['openslo'] },
  { kinds: ['openslo-v1'], path: /\.metricSourceRef$/, target: 'DataSource', families: ['openslo'] },
  { kinds: ['openslo-v1', 'openslo-v1alpha'], path: /^spec\.service$/, target: 'Service', families: ['openslo'] },
  { kinds: ['readiness-manifest'], path: /^spec\.(slos\.#\.ref|alerts\.#\.slo)$/, target: 'SLO', families: ['openslo', 'sloth'] },
];
const RUNBOOK_PATHS = /^spec\.(alerts\.#\.runbook|runbooks\.#|release\.rollback\.procedure)$/;
const MAX_SKELETON_DEPTH = 4;

export function completeYaml(document: SourceDocument, position: Position, context: FeatureContext): CompletionItem[] {
  if (!context.namedAs && !CONTENT_MARKERS.test(document.text)) return [];
  const positions = positionsOf(document.uri, document.text, context.cache);
  const cursor = cursorAt(document.text, positions.offsetAt(position));
  // JSON is all flow style: a cursor found from indentation would be wrong there.
  const json = /\.json$/i.test(context.path);
  if (!cursor || (json && !cursor.flow)) return [];
  let [parsed] = parseYaml(cursor.repaired).documents;
  if (cursor.closed !== undefined && (!parsed || parsed.damage.length > 0)) [parsed] = parseYaml(cursor.closed).documents;
  const rootValue = parsed?.value;
  const objects = parsed ? objectsOf(parsed, context.namedAs) : [];
  // An empty file named like a manifest (or `.prr.yaml`) is one to be written.
  if (objects.length === 0 && context.namedAs && (rootValue === null || rootValue === undefined)) objects.push({ kind: context.namedAs, node: undefined, value: {}, basePath: [] });
  const object = objects.find((o) => o.basePath.every((s, i) => cursor.path[i] === s));
  const start = object && schemaStartOf(object.kind, object.value, context.schemas);
  if (!object || !start) return [];
  const path = cursor.path.slice(object.basePath.length);
  const starts = schemaStarts(object.kind, start, context);
  const at = (p: readonly PathSegment[]) => schemaAtEach(context.schemas, starts, p, object.value);
  const range = { start: positions.positionAt(cursor.start), end: positions.positionAt(cursor.end) };
  const style: Style = { flow: cursor.flow === true, json, ...(cursor.quote ? { quote: cursor.quote } : {}) };
  const keys = (container: PathSegment[]) => keyItems(at(container), valueAt(object.value, container), cursor, range, style, context, keysWritten(document, context, cursor, container));
  const values = (target: PathSegment[]) => {
    // A reference offers the names the workspace has, not the schema's made-up examples.
    // A manifest's `slos[].ref` next to a `file:` names an SLO of that file.
    const file = target[target.length - 1] === 'ref' ? valueAt(object.value, [...target.slice(0, -1), 'file']) : undefined;
    const references = referenceItems(object.kind.id, target, range, style, context, typeof file === 'string' ? resolveWrittenPath(file, context.uri) : undefined);
    const key = target[target.length - 1];
    const forbidden = typeof key === 'string' ? forbiddenValues(at(target.slice(0, -1)), valueAt(object.value, target.slice(0, -1)), key) : [];
    const offered = valueItems(at(target), range, style, context, references.length === 0).filter((item) => !forbidden.includes(item.label));
    return [...offered, ...references];
  };
  if (cursor.mode === 'key' && object.kind.id === 'prr-config' && path.length === 1 && path[0] === 'rules') return ruleItems(valueAt(object.value, path), cursor, range);
  if (cursor.mode === 'key') return keys(path);
  if (cursor.mode === 'value') {
    // `{strategy:|}`: `canary` right after the colon would make one plain scalar, `strategy:canary`, a key.
    return cursor.flow && document.text[cursor.start - 1] === ':' ? values(path).map(afterColon) : values(path);
  }
  const item = at(path);
  const isObjectItem = item.some((s) => s.schema.type === 'object' || isObject(s.schema.properties));
  // In a flow list an object item starts with `{`; then its keys are completed.
  if (isObjectItem && style.flow) return [];
  return isObjectItem ? keys(path) : values(path);
}

/** The item with a space before what it inserts. */
function afterColon(item: CompletionItem): CompletionItem {
  return { ...item, edit: { ...item.edit, newText: ` ${item.edit.newText}` }, ...(item.snippet !== undefined ? { snippet: ` ${item.snippet}` } : {}) };
}

/** How inserted text is written: block YAML, flow YAML (inside `{…}`/`[…]`) or JSON. */
interface Style {
  flow: boolean;
  json: boolean;
  /** The word under the cursor opens with this quote: items filter with it. */
  quote?: '"' | "'";
}

/**
 * The keys the mapping at `container` has in the text as written, but the one under the cursor: the repaired
 * text the cursor's object comes from drops the key's line but not its children, and a parse of that loses the
 * keys after it (completing on `release:` with a nested block offered `observability`, there already).
 */
function keysWritten(document: SourceDocument, context: FeatureContext, cursor: YamlCursor, container: readonly PathSegment[]): string[] {
  if (cursor.flow) return [];
  // Only the cursor's own `---` document is parsed: a completion in a 50,000-line file must not parse it all.
  const chunk = cursor.document;
  const parsed = chunk ? parseYaml(chunk.text).documents : [];
  const local = cursor.start - (chunk?.offset ?? 0);
  const object = parsed.flatMap((d) => objectsOf(d, context.namedAs)).find((o) => {
    const [start, end] = o.node?.range ?? [0, -1];
    return local >= start && local <= end;
  });
  const value = object ? valueAt(object.value, container) : undefined;
  const own = document.text.slice(cursor.start, cursor.end);
  return isObject(value) ? Object.keys(value).filter((key) => key !== own) : [];
}

function keyItems(schemas: SchemaAt[], value: unknown, cursor: YamlCursor, range: CompletionItem['edit']['range'], style: Style, context: FeatureContext, written: readonly string[] = []): CompletionItem[] {
  const present = new Set([...(isObject(value) ? Object.keys(value) : []), ...written]);
  const properties = propertiesOf(context.schemas, schemas, value).filter((p) => !present.has(p.name));
  return properties.map((property, i) => {
    const info = describeSchema(property.schemas, context.schemas);
    const key = style.json ? JSON.stringify(property.name) : property.name;
    const insert = cursor.hasColon ? undefined : new Insert();
    if (insert) {
      if (style.flow) renderFlowProperty(insert, property, 0, style, context);
      else renderProperty(insert, property, cursor.column, cursor.unit, 0, context);
    }
    const snippet = insert?.snippet();
    return {
      label: property.name,
      kind: 'property' as const,
      detail: [info.type, property.required ? 'required' : undefined].filter((p) => p).join(' · '),
      documentation: infoMarkdown(info),
      sortText: `${property.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      filterText: style.quote ? `${style.quote}${property.name}` : property.name,
      edit: { range, newText: insert ? insert.plain() : key },
      ...(snippet !== undefined ? { snippet } : {}),
    };
  }).sort((a, b) => a.sortText.localeCompare(b.sortText));
}

/** Rule ids for `.prr.yaml`'s `rules`, those not set yet. */
function ruleItems(value: unknown, cursor: YamlCursor, range: CompletionItem['edit']['range']): CompletionItem[] {
  const present = new Set(isObject(value) ? Object.keys(value) : []);
  return RULES.filter((r) => !present.has(r.id)).map((rule, i) => ({
    label: rule.id,
    kind: 'property' as const,
    detail: `rule · default ${rule.defaultSeverity}`,
    documentation: rule.description,
    sortText: String(i).padStart(3, '0'),
    edit: { range, newText: cursor.hasColon ? rule.id : `${rule.id}: ` },
  }));
}

/**
 * Text to insert, as literal pieces and slots for the values still to be typed: plain text
 * leaves the slots empty; a snippet makes them tab stops (`${1:}`, or a choice of the allowed
 * values) and ends at `$0`.
 */
class Insert {
  private readonly parts: ({ text: string } | { choices: string[] })[] = [];

  text(text: string): this {
    this.parts.push({ text });
    return this;
  }

  /** A value to type; `choices` when the schema allows only some. */
  slot(choices: readonly unknown[] = [], json = false): this {
    this.parts.push({ choices: choices.map((v) => (json ? JSON.stringify(v) : yamlScalar(v))) });
    return this;
  }

  plain(): string {
    return this.parts.map((p) => ('text' in p ? p.text : '')).join('');
  }

  /** The snippet, or undefined when it would only put the cursor where plain text leaves it. */
  snippet(): string | undefined {
    const slots = this.parts.filter((p) => 'choices' in p);
    const last = this.parts[this.parts.length - 1];
    if (slots.length === 0 || (slots.length === 1 && last === slots[0] && slots[0].choices.length === 0)) return undefined;
    let n = 0;
    const body = this.parts.map((p) => {
      if ('text' in p) return escapeSnippet(p.text);
      n++;
      return p.choices.length > 0 ? `\${${n}|${p.choices.map((c) => c.replace(/[,|\\$}]/g, (m) => `\\${m}`)).join(',')}|}` : `\${${n}:}`;
    }).join('');
    return `${body}$0`;
  }
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (m) => `\\${m}`);
}

/**
 * `name: ` for a scalar (with its constant, `apiVersion: prr/v1`); for an object or a list of
 * objects, the key and a skeleton of the required members at the right indentation.
 */
function renderProperty(out: Insert, property: PropertyInfo, column: number, unit: number, depth: number, context: FeatureContext): void {
  const { name, schemas } = property;
  const pad = (n: number) => ' '.repeat(n);
  if (schemas.some((s) => s.schema.type === 'array')) {
    const items = childrenAt(schemas, 0).flatMap((s) => expand(context.schemas, s, undefined));
    const members = depth < MAX_SKELETON_DEPTH ? required(items, context) : [];
    out.text(`${name}:\n${pad(column + unit)}- `);
    if (members.length === 0) out.slot();
    members.forEach((m, i) => {
      if (i > 0) out.text(`\n${pad(column + unit + 2)}`);
      renderProperty(out, m, column + unit + 2, unit, depth + 1, context);
    });
    return;
  }
  if (schemas.some((s) => s.schema.type === 'object' || isObject(s.schema.properties))) {
    const members = depth < MAX_SKELETON_DEPTH ? required(schemas, context) : [];
    if (members.length === 0) {
      if (depth === 0) out.text(`${name}:\n${pad(column + unit)}`).slot();
      else out.text(`${name}: {}`);
      return;
    }
    out.text(`${name}:`);
    for (const m of members) {
      out.text(`\n${pad(column + unit)}`);
      renderProperty(out, m, column + unit, unit, depth + 1, context);
    }
    return;
  }
  out.text(`${name}: `);
  scalarSlot(out, schemas, false, context);
}

/** The same in flow style, on one line: `name: { a: , b:  }`, `name: [{ a:  }]`; in JSON with quoted keys. */
function renderFlowProperty(out: Insert, property: PropertyInfo, depth: number, style: Style, context: FeatureContext): void {
  const { name, schemas } = property;
  out.text(`${style.json ? JSON.stringify(name) : name}: `);
  const members = (of: SchemaAt[]) => (depth < MAX_SKELETON_DEPTH ? required(of, context) : []);
  const mapping = (list: PropertyInfo[]) => {
    if (list.length === 0) {
      out.text('{').slot().text('}');
      return;
    }
    out.text(style.json ? '{' : '{ ');
    list.forEach((m, i) => {
      if (i > 0) out.text(', ');
      renderFlowProperty(out, m, depth + 1, style, context);
    });
    out.text(style.json ? '}' : ' }');
  };
  if (schemas.some((s) => s.schema.type === 'array')) {
    const items = childrenAt(schemas, 0).flatMap((s) => expand(context.schemas, s, undefined));
    const list = members(items);
    out.text('[');
    if (list.length > 0) mapping(list);
    else out.slot();
    out.text(']');
    return;
  }
  if (schemas.some((s) => s.schema.type === 'object' || isObject(s.schema.properties))) {
    mapping(members(schemas));
    return;
  }
  scalarSlot(out, schemas, style.json, context);
}

/** A scalar's value: its constant or only value, else a slot (a choice of the allowed values, the default first). */
function scalarSlot(out: Insert, schemas: SchemaAt[], json: boolean, context: FeatureContext): void {
  const info = describeSchema(schemas, context.schemas);
  const constant = schemas.find((s) => 'const' in s.schema)?.schema.const;
  const write = (v: unknown) => (json ? JSON.stringify(v) : yamlScalar(v));
  if (constant !== undefined) out.text(write(constant));
  else if (info.values.length === 1) out.text(write(info.values[0]));
  else {
    const allowed = info.values.length > 0 ? info.values : schemas.some((s) => s.schema.type === 'boolean') ? [true, false] : [];
    const first = allowed.filter((v) => JSON.stringify(v) === JSON.stringify(info.default));
    out.slot([...first, ...allowed.filter((v) => !first.includes(v))], json);
  }
}

function required(schemas: SchemaAt[], context: FeatureContext): PropertyInfo[] {
  return propertiesOf(context.schemas, schemas, undefined).filter((p) => p.required);
}

/**
 * After `key: `: the allowed values (enums, booleans), the default preselected; for a free
 * value, the schema's default and examples as suggestions.
 */
/**
 * Values of `key` that an `if`/`then` of the mapping's schema rules out given the keys it already has: OpenSLO's
 * `isRolling: true` forbids `calendar`, so next to a `calendar` `true` is not offered (it would be an error at once).
 */
function forbiddenValues(schemas: readonly SchemaAt[], value: unknown, key: string): string[] {
  if (!isObject(value)) return [];
  const forbidden: string[] = [];
  for (const { schema } of schemas) {
    const condition = isObject(schema.if) ? schema.if : undefined;
    const then = isObject(schema.then) ? schema.then : undefined;
    const when = condition && isObject(condition.properties) && isObject(condition.properties[key]) ? condition.properties[key] : undefined;
    if (!condition || !then || !when || !('const' in when) || !Object.keys(condition).every((k) => k === 'required' || k === 'properties')) continue;
    const excludes = isObject(then.properties) && Object.entries(then.properties).some(([k, sub]) => sub === false && k !== key && k in value);
    if (excludes) forbidden.push(yamlScalar(when.const));
  }
  return forbidden;
}

function valueItems(schemas: SchemaAt[], range: CompletionItem['edit']['range'], style: Style, context: FeatureContext, suggest: boolean): CompletionItem[] {
  const info = describeSchema(schemas, context.schemas);
  const allowed = info.values.length > 0 ? info.values : schemas.some((s) => s.schema.type === 'boolean') ? [true, false] : [];
  const isDefault = (value: unknown) => info.default !== undefined && JSON.stringify(info.default) === JSON.stringify(value);
  const suggested = allowed.length > 0 || !suggest ? [] : [info.default, ...info.examples].filter((v, i, all) => isScalar(v) && all.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
  return [...allowed, ...suggested].map((value, i) => {
    const text = scalarText(value, style);
    const free = allowed.length === 0;
    return {
      label: yamlScalar(value),
      kind: 'value' as const,
      detail: free ? (isDefault(value) ? 'default' : 'example') : info.type ?? '',
      documentation: info.description ?? '',
      sortText: String(i).padStart(3, '0'),
      ...(style.quote ? { filterText: `${style.quote}${String(value)}` } : {}),
      edit: { range, newText: text },
      ...(isDefault(value) ? { preselect: true } : {}),
    };
  });
}

function isScalar(value: unknown): boolean {
  return value !== undefined && value !== null && typeof value !== 'object';
}

/** A value as the document writes it: JSON, plain YAML, or YAML quoted where flow syntax would cut it. */
function scalarText(value: unknown, style: Style): string {
  if (style.json) return JSON.stringify(value);
  const text = yamlScalar(value);
  return style.flow && typeof value === 'string' && text === value && /[,[\]{}]/.test(value) ? JSON.stringify(value) : text;
}

/** Names of the objects a reference may name, and runbook files for a manifest's runbook paths. */
function referenceItems(kind: KindId, path: readonly PathSegment[], range: CompletionItem['edit']['range'], style: Style, context: FeatureContext, inFile?: string): CompletionItem[] {
  const key = path.map((s) => (typeof s === 'number' ? '#' : s)).join('.');
  if (kind === 'readiness-manifest' && RUNBOOK_PATHS.test(key)) {
    const runbooks = context.index.uris().filter((uri) => /\.(md|markdown)$/i.test(uri) && context.isRunbook(uri)).map((uri) => relativePath(context.uri, uri)).sort();
    return runbooks.map((file, i) => ({ label: file, kind: 'file' as const, detail: 'runbook', documentation: '', sortText: `r${String(i).padStart(4, '0')}`, edit: { range, newText: scalarText(file, style) }, ...(style.quote ? { filterText: `${style.quote}${file}` } : {}) }));
  }
  const reference = REFERENCES.find((r) => r.kinds.includes(kind) && r.path.test(key));
  if (!reference) return [];
  const names = context.index.namesOf(reference.target, reference.families);
  const ofFile = inFile === undefined ? [] : names.filter((name) => context.index.find(reference.target, name, reference.families).some((e) => e.uri === inFile));
  return (ofFile.length > 0 ? ofFile : names).sort().map((name, i) => {
    const where = context.index.find(reference.target, name, reference.families).map((e) => `${relativePath(context.uri, e.uri)}:${e.range.start.line + 1}`);
    return { label: name, kind: 'reference' as const, detail: `${reference.target} · ${where.join(', ')}`, documentation: '', sortText: `r${String(i).padStart(4, '0')}`, edit: { range, newText: scalarText(name, style) }, ...(style.quote ? { filterText: `${style.quote}${name}` } : {}) };
  });
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = isObject(current) || Array.isArray(current) ? (current as Record<string, unknown>)[segment] : undefined;
  return current;
}
