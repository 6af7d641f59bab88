// Shows the server's workspace scan (its `$/progress` titled "prr: indexing workspace") as a
// notification with a progress bar, instead of the language client's status-bar spinner.
// Small workspaces finish before the delay and show nothing.

import * as vscode from 'vscode';
import type { Middleware, ProgressToken } from 'vscode-languageclient/node';

const TITLE = /^prr: indexing/;
const DELAY_MS = 1000;

interface Shown {
  timer?: ReturnType<typeof setTimeout>;
  percentage: number;
  message?: string;
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
  reported: number;
  finish?: () => void;
}

/**
 * The middleware, and `clear`, which closes every notification it opened: a server that stops or crashes
 * mid-scan never sends `end` (the language client drops its progress parts itself), and a notification
 * still due would otherwise open after the stop and never close.
 */
export function indexingProgress(): { handle: NonNullable<Middleware['handleWorkDoneProgress']>; clear: () => void } {
  const shown = new Map<ProgressToken, Shown>();
  const clear = () => {
    for (const state of shown.values()) {
      if (state.timer) clearTimeout(state.timer);
      state.finish?.();
    }
    shown.clear();
  };
  const handle: NonNullable<Middleware['handleWorkDoneProgress']> = (token, params, next) => {
    if (params.kind === 'begin' && TITLE.test(params.title)) {
      const state: Shown = { percentage: params.percentage ?? 0, reported: 0, ...(params.message ? { message: params.message } : {}) };
      state.timer = setTimeout(() => {
        void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'PRR: indexing the workspace' }, (progress) => new Promise<void>((resolve) => {
          state.progress = progress;
          state.finish = resolve;
          report(state);
        }));
      }, DELAY_MS);
      shown.set(token, state);
      return;
    }
    const state = shown.get(token);
    if (!state) return next(token, params);
    if (params.kind === 'report') {
      state.percentage = params.percentage ?? state.percentage;
      if (params.message) state.message = params.message;
      report(state);
    } else if (params.kind === 'end') {
      if (state.timer) clearTimeout(state.timer);
      state.finish?.();
      shown.delete(token);
      next(token, params); // lets the client release the token
    }
  };
  return { handle, clear };
}

function report(state: Shown): void {
  if (!state.progress) return;
  const increment = Math.max(0, state.percentage - state.reported);
  state.reported += increment;
  state.progress.report({ increment, ...(state.message ? { message: state.message } : {}) });
}
