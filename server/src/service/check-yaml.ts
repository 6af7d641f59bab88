// Checks one YAML (or JSON) text: parses it once, decides each document's kind and
// validates the documents that are ours. Documents of other kinds are left alone.

import type { Node } from 'yaml';
import { CONTENT_MARKERS, detectKind, isObject, DOCUMENT_KINDS, type DocumentKind } from './kinds';
import { checkAgainstSchema } from './schema/check';
import type { Validators } from './schema/validators';
import type { Finding } from './types';
import { parseYaml, type ParsedDocument } from './yaml/parse';
import type { PositionMap } from './yaml/positions';
import { locate } from './yaml/locate';
import { didYouMean } from './schema/suggest';

const YAML_PATH = /\.(ya?ml|json)$/i;

export function isYamlPath(path: string): boolean {
  return YAML_PATH.test(path);
}

export function checkYamlText(text: string, path: string, validators: Validators): Finding[] {
  const namedAsOurs = DOCUMENT_KINDS.some((k) => k.matchesFileName(path));
  if (!namedAsOurs && !CONTENT_MARKERS.test(text)) return [];
  if (text.includes('\u0000')) return [binaryFinding()];
  const parsed = parseYaml(text);
  const findings: Finding[] = [];
  for (const document of parsed.documents) {
    const objects = objectsOf(document, path);
    const foreign = objects.length === 0 && declaresSomething(document.value);
    if (!foreign && (objects.length > 0 || namedAsOurs)) findings.push(...document.findings);
    for (const { kind, node, value, basePath } of objects) {
      if (kind.kinds && !kind.kinds.includes(String(value.kind))) {
        findings.push(unknownKindFinding(kind, node, value, parsed.positions));
        continue;
      }
      const validate = validators.get(kind.schemaRef(value));
      findings.push(...checkAgainstSchema(validate, { node, value, basePath, damage: document.damage }, parsed.positions));
    }
  }
  return sortFindings(findings);
}

interface KindedObject {
  kind: DocumentKind;
  node: Node | null | undefined;
  value: Record<string, unknown>;
  basePath: number[];
}

/** The objects of our kinds in a document: the document itself, or the items of a top-level list. */
function objectsOf(document: ParsedDocument, path: string): KindedObject[] {
  const contents = document.doc.contents as Node | null;
  const { value } = document;
  if (Array.isArray(value)) {
    const items = (contents as { items?: Node[] } | null)?.items ?? [];
    return value.flatMap((item, i) => {
      const kind = detectKind(item, '');
      return kind && isObject(item) ? [{ kind, node: items[i], value: item, basePath: [i] }] : [];
    });
  }
  const kind = detectKind(value, path);
  return kind && isObject(value) ? [{ kind, node: contents, value, basePath: [] }] : [];
}

/** `kind: SLOs` in an OpenSLO file: say which kinds exist instead of validating against none. */
function unknownKindFinding(kind: DocumentKind, node: Node | null | undefined, value: Record<string, unknown>, positions: PositionMap): Finding {
  const located = locate(node, ['kind']);
  const anchor = located.value ?? located.key ?? node;
  const [start, end] = anchor?.range ?? [0, 0];
  const allowed = kind.kinds ?? [];
  const written = value.kind === undefined ? undefined : String(value.kind);
  const message = written === undefined
    ? `missing required property \`kind\`: one of ${allowed.map((k) => `\`${k}\``).join(', ')}`
    : `\`kind\` must be one of ${allowed.map((k) => `\`${k}\``).join(', ')} for ${kind.label}; got \`${written}\`${didYouMean(written, allowed)}`;
  return { ruleId: written === undefined ? 'missing-property' : 'invalid-enum', severity: 'error', message, range: positions.rangeOf(start, end) };
}

function binaryFinding(): Finding {
  const start = { line: 0, character: 0 };
  return { ruleId: 'binary-file', severity: 'warning', message: 'the file holds binary data (NUL bytes); it was not checked', range: { start, end: start } };
}

function declaresSomething(value: unknown): boolean {
  return isObject(value) && ('apiVersion' in value || 'kind' in value || 'version' in value);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
