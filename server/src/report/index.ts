// The readiness report's output formats, in one place for the CLI (`prr report --format`)
// and the VS Code client (the webview and Export…).

import type { ReadinessReport } from '../protocol/report';
import { renderHtml, type HtmlOptions } from './html';
import { renderMarkdown } from './markdown';

export { renderHtml, type HtmlOptions } from './html';
export { renderMarkdown } from './markdown';

export const REPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The JSON format is the report itself: the same data as the `prr/readinessReport` request. */
export function renderJson(report: ReadinessReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderReport(report: ReadinessReport, format: ReportFormat, html: HtmlOptions = {}): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report, html);
    case 'json':
      return renderJson(report);
  }
}
