// Completion in our YAML documents while they are typed: the keys a mapping may still take
// (required ones first; objects and lists come with a skeleton of their required members),
// the values a key allows (enums, booleans), the names a reference may take (SLIs, SLOs,
// alert policies… from the workspace index) and the runbooks an alert may point at.

import { objectsOf } from '../check-yaml';
import { CONTENT_MARKERS, isObject, type KindId } from '../kinds';
import type { Family } from '../entities/types';
import type { CompletionItem } from '../runbook/complete';
import { RULES } from '../rules/registry';
import { childrenAt, expand, propertiesOf, schemaAt, type PropertyInfo, type SchemaAt } from '../schema/navigate';
import type { Position, SourceDocument } from '../types';
import type { PathSegment } from '../yaml/locate';
import { parseYaml } from '../yaml/parse';
import { PositionMap } from '../yaml/positions';
import { relativePath } from './references';
import { describeSchema, infoMarkdown, yamlScalar } from './schema-info';
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
  // Block YAML only: JSON is all flow style, where the cursor's place is not read from indentation.
  if (/\.json$/i.test(context.path) || (!context.namedAs && !CONTENT_MARKERS.test(document.text))) return [];
  const positions = new PositionMap(document.text);
  const cursor = cursorAt(document.text, positions.offsetAt(position));
  if (!cursor) return [];
  const [parsed] = parseYaml(cursor.repaired).documents;
  const rootValue = parsed?.value;
  const objects = parsed ? objectsOf(parsed, context.namedAs) : [];
  // An empty file named like a manifest (or `.prr.yaml`) is one to be written.
  if (objects.length === 0 && context.namedAs && (rootValue === null || rootValue === undefined)) objects.push({ kind: context.namedAs, node: undefined, value: {}, basePath: [] });
  const object = objects.find((o) => o.basePath.every((s, i) => cursor.path[i] === s));
  const start = object && schemaStartOf(object.kind, object.value, context.schemas);
  if (!object || !start) return [];
  const path = cursor.path.slice(object.basePath.length);
  const at = (p: readonly PathSegment[]) => schemaAt(context.schemas, start, p, object.value);
  const range = { start: positions.positionAt(cursor.start), end: positions.positionAt(cursor.end) };
  const keys = (container: PathSegment[]) => keyItems(at(container), valueAt(object.value, container), cursor, range, context);
  const values = (target: PathSegment[]) => [...valueItems(at(target), range, context), ...referenceItems(object.kind.id, target, range, context)];
  if (cursor.mode === 'key' && object.kind.id === 'prr-config' && path.length === 1 && path[0] === 'rules') return ruleItems(valueAt(object.value, path), cursor, range);
  if (cursor.mode === 'key') return keys(path);
  if (cursor.mode === 'value') return values(path);
  const item = at(path);
  return item.some((s) => s.schema.type === 'object' || isObject(s.schema.properties)) ? keys(path) : values(path);
}

function keyItems(schemas: SchemaAt[], value: unknown, cursor: YamlCursor, range: CompletionItem['edit']['range'], context: FeatureContext): CompletionItem[] {
  const present = new Set(isObject(value) ? Object.keys(value) : []);
  const properties = propertiesOf(context.schemas, schemas, value).filter((p) => !present.has(p.name));
  return properties.map((property, i) => {
    const info = describeSchema(property.schemas, context.schemas);
    const newText = cursor.hasColon ? property.name : renderProperty(property, cursor.column, cursor.unit, 0, context);
    return {
      label: property.name,
      kind: 'property' as const,
      detail: [info.type, property.required ? 'required' : undefined].filter((p) => p).join(' · '),
      documentation: infoMarkdown(info),
      sortText: `${property.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      filterText: property.name,
      edit: { range, newText },
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
 * `name: ` for a scalar (with its constant, `apiVersion: prr/v1`); for an object or a list of
 * objects, the key and a skeleton of the required members at the right indentation.
 */
function renderProperty(property: PropertyInfo, column: number, unit: number, depth: number, context: FeatureContext): string {
  const { name, schemas } = property;
  const pad = (n: number) => ' '.repeat(n);
  const info = describeSchema(schemas, context.schemas);
  if (schemas.some((s) => s.schema.type === 'array')) {
    const items = childrenAt(schemas, 0).flatMap((s) => expand(context.schemas, s, undefined));
    const members = depth < MAX_SKELETON_DEPTH ? required(items, context) : [];
    const first = members.map((m, i) => (i === 0 ? '' : pad(column + unit + 2)) + renderProperty(m, column + unit + 2, unit, depth + 1, context));
    return `${name}:\n${pad(column + unit)}- ${first.join('\n')}`;
  }
  if (schemas.some((s) => s.schema.type === 'object' || isObject(s.schema.properties))) {
    const members = depth < MAX_SKELETON_DEPTH ? required(schemas, context) : [];
    if (members.length === 0) return depth === 0 ? `${name}:\n${pad(column + unit)}` : `${name}: {}`;
    return `${name}:\n${members.map((m) => pad(column + unit) + renderProperty(m, column + unit, unit, depth + 1, context)).join('\n')}`;
  }
  const constant = schemas.find((s) => 'const' in s.schema)?.schema.const;
  return constant !== undefined ? `${name}: ${yamlScalar(constant)}` : info.values.length === 1 ? `${name}: ${yamlScalar(info.values[0])}` : `${name}: `;
}

function required(schemas: SchemaAt[], context: FeatureContext): PropertyInfo[] {
  return propertiesOf(context.schemas, schemas, undefined).filter((p) => p.required);
}

function valueItems(schemas: SchemaAt[], range: CompletionItem['edit']['range'], context: FeatureContext): CompletionItem[] {
  const info = describeSchema(schemas, context.schemas);
  const values = info.values.length > 0 ? info.values : schemas.some((s) => s.schema.type === 'boolean') ? [true, false] : [];
  return values.map((value, i) => ({
    label: yamlScalar(value),
    kind: 'value' as const,
    detail: info.type ?? '',
    documentation: info.description ?? '',
    sortText: String(i).padStart(3, '0'),
    edit: { range, newText: yamlScalar(value) },
    ...(info.default !== undefined && JSON.stringify(info.default) === JSON.stringify(value) ? { preselect: true } : {}),
  }));
}

/** Names of the objects a reference may name, and runbook files for a manifest's runbook paths. */
function referenceItems(kind: KindId, path: readonly PathSegment[], range: CompletionItem['edit']['range'], context: FeatureContext): CompletionItem[] {
  const key = path.map((s) => (typeof s === 'number' ? '#' : s)).join('.');
  if (kind === 'readiness-manifest' && RUNBOOK_PATHS.test(key)) {
    const runbooks = context.index.uris().filter((uri) => /\.(md|markdown)$/i.test(uri) && context.isRunbook(uri)).map((uri) => relativePath(context.uri, uri)).sort();
    return runbooks.map((file, i) => ({ label: file, kind: 'file' as const, detail: 'runbook', documentation: '', sortText: `r${String(i).padStart(4, '0')}`, edit: { range, newText: yamlScalar(file) } }));
  }
  const reference = REFERENCES.find((r) => r.kinds.includes(kind) && r.path.test(key));
  if (!reference) return [];
  return context.index.namesOf(reference.target, reference.families).sort().map((name, i) => {
    const where = context.index.find(reference.target, name, reference.families).map((e) => `${relativePath(context.uri, e.uri)}:${e.range.start.line + 1}`);
    return { label: name, kind: 'reference' as const, detail: `${reference.target} · ${where.join(', ')}`, documentation: '', sortText: `r${String(i).padStart(4, '0')}`, edit: { range, newText: yamlScalar(name) } };
  });
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = isObject(current) || Array.isArray(current) ? (current as Record<string, unknown>)[segment] : undefined;
  return current;
}
