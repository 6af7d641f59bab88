// The prr engine: documents in, findings out. Pure — every shell (language server,
// CLI) builds one with createEngine and passes text (and the configuration that applies
// to it) in; file-system questions go through the injected `io`.

import { OBJECT_RULES, RULES, RUNBOOK_RULES, WORKSPACE_RULES } from './rules/registry';
import type { Finding, Position, SourceDocument } from './types';
import type { Entity } from './entities/types';
import { Validators } from './schema/validators';
import { SHIPPED_SCHEMAS } from './schema/shipped';
import { isYamlPath, YamlChecker, type TextResult } from './check-yaml';
import { fileKey, WorkspaceIndex } from './workspace/index';
import { checkWorkspace, type WorkspaceMemo } from './workspace/check';
import { checkRunbook, isMarkdownPath } from './check-markdown';
import { completeSectionHeadings } from './runbook/complete';
import { buildRunbookModel } from './runbook/model';
import { parseMarkdown } from './markdown/parse';
import { PositionMap } from './yaml/positions';
import { CONFIG_KIND, CONTENT_MARKERS, READINESS_KIND, type DocumentKind } from './kinds';
import { DEFAULT_CONFIG, type FileConfig } from './config/resolve';
import { parseConfig } from './config/parse';
import { SchemaStore } from './schema/navigate';
import type { DocumentSymbol, FeatureContext } from './editor/types';
import { DocumentCache } from './editor/cache';
import { foldingRanges } from './editor/folding';
import { hover } from './editor/hover';
import { completeYaml } from './editor/complete-yaml';
import { symbols } from './editor/symbols';
import { definition, links } from './editor/links';
import { addDisableFixes, applySuppressions, type CommentSyntax } from './suppression';
import { fixAll } from './fixes/fix-all';
import { buildReport } from './readiness/report';
import { capFindings, DEFAULT_LIMITS, fileTooLargeFinding, isOversize, oversize } from './limits';
import { decodeLenient } from './uri';
import { portable, revive } from './local-check';
import { budgetFindings, budgetHints, budgetItems, budgetSettings, withBudgetDetails, withBudgetHover } from './budget/features';
import { alertLinkKeys, withWorkspaceLinks } from './budget/workspace-links';
import type { BudgetFact } from './budget/facts';
import { FileBudgets } from './budget/file-budgets';
import { CustomSchemas } from './schema/custom';
import { configSchemaProblems, CustomFindings } from './schema/custom-check';
import { unknownRuleIds } from './config/rule-ids';

export type { Finding, RuleMeta, Severity, SourceDocument, Range, Position, RelatedLocation, Fix, TextEdit } from './types';
export type { EngineIO, RunbookOptions } from './runbook/types';
export type { CompletionItem } from './runbook/complete';
export type { ConfigData, ConfigLayer, FileConfig, SeveritySetting } from './config/resolve';
export { resolveConfig, DEFAULT_CONFIG } from './config/resolve';
export type { DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, SymbolKindName } from './editor/types';
export type { FixAllResult } from './fixes/fix-all';
export type * from '../protocol/report';
export { READINESS_CHECKS } from './readiness/registry';
export type { ReadinessCheck } from './readiness/types';
export type { Limits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export type { LocalCheck } from './local-check';
export type { BudgetHint } from './budget/features';

import type { Engine, EngineOptions } from './engine';
import { TextFacts } from './text-facts';
import { idleWarmUp, warmUp } from './warm-up';

export type { Engine, EngineOptions, ReportOptions } from './engine';

export function createEngine(options: EngineOptions = {}): Engine {
  const validators = new Validators(SHIPPED_SCHEMAS);
  const schemas = new SchemaStore(SHIPPED_SCHEMAS);
  const checker = new YamlChecker(validators, OBJECT_RULES, !options.batch);
  const index = new WorkspaceIndex();
  const latest = new Map<string, { text: string; namedAs: DocumentKind | undefined; result: TextResult }>();
  /** The objects each file was last indexed with: the same ones need no re-indexing. */
  const indexed = new Map<string, readonly Entity[]>();
  /** Per file, its budget items across edits (see budget/file-budgets.ts). */
  const fileBudgets = new FileBudgets();
  /** Per file, what its last cross-file check found clean (see workspace/check.ts). */
  const workspaceMemos = new Map<string, WorkspaceMemo>();
  /** Text facts of the documents checked last, oldest first (see factsOf). */
  const textFacts = new Map<string, TextFacts>();
  const cache = new DocumentCache();
  const known = new Set(RULES.map((r) => r.id));
  const now = options.now ?? (() => new Date());
  let editorSeverities = options.severities ?? {};
  const customSchemas = new CustomSchemas(options.io);
  const customFindings = new CustomFindings(customSchemas);

  function namedAs(path: string, config: FileConfig): DocumentKind | undefined {
    if (CONFIG_KIND.matchesFileName(path)) return CONFIG_KIND;
    return config.isManifestFile(path) ? READINESS_KIND : undefined;
  }

  /** `keep`: remember the result for this file (the editor re-checks it, the index uses it); a worker's `localCheck` hands it on instead. */
  function local(document: SourceDocument, config: FileConfig, keep = true): TextResult {
    const path = pathOf(document.uri);
    if (!isYamlPath(path) || config.isExcluded(path)) return { findings: [], entities: [] };
    if (isOversize(document.text, config.limits.maxFileBytes)) return NOT_READ; // never parsed, never indexed
    const kind = namedAs(path, config);
    const previous = latest.get(document.uri);
    if (previous && previous.text === document.text && previous.namedAs === kind) return previous.result;
    const result = checker.check(document.text, kind, previous?.namedAs === kind ? previous : undefined);
    if (keep) latest.set(document.uri, { text: document.text, namedAs: kind, result });
    return result;
  }

  function setFile(document: SourceDocument, config: FileConfig = DEFAULT_CONFIG): string[] {
    const { entities } = local(document, config);
    const changed: Entity[] = [];
    const before = index.version;
    const touched = index.set(document.uri, entities, changed);
    fileBudgets.ownUpdate(document.uri, before, index.version);
    indexed.set(document.uri, entities);
    touched.add(fileKey(document.uri)); // files that point at this one (a manifest at its runbook)
    // Conditions kept in other files take their SLO's window from this one: their budget numbers follow its changes
    // (an object the edit did not touch is the same object, with the same links, as before).
    for (const key of alertLinkKeys(changed)) touched.add(key);
    return index.filesConcerning(touched).filter((uri) => uri !== document.uri);
  }

  /** Indexes a document unless its current objects are indexed already (an unchanged buffer under hover). */
  function ensureIndexed(document: SourceDocument, config: FileConfig): void {
    if (indexed.get(document.uri) !== local(document, config).entities) setFile(document, config);
  }

  function isRunbook(uri: string, path: string, config: FileConfig): boolean {
    return isMarkdownPath(path) && !config.isExcluded(path) && (config.isRunbookFile(path) || index.isReferencedRunbook(uri));
  }

  /** What the editor features need; a YAML document's own objects are indexed first, so its references are current. */
  function features(document: SourceDocument, config: FileConfig, indexFirst = true, findings?: readonly Finding[]): FeatureContext {
    const path = pathOf(document.uri);
    if (indexFirst && isYamlPath(path)) ensureIndexed(document, config);
    const kind = namedAs(path, config);
    // The custom schemas, read when a feature first asks; their files join the schema store, for their `$ref`s.
    let custom: ReturnType<CustomSchemas['forEditor']> | undefined;
    const loadCustom = () => (custom ??= customSchemas.forEditor(config.customSchemas, schemas));
    return {
      uri: document.uri, path, config, index, ...(options.io ? { io: options.io } : {}), ...(kind ? { namedAs: kind } : {}),
      get schemas() {
        return config.customSchemas.length === 0 ? schemas : loadCustom().store;
      },
      customSchemas: () => loadCustom().starts,
      isRunbook: (uri) => isRunbook(uri, pathOf(uri), config),
      cache,
      findings: () => findings ?? engine.check(document, config),
      docsUrl: (ruleId) => engine.docsUrl(ruleId),
    };
  }

  /** The user's settings win over a finding's own severity (a missing Escalation is a warning by default). */
  function applySeverity(findings: Finding[], config: FileConfig): Finding[] {
    const out: Finding[] = [];
    for (const finding of findings) {
      const setting = config.severities[finding.ruleId] ?? editorSeverities[finding.ruleId] ?? finding.severity;
      if (setting !== 'off') out.push(setting === finding.severity ? finding : { ...finding, severity: setting });
    }
    return out;
  }

  /** Inline `prr-disable` comments first (the CLI honours them too), then severities; every finding left can be disabled by a fix. */
  function finish(document: SourceDocument, findings: Finding[], config: FileConfig, syntax: CommentSyntax | undefined): Finding[] {
    if (!syntax) return applySeverity(findings, config);
    const facts = factsOf(document);
    const kept = applySeverity(applySuppressions(facts, findings, syntax, known), config);
    // JSON has no comments: a disable comment would leave a file no other tool reads.
    return /\.json$/i.test(document.uri) ? kept : addDisableFixes(facts, kept, syntax);
  }

  /** The text facts of a document's current text, derived from those of its last text (see text-facts.ts). */
  function factsOf(document: SourceDocument): TextFacts {
    const previous = textFacts.get(document.uri);
    const facts = previous ? TextFacts.after(previous, document.text) : TextFacts.of(document.text);
    // The documents checked last (the ones being edited), not every file of a workspace or a CLI run.
    textFacts.delete(document.uri);
    textFacts.set(document.uri, facts);
    if (textFacts.size > TEXT_FACTS_KEPT) textFacts.delete(textFacts.keys().next().value as string);
    return facts;
  }

  /** The budget of each objective and alert of a YAML document, from the facts its check cached. */
  function budgetsOf(document: SourceDocument, config: FileConfig) {
    if (!isYamlPath(pathOf(document.uri))) return [];
    ensureIndexed(document, config);
    const result = local(document, config);
    const at = now();
    const minute = Math.floor(at.getTime() / 60_000);
    const last = budgetMemo.get(result);
    if (last && last.config === config && last.version === index.version && last.minute === minute) return last.items;
    const facts = result.budgets;
    const items = !facts || options.batch
      ? budgetItems(linkedFacts(document.uri, facts), config, at)
      : fileBudgets.items(document.uri, facts, { settings: budgetSettings(config, at), config, minute, version: index.version, linked: () => linkedFacts(document.uri, facts) ?? facts });
    budgetMemo.set(result, { config, version: index.version, minute, items });
    return items;
  }

  /**
   * Each check result's budget items while the index (other files' links) and the minute stay the same: hover,
   * outline and inlay hints ask for them again and again between two edits, and a 50,000-line file has thousands.
   */
  const budgetMemo = new WeakMap<TextResult, { config: FileConfig; version: number; minute: number; items: ReturnType<typeof budgetItems> }>();

  /** A file's budget facts with the policy and SLO links of the other files its conditions are named in. */
  function linkedFacts(uri: string, facts: readonly BudgetFact[] | undefined): readonly BudgetFact[] | undefined {
    return facts && withWorkspaceLinks(uri, facts, {
      // The index's key for references to and definitions of a name (WorkspaceIndex's nameKey).
      filesNaming: (kind, name) => index.filesConcerning(new Set([`name:${kind}:${name}`])),
      factsOf: (other) => latest.get(other)?.result.budgets,
    });
  }

  const engine: Omit<Engine, 'oversized'> = {
    rules: RULES,
    isCandidate: (path) => isYamlPath(path) || isMarkdownPath(path),
    setFile,
    removeFile(uri) {
      latest.delete(uri);
      textFacts.delete(uri);
      workspaceMemos.delete(uri);
      fileBudgets.forget(uri);
      indexed.delete(uri);
      cache.forget(uri);
      const touched = index.remove(uri);
      touched.add(fileKey(uri));
      return index.filesConcerning(touched);
    },
    check(document, config = DEFAULT_CONFIG) {
      const path = pathOf(document.uri);
      if (isMarkdownPath(path)) {
        if (!isRunbook(document.uri, path, config)) return [];
        const input = { uri: document.uri, text: document.text, options: config.runbooks, now: now(), ...(options.io ? { io: options.io } : {}) };
        return finish(document, checkRunbook(input, RUNBOOK_RULES, validators), config, 'markdown');
      }
      // A `.prr.yaml`'s own findings are never silenced by the rules it (or another) sets:
      // a broken configuration must always be seen.
      if (CONFIG_KIND.matchesFileName(path)) {
        // A configuration is checked as it is read (parseConfig): even when an `exclude` matches it or a parent's
        // `limits:` would call it too large — `prr check` reports a broken one so too.
        const own = [...local(document, DEFAULT_CONFIG).findings, ...unknownRuleIds(document.text, known)].sort(byPosition);
        return config.untrusted ? own : withSchemaProblems(document, own);
      }
      ensureIndexed(document, config);
      const result = local(document, config);
      const ownFindings = customFindings.of(document.text, result, config.customSchemas);
      const own = result.budgets ? [...ownFindings, ...budgetFindings(budgetsOf(document, config), budgetSettings(config, now()))].sort(byPosition) : ownFindings;
      let memo = workspaceMemos.get(document.uri);
      if (!memo && !options.batch) workspaceMemos.set(document.uri, (memo = { version: -1, clean: new Map() }));
      const across = checkWorkspace(WORKSPACE_RULES, document.uri, index, options.io, now(), memo);
      const all = across.length === 0 ? own : [...own, ...across].sort(byPosition);
      const ours = !config.isExcluded(path) && (namedAs(path, config) !== undefined || CONTENT_MARKERS.test(document.text));
      return finish(document, all, config, ours ? 'yaml' : undefined);
    },
    complete(document, position, config = DEFAULT_CONFIG) {
      const path = pathOf(document.uri);
      if (isYamlPath(path)) return config.isExcluded(path) ? [] : completeYaml(document, position, features(document, config, false));
      if (!isRunbook(document.uri, path, config)) return [];
      const model = buildRunbookModel(document.text, parseMarkdown(document.text), new PositionMap(document.text), config.runbooks.synonyms);
      return completeSectionHeadings(model, position);
    },
    hover: (document, position, config = DEFAULT_CONFIG, findings) => (config.isExcluded(pathOf(document.uri)) ? undefined : withBudgetHover(hover(document, position, features(document, config, true, findings)), budgetsOf(document, config), position)),
    symbols: (document, config = DEFAULT_CONFIG) => (config.isExcluded(pathOf(document.uri)) ? [] : withBudgetDetails(symbols(document, features(document, config)), budgetsOf(document, config))),
    budgetHints: (document, config = DEFAULT_CONFIG) => (config.isExcluded(pathOf(document.uri)) ? [] : budgetHints(budgetsOf(document, config), document.text)),
    links: (document, config = DEFAULT_CONFIG) => (config.isExcluded(pathOf(document.uri)) ? [] : links(document, features(document, config))),
    definition: (document, position, config = DEFAULT_CONFIG) => (config.isExcluded(pathOf(document.uri)) ? [] : definition(document, position, features(document, config))),
    foldingRanges: (document, config = DEFAULT_CONFIG) => (config.isExcluded(pathOf(document.uri)) ? [] : foldingRanges(document, features(document, config, false))),
    parseConfig: (text) => parseConfig(text, checker),
    isCustomSchema: (uri) => customSchemas.has(uri),
    docsUrl(ruleId) {
      return options.docsBaseUrl && known.has(ruleId) ? `${options.docsBaseUrl}${ruleId}.md` : undefined;
    },
    warmUp: () => warmUp(engine),
    idleWarmUp: () => idleWarmUp(engine),
    localCheck: (document, config = DEFAULT_CONFIG) => portable(local(document, config, false)),
    adopt(document, checked, config = DEFAULT_CONFIG) {
      latest.set(document.uri, { text: document.text, namedAs: namedAs(pathOf(document.uri), config), result: revive(checked) });
    },
    setSeverities(next) {
      editorSeverities = next;
    },
    fixAll(document, config = DEFAULT_CONFIG) {
      const result = fixAll(document.text, (text) => engine.check({ uri: document.uri, text }, config));
      // Checking the intermediate texts indexed them: the index goes back to the document as it is.
      if (result.text !== document.text && isYamlPath(pathOf(document.uri))) setFile(document, config);
      return result;
    },
    report(reportOptions = {}) {
      const configFor = reportOptions.configFor ?? (() => DEFAULT_CONFIG);
      return buildReport({
        now: now(),
        index,
        ...(options.io ? { io: options.io } : {}),
        configFor,
        findings: (uri) => {
          const text = latest.get(uri)?.text;
          return text === undefined ? [] : engine.check({ uri, text }, configFor(uri));
        },
        budgets: (uri) => {
          const text = latest.get(uri)?.text;
          return text === undefined ? [] : budgetsOf({ uri, text }, configFor(uri));
        },
        ...(reportOptions.root ? { root: reportOptions.root } : {}),
        ...(reportOptions.uris ? { uris: reportOptions.uris } : {}),
      });
    },
  };
  return withLimits(engine);

  /** A `.prr.yaml`'s findings and one for each `schemas:` entry that cannot be used (read anew: the files may have changed). */
  function withSchemaProblems(document: SourceDocument, findings: Finding[]): Finding[] {
    if (!document.text.includes('schemas')) return findings; // cheap: most configs name none
    const problems = configSchemaProblems(document.text, document.uri, (uri) => customSchemas.load(uri));
    return problems.length === 0 ? findings : [...findings, ...problems].sort(byPosition);
  }

  /** The document's kind's size limit, if it has one. */
  function limitOf(document: SourceDocument, config: FileConfig): number | undefined {
    const path = pathOf(document.uri);
    if (isMarkdownPath(path)) return config.limits.maxRunbookBytes;
    // A `.prr.yaml` is read as configuration under the default limit, whatever a parent's `limits:` say: checked so too.
    if (CONFIG_KIND.matchesFileName(path)) return DEFAULT_LIMITS.maxFileBytes;
    return isYamlPath(path) ? config.limits.maxFileBytes : undefined;
  }

  /** Whether the document is larger than its kind's limit (cheap for most texts). */
  function tooLarge(document: SourceDocument, config: FileConfig): boolean {
    const limit = limitOf(document, config);
    return limit !== undefined && isOversize(document.text, limit);
  }

  /**
   * The engine with the limits of `limits:` applied: a document over its size limit gets one
   * `file-too-large` finding and no other work (no parse, no completion, no fixes); findings
   * are capped at `maxFindings` per document, with one more saying how many were left out.
   */
  function withLimits(inner: Omit<Engine, 'oversized'>): Engine {
    const unlessTooLarge = <T>(document: SourceDocument, config: FileConfig, work: () => T, nothing: T): T => (tooLarge(document, config) ? nothing : work());
    const limited: Engine = {
      ...inner,
      check(document, config = DEFAULT_CONFIG) {
        if (tooLarge(document, config)) return limited.oversized(document.uri, oversize(document.text, limitOf(document, config) ?? 0) ?? 0, config);
        const setting = config.severities['too-many-findings'] ?? editorSeverities['too-many-findings'];
        return capFindings(inner.check(document, config), config.limits.maxFindings, setting);
      },
      complete: (document, position, config = DEFAULT_CONFIG) => unlessTooLarge(document, config, () => inner.complete(lf(document), position, config), []),
      hover: (document, position, config = DEFAULT_CONFIG, findings) => unlessTooLarge(document, config, () => inner.hover(lf(document), position, config, findings), undefined),
      symbols: (document, config = DEFAULT_CONFIG) => unlessTooLarge(document, config, () => inner.symbols(lf(document), config).map(selectionInside), []),
      links: (document, config = DEFAULT_CONFIG) => unlessTooLarge(document, config, () => inner.links(lf(document), config), []),
      definition: (document, position, config = DEFAULT_CONFIG) => unlessTooLarge(document, config, () => inner.definition(lf(document), position, config), []),
      foldingRanges: (document, config = DEFAULT_CONFIG) => unlessTooLarge(document, config, () => inner.foldingRanges(lf(document), config), []),
      budgetHints: (document, config = DEFAULT_CONFIG) => unlessTooLarge(document, config, () => inner.budgetHints(document, config), []),
      fixAll: (document, config = DEFAULT_CONFIG) => unlessTooLarge(document, config, () => inner.fixAll(document, config), { text: document.text, edits: [], fixed: 0, rounds: 0 }),
      parseConfig: (text) => (oversize(text, DEFAULT_LIMITS.maxFileBytes) === undefined ? inner.parseConfig(text) : undefined),
      oversized(uri, bytes, config = DEFAULT_CONFIG) {
        const path = pathOf(uri);
        if (config.isExcluded(path)) return [];
        if (isMarkdownPath(path)) {
          return isRunbook(uri, path, config) ? applySeverity([fileTooLargeFinding(bytes, config.limits.maxRunbookBytes, 'maxRunbookSizeKB')], config) : [];
        }
        if (!isYamlPath(path)) return [];
        const finding = fileTooLargeFinding(bytes, config.limits.maxFileBytes, 'maxFileSizeMB');
        return CONFIG_KIND.matchesFileName(path) ? [finding] : applySeverity([finding], config);
      },
    };
    return limited;
  }
}

/**
 * The document with each lone \r (old Mac line ends) as \n: the same length, offsets and LSP
 * lines, so positions and ranges mean the same — for the editor features, which read lines at \n.
 */
function lf(document: SourceDocument): SourceDocument {
  // includes() first: a plain scan, where the regex walks a 50,000-line text on every hover and completion.
  return document.text.includes('\r') && /\r(?!\n)/.test(document.text) ? { uri: document.uri, text: document.text.replace(/\r(?!\n)/g, '\n') } : document;
}

/** A symbol whose selection lies inside its range, as LSP requires (VS Code rejects the whole outline otherwise). */
function selectionInside(symbol: DocumentSymbol): DocumentSymbol {
  const { range } = symbol;
  const clamp = (p: Position): Position => (before(p, range.start) ? range.start : before(range.end, p) ? range.end : p);
  const selection = { start: clamp(symbol.selectionRange.start), end: clamp(symbol.selectionRange.end) };
  return { ...symbol, selectionRange: selection, children: symbol.children.map(selectionInside) };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

const TEXT_FACTS_KEPT = 16;

/** What an unread (too large) YAML file contributes: nothing, the same object every time (so it is indexed once). */
const NOT_READ: TextResult = { findings: [], entities: [] };

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? decodeLenient(uri.replace(/^file:\/\//, '')) : uri;
}
