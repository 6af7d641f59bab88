// The objects of our kinds in a YAML text, for the editor features: each with its parsed
// node, its value, where its `---` document starts, and the schema it is written against.

import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { objectsOf, type KindedObject } from '../check-yaml';
import { CONTENT_MARKERS, type DocumentKind } from '../kinds';
import type { SchemaAt, SchemaStore } from '../schema/navigate';
import type { Range } from '../types';
import { splitDocuments } from '../yaml/chunks';
import type { PathSegment } from '../yaml/locate';
import { parseYaml } from '../yaml/parse';
import { PositionMap } from '../yaml/positions';
import type { DocumentCache } from './cache';

export interface YamlObject extends KindedObject {
  /** Offset of the object's `---` document in the whole text (node offsets are relative to it). */
  offset: number;
  schema?: SchemaAt;
}

export interface YamlFile {
  /** Positions in the whole text. */
  positions: PositionMap;
  objects: YamlObject[];
}

/** The objects of a chunk (`---` document), with offsets relative to it. */
type ChunkObjects = Omit<YamlObject, 'offset'>[];

/**
 * The objects of a YAML text, parsed once per text of `uri` (through the engine's cache); after
 * an edit, only the `---` documents whose text changed are parsed again.
 */
export function yamlFileOf(uri: string, text: string, context: { namedAs?: DocumentKind; schemas: SchemaStore; cache: DocumentCache }): YamlFile {
  const key = `yaml:${context.namedAs?.id ?? ''}`;
  return context.cache.get(uri, key, text, () => readYamlFile(text, context.namedAs, context.schemas, context.cache.keep(uri, `${key}:chunks`, () => new Map<string, ChunkObjects>())));
}

/** `chunks`, when given, holds the parsed chunks of the previous text and is left holding those of this one. */
export function readYamlFile(text: string, namedAs: DocumentKind | undefined, schemas: SchemaStore, chunks?: Map<string, ChunkObjects>): YamlFile {
  const positions = new PositionMap(text);
  if (text.includes('\u0000') || (!namedAs && !CONTENT_MARKERS.test(text))) return { positions, objects: [] };
  const objects: YamlObject[] = [];
  const current = new Map<string, ChunkObjects>();
  for (const chunk of splitDocuments(text)) {
    let own = current.get(chunk.text) ?? chunks?.get(chunk.text);
    if (!own) {
      own = [];
      for (const document of parseYaml(chunk.text).documents) {
        for (const object of objectsOf(document, namedAs)) {
          const schema = schemaStartOf(object.kind, object.value, schemas);
          own.push({ ...object, ...(schema ? { schema } : {}) });
        }
      }
    }
    current.set(chunk.text, own);
    for (const object of own) objects.push({ ...object, offset: chunk.offset });
  }
  if (chunks) {
    chunks.clear();
    for (const [chunkText, own] of current) chunks.set(chunkText, own);
  }
  return { positions, objects };
}

/** The schema an object is written against; for an unknown OpenSLO `kind`, the family's whole schema. */
export function schemaStartOf(kind: DocumentKind, value: Record<string, unknown>, schemas: SchemaStore): SchemaAt | undefined {
  if (kind.unsupported) return undefined;
  const ref = kind.schemaRef(value);
  return schemas.resolve(ref) ?? schemas.resolve(ref.replace(/#.*$/, ''));
}

/** The range of a node of `object` in the whole text. */
export function rangeIn(file: YamlFile, object: YamlObject, node: Node | null | undefined): Range {
  const [start, end] = node?.range ?? object.node?.range ?? [0, 0];
  return file.positions.nodeRange(object.offset + start, object.offset + end);
}

export interface NodeHit {
  /** Path from the object to the property (or list item) under the cursor. */
  path: PathSegment[];
  /** Whether the cursor is on the key or on the (scalar) value. */
  on: 'key' | 'value';
  /** The node under the cursor. */
  node: Node;
}

/** The key or scalar value at `offset` (relative to the object's document) inside `object`. */
export function nodeAt(object: YamlObject, offset: number): NodeHit | undefined {
  return descend(object.node, offset, []);
}

function descend(node: Node | null | undefined, offset: number, path: PathSegment[]): NodeHit | undefined {
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node | null, Node | null>[]) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      const name = String(key.value);
      if (contains(key, offset)) return { path: [...path, name], on: 'key', node: key };
      // A block value's range ends where the next key starts (column 0 of its line): on nothing there, the next pair.
      const hit = pair.value && contains(pair.value, offset) ? descend(pair.value, offset, [...path, name]) : undefined;
      if (hit) return hit;
    }
    return undefined;
  }
  if (isSeq(node)) {
    const items = node.items as (Node | null)[];
    for (let i = 0; i < items.length; i++) {
      const hit = items[i] && contains(items[i] as Node, offset) ? descend(items[i], offset, [...path, i]) : undefined;
      if (hit) return hit;
    }
    return undefined;
  }
  if (isScalar(node) && path.length > 0) return { path, on: 'value', node };
  return undefined;
}

/** The cursor at the end of a word still touches it. */
function contains(node: Node, offset: number): boolean {
  const range = node.range;
  return range !== undefined && range !== null && range[0] <= offset && offset <= range[1];
}
