// The error budget where the SLO is written: an inlay hint after each objective's target and
// each burn-rate alert (docs/error-budget.md), or — for a client without inlay hints — a code
// lens above the same line, whose title is the hint. Hover and the outline carry the same
// numbers through the engine's own hover and symbols.

import {
  MarkupKind,
  InlayHintKind,
  type ClientCapabilities,
  type CodeLens,
  type Connection,
  type InlayHint,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BudgetHint, Engine, FileConfig } from '../service';
import type { Guard } from './guard';

export interface BudgetHints {
  /** Picks inlay hints or code lenses from what the client supports; the capability to advertise. */
  initialize(client: ClientCapabilities): ServerCapabilities;
  /** Asks the client to fetch the hints again (configuration or clock-dependent numbers changed). */
  refresh(): void;
}

export function registerBudgetHints(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  engine: () => Engine | undefined,
  configFor: (uri: string) => FileConfig,
  guard: Guard,
): BudgetHints {
  let inlayHints = false;
  let inlayRefresh = false;
  let lensRefresh = false;
  let markdown = true;

  function hintsOf(uri: string): BudgetHint[] {
    const document = documents.get(uri);
    const current = engine();
    return document && current ? current.budgetHints({ uri, text: document.getText() }, configFor(uri)) : [];
  }

  connection.languages.inlayHint.on(({ textDocument, range }, token) =>
    guard.run('textDocument/inlayHint', textDocument.uri, [] as InlayHint[], () => {
      if (token.isCancellationRequested) return [];
      return hintsOf(textDocument.uri)
        .filter((hint) => hint.position.line >= range.start.line && hint.position.line <= range.end.line)
        .map((hint): InlayHint => ({
          position: hint.position,
          label: hint.label,
          kind: InlayHintKind.Type,
          paddingLeft: true,
          tooltip: markdown ? { kind: MarkupKind.Markdown, value: hint.tooltip } : hint.tooltip,
        }));
    }));

  connection.onCodeLens(({ textDocument }, token) =>
    guard.run('textDocument/codeLens', textDocument.uri, [] as CodeLens[], () => {
      if (token.isCancellationRequested) return [];
      // An empty command makes the lens plain text: there is nothing to run.
      return hintsOf(textDocument.uri).map((hint): CodeLens => ({ range: hint.range, command: { title: hint.label, command: '' } }));
    }));

  return {
    initialize(client) {
      inlayHints = client.textDocument?.inlayHint !== undefined;
      inlayRefresh = client.workspace?.inlayHint?.refreshSupport === true;
      lensRefresh = client.workspace?.codeLens?.refreshSupport === true;
      // LSP has no content format for inlay hint tooltips: a client that renders Markdown hovers takes it here too.
      const formats = client.textDocument?.hover?.contentFormat;
      markdown = formats === undefined || formats.includes(MarkupKind.Markdown);
      return inlayHints ? { inlayHintProvider: { resolveProvider: false } } : { codeLensProvider: { resolveProvider: false } };
    },
    refresh() {
      if (inlayHints && inlayRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
      else if (!inlayHints && lensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
  };
}
