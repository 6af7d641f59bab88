// Hover: on a key or value of one of our YAML documents, what the schema says about it
// (description, type, allowed values, default, examples) and, on a reference, what it
// resolves to; on a runbook heading, the canonical section it counts as and its guidance; on
// a finding's range, what its rule checks and where its page is.

import { isYamlPath } from '../check-yaml';
import { isMarkdownPath } from '../check-markdown';
import { buildRunbookModel } from '../runbook/model';
import { SECTION_KINDS } from '../runbook/sections';
import { RULES } from '../rules/registry';
import { propertiesOf, schemaAtEach } from '../schema/navigate';
import type { Position, SourceDocument } from '../types';
import { markdownOf, positionsOf } from './cache';
import { fileExists, inRange, referenceAt, relativePath, targetsOf, type ReferenceHit } from './references';
import { describeSchema, infoMarkdown, schemaStarts, showPath } from './schema-info';
import type { FeatureContext, Hover } from './types';
import { nodeAt, rangeIn, yamlFileOf, type NodeHit, type YamlObject } from './yaml-objects';

export function hover(document: SourceDocument, position: Position, context: FeatureContext): Hover | undefined {
  const own = isMarkdownPath(context.path)
    ? (context.isRunbook(context.uri) ? hoverHeading(document, position, context) : undefined)
    : isYamlPath(context.path) ? hoverYaml(document, position, context) : undefined;
  const rules = hoverFindings(position, context);
  if (!own || !rules) return own ?? rules;
  return { contents: `${rules.contents}\n\n---\n\n${own.contents}`, range: own.range };
}

function hoverYaml(document: SourceDocument, position: Position, context: FeatureContext): Hover | undefined {
  const file = yamlFileOf(document.uri, document.text, context);
  const offset = file.positions.offsetAt(position);
  for (const object of file.objects) {
    const hit = nodeAt(object, offset - object.offset);
    if (!hit) continue;
    const reference = hit.on === 'value' ? referenceAt(context, position) : undefined;
    const parts = [ruleText(hit, object), propertyText(hit, object, context), reference ? referenceText(reference, context) : undefined].filter((p): p is string => !!p);
    return parts.length > 0 ? { contents: parts.join('\n\n---\n\n'), range: rangeIn(file, object, hit.node) } : undefined;
  }
  return undefined;
}

/**
 * On the range of a finding: each rule's short docs (what it checks, its default severity) and
 * a link to its page. The editor shows the finding's message itself; this says why it matters.
 */
function hoverFindings(position: Position, context: FeatureContext): Hover | undefined {
  const here = context.findings().filter((f) => inRange(position, f.range));
  const rules = [...new Set(here.map((f) => f.ruleId))].flatMap((id) => RULES.filter((r) => r.id === id));
  if (rules.length === 0) return undefined;
  const contents = rules.map((rule) => {
    const url = context.docsUrl(rule.id);
    return [`**${rule.id}** · default \`${rule.defaultSeverity}\`${url ? ` · [docs](${url})` : ''}`, rule.description].join('\n\n');
  }).join('\n\n---\n\n');
  return { contents, range: here.find((f) => f.ruleId === rules[0].id)!.range };
}

function propertyText(hit: NodeHit, object: YamlObject, context: FeatureContext): string | undefined {
  if (!object.schema) return undefined;
  const starts = schemaStarts(object.kind, object.schema, context);
  const schemas = schemaAtEach(context.schemas, starts, hit.path, object.value);
  if (schemas.length === 0) return undefined;
  const info = describeSchema(schemas, context.schemas);
  const last = hit.path[hit.path.length - 1];
  const parent = typeof last === 'string' ? schemaAtEach(context.schemas, starts, hit.path.slice(0, -1), object.value) : [];
  const required = parent.length > 0 && propertiesOf(context.schemas, parent, undefined).some((p) => p.name === last && p.required);
  const heading = [`\`${showPath(hit.path)}\``, info.type, required ? 'required' : undefined].filter((p) => p).join(' · ');
  return [heading, infoMarkdown(info)].filter((p) => p).join('\n\n');
}

/** A rule id in `.prr.yaml`'s `rules`: what the rule checks and how loud it is by default. */
function ruleText(hit: NodeHit, object: YamlObject): string | undefined {
  const [section, id] = hit.path;
  const rule = object.kind.id === 'prr-config' && section === 'rules' && hit.path.length === 2 ? RULES.find((r) => r.id === id) : undefined;
  return rule && `**${rule.id}** · default \`${rule.defaultSeverity}\`\n\n${rule.description}`;
}

function referenceText(hit: ReferenceHit, context: FeatureContext): string {
  const { ref } = hit;
  if (ref.targetKind === 'Runbook') {
    const exists = ref.resolved !== undefined && fileExists(context, ref.resolved);
    return exists ? `→ runbook \`${relativePath(context.uri, ref.resolved as string)}\`` : `→ \`${ref.name}\` does not exist`;
  }
  const targets = targetsOf(context, hit);
  if (targets.length === 0) return `→ resolves nowhere: no ${ref.targetKind} named \`${ref.name}\` in the workspace`;
  const where = (t: { uri: string; range: { start: { line: number } } }) =>
    t.uri === context.uri ? `line ${t.range.start.line + 1} of this file` : `\`${relativePath(context.uri, t.uri)}:${t.range.start.line + 1}\``;
  return targets.map((t) => `→ ${ref.targetKind} \`${ref.name}\` in ${where(t)}`).join('  \n');
}

function hoverHeading({ uri, text }: SourceDocument, position: Position, context: FeatureContext): Hover | undefined {
  const model = buildRunbookModel(text, markdownOf(uri, text, context.cache), positionsOf(uri, text, context.cache), context.config.runbooks.synonyms);
  const section = model.sections.find((s) => inRange(position, s.range));
  const kind = section?.kind;
  if (!section || !kind) return undefined;
  const setting = context.config.runbooks.requiredSections[kind.id];
  const required = setting && setting !== 'off' ? `required (${setting})` : 'optional';
  const place = `runbook section ${SECTION_KINDS.indexOf(kind) + 1} of ${SECTION_KINDS.length}`;
  const synonyms = [...kind.synonyms, ...(context.config.runbooks.synonyms[kind.id] ?? [])].filter((s) => s !== kind.title.toLowerCase());
  const alias = section.text.trim().toLowerCase() === kind.title.toLowerCase() ? [] : [`“${section.text.trim()}” counts as the ${kind.title} section.`];
  const contents = [`**${kind.title}** · ${place} · ${required}`, ...alias, kind.guidance, `Also recognised as: ${synonyms.join(', ')}`].join('\n\n');
  return { contents, range: section.range };
}
