// The readiness report's output formats, in one place for the CLI (`prr report --format`)
// and the VS Code client (the webview and Export…).

import type { ReadinessReport } from '../protocol/report';
import { htmlChunks, type HtmlOptions } from './html';
import { markdownChunks } from './markdown';

export { htmlChunks, renderHtml, type HtmlOptions } from './html';
export { markdownChunks, renderMarkdown } from './markdown';

export const REPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The JSON format is the report itself: the same data as the `prr/readinessReport` request. */
export function renderJson(report: ReadinessReport): string {
  return [...jsonChunks(report)].join('');
}

/**
 * `JSON.stringify(report, null, 2)` and a newline, in pieces (one per service): a report of a
 * thousand services is tens of megabytes, and written this way it never is one string.
 */
export function* jsonChunks(report: ReadinessReport): Generator<string> {
  const { services, summary, ...head } = report;
  const top = JSON.stringify(head, null, 2);
  const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
  if (services.length === 0) {
    yield `${top.slice(0, -2)},\n  "services": [],\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
    return;
  }
  yield `${top.slice(0, -2)},\n  "services": [`;
  for (const [i, service] of services.entries()) yield `${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(service, null, 2), '    ')}`;
  yield `\n  ],\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
}

/** The report in the chosen format, in pieces to write one after another. */
export function reportChunks(report: ReadinessReport, format: ReportFormat, html: HtmlOptions = {}): Iterable<string> {
  switch (format) {
    case 'markdown':
      return markdownChunks(report);
    case 'html':
      return htmlChunks(report, html);
    case 'json':
      return jsonChunks(report);
  }
}

export function renderReport(report: ReadinessReport, format: ReportFormat, html: HtmlOptions = {}): string {
  return [...reportChunks(report, format, html)].join('');
}
