// The outline of a document: for YAML, each object of ours (`SLO checkout-availability`,
// `ServiceReadiness checkout-api`) with its top-level sections and their list items; for a
// runbook, its heading tree.

import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Heading } from 'mdast';
import { isYamlPath } from '../check-yaml';
import { isMarkdownPath } from '../check-markdown';
import { isObject } from '../kinds';
import { sectionKindOf } from '../runbook/sections';
import { textOf } from '../runbook/model';
import type { SourceDocument } from '../types';
import { markdownOf, positionsOf } from './cache';
import type { DocumentSymbol, FeatureContext } from './types';
import { rangeIn, yamlFileOf, type YamlFile, type YamlObject } from './yaml-objects';

/** Keys whose value names a list item, in order of preference. */
const ITEM_NAMES = ['name', 'ref', 'displayName', 'alertPolicyRef', 'conditionRef', 'targetRef', 'check', 'url', 'duration'];

export function symbols(document: SourceDocument, context: FeatureContext): DocumentSymbol[] {
  if (isMarkdownPath(context.path)) return context.isRunbook(context.uri) ? headingSymbols(document, context) : [];
  if (!isYamlPath(context.path)) return [];
  const file = yamlFileOf(document.uri, document.text, context);
  return file.objects.flatMap((object) => (isMap(object.node) ? [objectSymbol(file, object, object.node)] : []));
}

function objectSymbol(file: YamlFile, object: YamlObject, node: Node): DocumentSymbol {
  const { value, kind } = object;
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const kindName = typeof value.kind === 'string' ? value.kind : kind.id === 'sloth-prometheus-v1' ? 'Sloth service' : kind.label;
  const name = typeof metadata.name === 'string' ? metadata.name : typeof value.service === 'string' ? value.service : undefined;
  const nameNode = valueNode(valueNode(node, 'metadata'), 'name') ?? valueNode(node, 'service');
  const range = rangeIn(file, object, node);
  // Sections: the keys of `spec`, beside `metadata`; objects without a `spec` (Sloth, .prr.yaml) show their own keys
  // but those that say what the object is (its Sloth `service` is in its name).
  const spec = valueNode(node, 'spec');
  const sections = [...pairs(node).filter((p) => keyName(p) === 'metadata'), ...(isMap(spec) ? pairs(spec) : pairs(node).filter((p) => !['apiVersion', 'kind', 'version', 'metadata', 'service'].includes(keyName(p) ?? '')))];
  return {
    name: name === undefined ? kindName : `${kindName} ${name}`,
    detail: kind.label,
    kind: 'object',
    range,
    selectionRange: nameNode ? rangeIn(file, object, nameNode) : rangeIn(file, object, pairs(node)[0]?.key as Node | undefined),
    children: sections.map((pair) => sectionSymbol(file, object, pair)),
  };
}

function sectionSymbol(file: YamlFile, object: YamlObject, pair: Pair<Node | null, Node | null>): DocumentSymbol {
  const key = pair.key as Node;
  const items = isSeq(pair.value) ? (pair.value.items as (Node | null)[]) : [];
  return {
    name: keyName(pair) ?? '',
    ...(isScalar(pair.value) ? { detail: String(pair.value.value) } : {}),
    kind: 'section',
    range: span(file, object, key, pair.value),
    selectionRange: rangeIn(file, object, key),
    children: items.flatMap((item, i) => (isMap(item) ? [itemSymbol(file, object, item, i)] : [])),
  };
}

function itemSymbol(file: YamlFile, object: YamlObject, item: Node, index: number): DocumentSymbol {
  const named = ITEM_NAMES.map((k) => valueNode(item, k) ?? valueNode(valueNode(item, 'metadata'), k)).find((n) => isScalar(n));
  const range = rangeIn(file, object, item);
  return {
    name: isScalar(named) ? String(named.value) : `[${index}]`,
    ...(isScalar(named) ? { detail: `[${index}]` } : {}),
    kind: 'item',
    range,
    selectionRange: named ? rangeIn(file, object, named) : range,
    children: [],
  };
}

/** From a key to the end of its value. */
function span(file: YamlFile, object: YamlObject, key: Node, value: Node | null): DocumentSymbol['range'] {
  const start = rangeIn(file, object, key).start;
  const end = value?.range ? rangeIn(file, object, value).end : rangeIn(file, object, key).end;
  return { start, end };
}

function pairs(node: Node | null | undefined): Pair<Node | null, Node | null>[] {
  return isMap(node) ? (node.items as Pair<Node | null, Node | null>[]).filter((p) => isScalar(p.key)) : [];
}

function keyName(pair: Pair<Node | null, Node | null>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function valueNode(node: Node | null | undefined, key: string): Node | null | undefined {
  return pairs(node).find((p) => keyName(p) === key)?.value;
}

/** Headings nest by level; each covers its section, up to the next heading of the same or a higher level. */
function headingSymbols({ uri, text }: SourceDocument, context: FeatureContext): DocumentSymbol[] {
  const positions = positionsOf(uri, text, context.cache);
  const headings = markdownOf(uri, text, context.cache).children.filter((c): c is Heading => c.type === 'heading');
  const roots: DocumentSymbol[] = [];
  const open: { depth: number; symbol: DocumentSymbol }[] = [];
  headings.forEach((heading, i) => {
    const start = heading.position?.start.offset ?? 0;
    const next = headings.slice(i + 1).find((h) => h.depth <= heading.depth);
    const end = next?.position?.start.offset ?? text.length;
    const name = textOf(heading).trim() || '(empty heading)';
    const kind = sectionKindOf(name, context.config.runbooks.synonyms);
    const symbol: DocumentSymbol = {
      name,
      ...(kind && kind.title.toLowerCase() !== name.toLowerCase() ? { detail: kind.title } : {}),
      kind: 'heading',
      range: positions.nodeRange(start, end),
      selectionRange: positions.nodeRange(start, heading.position?.end.offset ?? start),
      children: [],
    };
    while (open.length > 0 && open[open.length - 1].depth >= heading.depth) open.pop();
    (open.length > 0 ? open[open.length - 1].symbol.children : roots).push(symbol);
    open.push({ depth: heading.depth, symbol });
  });
  return roots;
}
