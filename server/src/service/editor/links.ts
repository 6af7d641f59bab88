// Document links and go-to-definition for references: a manifest's runbook paths and
// `slos[].file`, Sloth runbook annotations, a runbook's relative links to files that exist;
// and, for names (indicatorRef, slos[].ref…), the place the named object is defined.

import { isYamlPath } from '../check-yaml';
import { isMarkdownPath } from '../check-markdown';
import { buildRunbookModel, rangeOfNode } from '../runbook/model';
import { linkNodes, urlOffset } from '../rules/runbook/runbook-broken-link';
import type { Position, SourceDocument } from '../types';
import { locate } from '../yaml/locate';
import { resolveWrittenPath } from '../uri';
import { markdownOf, positionsOf } from './cache';
import { fileExists, inRange, referenceAt, targetsOf } from './references';
import type { DocumentLink, FeatureContext, Location } from './types';
import { rangeIn, yamlFileOf } from './yaml-objects';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function links(document: SourceDocument, context: FeatureContext): DocumentLink[] {
  if (isMarkdownPath(context.path)) return context.isRunbook(context.uri) ? runbookLinks(document, context) : [];
  if (!isYamlPath(context.path)) return [];
  const found: DocumentLink[] = [];
  for (const entity of context.index.entitiesOf(context.uri)) {
    for (const ref of entity.refs) {
      if (ref.targetKind === 'Runbook' && ref.resolved && fileExists(context, ref.resolved)) found.push({ range: ref.range, target: ref.resolved, tooltip: 'Open the runbook' });
    }
  }
  const file = yamlFileOf(document.uri, document.text, context);
  for (const object of file.objects) {
    if (object.kind.id !== 'readiness-manifest') continue;
    const spec = object.value.spec as { slos?: unknown } | undefined;
    (Array.isArray(spec?.slos) ? spec.slos : []).forEach((slo: unknown, i) => {
      const path = (slo as { file?: unknown } | null)?.file;
      const target = typeof path === 'string' ? resolveWrittenPath(path, context.uri) : undefined; // a written path: `%` is part of the name
      const node = locate(object.node, ['spec', 'slos', i, 'file']).value;
      if (target && node && fileExists(context, target)) found.push({ range: rangeIn(file, object, node), target, tooltip: 'Open the SLO file' });
    });
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Where what the reference at `position` names is defined: objects by name, files by path. */
export function definition(document: SourceDocument, position: Position, context: FeatureContext): Location[] {
  const reference = isYamlPath(context.path) ? referenceAt(context, position) : undefined;
  if (reference) return targetsOf(context, reference);
  const link = links(document, context).find((l) => inRange(position, l.range));
  return link ? [{ uri: link.target, range: START }] : [];
}

function runbookLinks({ uri, text }: SourceDocument, context: FeatureContext): DocumentLink[] {
  const model = buildRunbookModel(text, markdownOf(uri, text, context.cache), positionsOf(uri, text, context.cache));
  const found: DocumentLink[] = [];
  for (const node of linkNodes(model.root)) {
    const url = node.url.trim();
    if (url === '' || url.startsWith('#') || url.startsWith('/') || url.includes('{{') || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
    const target = resolve(url, context.uri);
    if (!target || target === context.uri || !fileExists(context, target)) continue;
    const at = urlOffset(model, node);
    const range = at === undefined ? rangeOfNode(node, model.positions) : model.positions.rangeOf(at, at + node.url.length);
    found.push({ range, target });
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A relative path (without its `#anchor` or `?query`) against the URI of the file it is written in. */
function resolve(path: string, base: string): string | undefined {
  try {
    // A `%` that starts no escape is a `%` of the name, as browsers (and runbook-broken-link) read it.
    return new URL(path.replace(/[#?].*$/, '').replace(/%(?![0-9a-f]{2})/gi, '%25'), base).href;
  } catch {
    return undefined;
  }
}
