// Checks one YAML (or JSON) text: parses it once, decides each document's kind and
// validates the documents that are ours. Documents of other kinds are left alone.

import type { Node } from 'yaml';
import { detectKind, isObject, DOCUMENT_KINDS, type DocumentKind } from './kinds';
import { checkAgainstSchema } from './schema/check';
import type { Validators } from './schema/validators';
import type { Finding } from './types';
import { parseYaml, type ParsedDocument } from './yaml/parse';

const YAML_PATH = /\.(ya?ml|json)$/i;

/** Words at least one of which appears in any document of ours; other files are not even parsed. */
const MARKERS = /prr\/|ServiceReadiness/;

export function isYamlPath(path: string): boolean {
  return YAML_PATH.test(path);
}

export function checkYamlText(text: string, path: string, validators: Validators): Finding[] {
  const namedAsOurs = DOCUMENT_KINDS.some((k) => k.matchesFileName(path));
  if (!namedAsOurs && !MARKERS.test(text)) return [];
  if (text.includes('\u0000')) return [binaryFinding()];
  const parsed = parseYaml(text);
  const findings: Finding[] = [];
  for (const document of parsed.documents) {
    const objects = objectsOf(document, path);
    const foreign = objects.length === 0 && declaresSomething(document.value);
    if (!foreign && (objects.length > 0 || namedAsOurs)) findings.push(...document.findings);
    for (const { kind, node, value, basePath } of objects) {
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
