// `--format json`: one JSON document for scripts. Its shape is documented in
// docs/cli-json.md (with a JSON Schema that the tests hold the output to); change both together.

import type { Finding, Range } from '../../service';
import { displayUri } from '../paths';
import type { Formatter } from './types';

/** Bump on any change that could break a reader; adding fields is not one. */
export const JSON_FORMAT_VERSION = 1;

export const json: Formatter = (report, context) => {
  const files = report.files.map((file) => ({ path: file.path, findings: file.findings.map((f) => jsonFinding(f, context.docsUrl(f.ruleId))) }));
  return `${JSON.stringify({ version: JSON_FORMAT_VERSION, files, summary: report.summary }, null, 2)}\n`;
};

function jsonFinding(f: Finding, docs: string | undefined) {
  const related = f.related?.map((r) => ({ path: displayUri(r.uri), range: oneBased(r.range), message: r.message }));
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, range: oneBased(f.range), docs: docs ?? null, ...(related && related.length > 0 ? { related } : {}) };
}

/** 1-based lines and columns; the end is exclusive (the column after the last character). */
function oneBased(range: Range) {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}
