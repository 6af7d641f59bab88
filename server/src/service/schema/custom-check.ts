// Where custom schemas meet documents: a readiness manifest is validated against each
// usable custom schema too (same rules and messages as the shipped schema), and the
// properties a custom schema declares stop being `unknown-property` findings of the shipped
// one. A `.prr.yaml` gets one finding per `schemas:` entry that cannot be used.

import type { Node } from 'yaml';
import { isMap, isSeq } from 'yaml';
import type { Finding } from '../types';
import { READINESS_KIND } from '../kinds';
import { objectsOf } from '../check-yaml';
import { parseYaml } from '../yaml/parse';
import { locate } from '../yaml/locate';
import { resolveWrittenPath } from '../uri';
import { checkAgainstSchema } from './check';
import type { CustomSchema } from './custom';

export const CUSTOM_SCHEMA_RULE = 'custom-schema';

/**
 * The findings of a manifest's text with its custom schemas applied: the shipped schema's
 * findings less the unknown properties the custom schemas declare, plus the custom schemas' own.
 */
export function withCustomSchemas(text: string, base: readonly Finding[], schemas: readonly CustomSchema[]): Finding[] {
  const usable = schemas.filter((s) => s.validate);
  if (usable.length === 0) return [...base];
  const parsed = parseYaml(text);
  if (parsed.refused) return [...base];
  const declared = new Set<string>();
  const added: Finding[] = [];
  const seen = new Set(base.map(keyOf));
  for (const document of parsed.documents) {
    for (const object of objectsOf(document, READINESS_KIND)) {
      if (object.kind.id !== READINESS_KIND.id) continue;
      for (const { validate, schema } of usable) {
        collectDeclared(schema, object.value, object.node, parsed.positions.nodeRange.bind(parsed.positions), declared);
        // checkAgainstSchema reads `validate.errors`: each call validates anew, so sharing one validator is safe.
        const findings = checkAgainstSchema(validate!, { node: object.node, value: object.value, basePath: object.basePath, damage: document.damage }, parsed.positions);
        for (const finding of findings) {
          if (seen.has(keyOf(finding))) continue;
          seen.add(keyOf(finding));
          added.push(finding);
        }
      }
    }
  }
  const kept = base.filter((f) => f.ruleId !== 'unknown-property' || !declared.has(startOf(f)));
  // A property declared by one custom schema is not unknown to the others either.
  const all = [...kept, ...added.filter((f) => f.ruleId !== 'unknown-property' || !declared.has(startOf(f)))];
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The start of each key (in `node`) whose property `schema` declares under `properties`, along the path. */
function collectDeclared(schema: unknown, value: unknown, node: Node | null | undefined, rangeOf: (start: number, end: number) => Finding['range'], out: Set<string>, depth = 0): void {
  if (depth > 64 || typeof schema !== 'object' || schema === null) return;
  const s = schema as { properties?: Record<string, unknown>; items?: unknown };
  if (isMap(node) && typeof value === 'object' && value !== null && !Array.isArray(value) && s.properties && typeof s.properties === 'object') {
    for (const [name, sub] of Object.entries(s.properties)) {
      if (!Object.hasOwn(value, name)) continue;
      const located = locate(node, [name]);
      if (located.key?.range) out.add(startKey(rangeOf(located.key.range[0], located.key.range[1])));
      collectDeclared(sub, (value as Record<string, unknown>)[name], located.value, rangeOf, out, depth + 1);
    }
  }
  if (isSeq(node) && Array.isArray(value) && s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
    value.forEach((item, i) => collectDeclared(s.items, item, node.items[i] as Node | undefined, rangeOf, out, depth + 1));
  }
}

/** One finding per `schemas:` entry of a `.prr.yaml` text that cannot be used. */
export function configSchemaProblems(text: string, configUri: string, load: (uri: string) => CustomSchema): Finding[] {
  const parsed = parseYaml(text);
  const [document] = parsed.documents;
  const value = document?.value as { schemas?: unknown } | undefined;
  if (parsed.refused || !document || typeof value !== 'object' || value === null || !Array.isArray(value.schemas)) return [];
  const root = document.doc.contents as Node | null;
  const findings: Finding[] = [];
  value.schemas.forEach((entry, i) => {
    if (typeof entry !== 'string') return; // the config schema reports it
    const uri = resolveWrittenPath(entry, configUri);
    const problem = uri === undefined ? `\`${entry}\` is not a path` : load(uri).problem;
    if (!problem) return;
    const node = locate(root, ['schemas', i]).value;
    const [start, end] = node?.range ?? [0, 0];
    findings.push({ ruleId: CUSTOM_SCHEMA_RULE, severity: 'error', message: `custom schema \`${entry}\` is not used: ${problem}`, range: parsed.positions.nodeRange(start, end) });
  });
  return findings;
}

function keyOf(f: Finding): string {
  return `${f.ruleId}|${f.message}|${startOf(f)}`;
}

function startOf(f: Finding): string {
  return startKey(f.range);
}

function startKey(range: Finding['range']): string {
  return `${range.start.line}:${range.start.character}`;
}
