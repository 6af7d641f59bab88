// The editor features beyond diagnostics: completion, hover, document symbols (the outline),
// document links, go-to-definition and folding ranges. Each handler asks the engine about the
// open buffer, answers nothing once the request is cancelled, and logs and answers empty when
// it fails. What goes out follows the client's capabilities: snippets or plain text, Markdown
// or plain text, a symbol tree or a flat list, the folding range kinds it knows.

import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CancellationToken,
  type ClientCapabilities,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type ServerCapabilities,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem as EngineCompletionItem, DocumentSymbol as EngineSymbol, Engine, FileConfig, Finding, SourceDocument, SymbolKindName } from '../service';
import { markdownToPlainText } from './plain-text';
import { throwIfTesting } from './guard';

const COMPLETION_KINDS: Record<NonNullable<EngineCompletionItem['kind']>, CompletionItemKind> = {
  section: CompletionItemKind.Snippet,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
};

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  object: SymbolKind.Class,
  section: SymbolKind.Property,
  item: SymbolKind.Object,
  heading: SymbolKind.String,
};

export interface LanguageFeatures {
  /** Records what the client supports and returns the capabilities to advertise. */
  initialize(client: ClientCapabilities): ServerCapabilities;
}

export function registerLanguageFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  engine: Engine,
  configFor: (uri: string) => FileConfig,
  /** The open document's findings, as the diagnostics show them (cached per version): hover explains their rules. */
  findingsOf: (document: TextDocument) => readonly Finding[],
): LanguageFeatures {
  let hierarchicalSymbols = false;
  let markdownHover = true;
  let snippets = false;
  let markdownDocumentation = true;
  let foldingKinds: readonly string[] | undefined;
  let foldingLimit: number | undefined;

  /** Runs `work` on the open document unless the request is cancelled; a failure is logged (method, URI) and answered with `empty`. */
  function answer<T>(method: string, uri: string, token: CancellationToken, empty: T, work: (document: SourceDocument, config: FileConfig) => T): T {
    const document = documents.get(uri);
    if (!document || token.isCancellationRequested) return empty;
    try {
      throwIfTesting(method, uri);
      return work({ uri, text: document.getText() }, configFor(uri));
    } catch (error) {
      connection.console.error(`prr: ${method} failed for ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return empty;
    }
  }

  connection.onCompletion(({ textDocument, position }, token) =>
    answer('textDocument/completion', textDocument.uri, token, [] as CompletionItem[], (document, config) =>
      engine.complete(document, position, config).map((item) => toCompletionItem(item, snippets, markdownDocumentation))));

  connection.onHover(({ textDocument, position }, token) =>
    answer('textDocument/hover', textDocument.uri, token, null, (document, config) => {
      const open = documents.get(textDocument.uri);
      const found = engine.hover(document, position, config, open ? findingsOf(open) : undefined);
      if (!found) return null;
      const contents = markdownHover ? { kind: MarkupKind.Markdown, value: found.contents } : { kind: MarkupKind.PlainText, value: markdownToPlainText(found.contents) };
      return { contents, range: found.range };
    }));

  connection.onDocumentSymbol(({ textDocument }, token) =>
    answer('textDocument/documentSymbol', textDocument.uri, token, [] as DocumentSymbol[] | SymbolInformation[], (document, config) => {
      const found = engine.symbols(document, config);
      return hierarchicalSymbols ? found.map(toDocumentSymbol) : flatten(found, document.uri);
    }));

  connection.onDocumentLinks(({ textDocument }, token) =>
    answer('textDocument/documentLink', textDocument.uri, token, [], (document, config) => engine.links(document, config)));

  connection.onDefinition(({ textDocument, position }, token) =>
    answer('textDocument/definition', textDocument.uri, token, [], (document, config) => engine.definition(document, position, config)));

  connection.onFoldingRanges(({ textDocument }, token) =>
    answer('textDocument/foldingRange', textDocument.uri, token, [] as FoldingRange[], (document, config) => {
      // A kind the client does not list is left out (the range stays); past its limit, ranges are dropped.
      const ranges = engine.foldingRanges(document, config).map(({ kind, ...range }) => (kind && (!foldingKinds || foldingKinds.includes(kind)) ? { ...range, kind } : range));
      return foldingLimit === undefined ? ranges : ranges.slice(0, foldingLimit);
    }));

  return {
    initialize(client) {
      hierarchicalSymbols = client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
      const formats = client.textDocument?.hover?.contentFormat;
      markdownHover = formats === undefined || formats.includes(MarkupKind.Markdown);
      const completionItem = client.textDocument?.completion?.completionItem;
      snippets = completionItem?.snippetSupport === true;
      markdownDocumentation = completionItem?.documentationFormat === undefined || completionItem.documentationFormat.includes(MarkupKind.Markdown);
      const folding = client.textDocument?.foldingRange;
      foldingKinds = folding?.foldingRangeKind?.valueSet;
      foldingLimit = folding?.rangeLimit;
      return {
        completionProvider: { triggerCharacters: ['#'] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'prr' },
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        foldingRangeProvider: true,
      };
    },
  };
}

/**
 * A snippet (tab stops through a skeleton) where the engine has one and the client takes
 * snippets, plain text otherwise. A multi-line edit carries its own indentation, so the
 * client must insert it as is rather than re-indent it.
 */
function toCompletionItem(item: EngineCompletionItem, snippets: boolean, markdown: boolean): CompletionItem {
  const snippet = snippets ? item.snippet : undefined;
  const newText = snippet ?? item.edit.newText;
  return {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind ?? 'section'],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: markdown ? { kind: MarkupKind.Markdown, value: item.documentation } : markdownToPlainText(item.documentation) } : {}),
    sortText: item.sortText,
    filterText: item.filterText ?? item.label,
    textEdit: { range: item.edit.range, newText },
    insertTextFormat: snippet !== undefined ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(newText.includes('\n') ? { insertTextMode: InsertTextMode.asIs } : {}),
    ...(item.preselect ? { preselect: true } : {}),
  };
}

function toDocumentSymbol(symbol: EngineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}

/** For clients without hierarchical symbols: every symbol, each naming its parent. */
function flatten(symbols: readonly EngineSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: SYMBOL_KINDS[s.kind], location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) },
    ...flatten(s.children, uri, s.name),
  ]);
}
