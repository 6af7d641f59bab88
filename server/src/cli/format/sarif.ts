// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One
// run; `rules` describes every rule that has a result, in order of first appearance.

import { pathToFileURL } from 'node:url';
import type { Location, Log, Region, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Range, RuleMeta, Severity } from '../../service';
import { displayUri, pathAsUriReference } from '../paths';
import type { FormatContext, Formatter } from './types';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** prr's home page; the rules' own pages are linked from each rule (`helpUri`). */
export const INFORMATION_URI = 'https://prr.dev';
/** Relative artifact URIs are relative to the folder prr ran in: the checkout, in CI. */
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export const sarif: Formatter = (report, context) => {
  const rules = new RuleTable(context);
  const results = report.files.flatMap((file) =>
    file.findings.map((finding): Result => ({
      ruleId: finding.ruleId,
      ruleIndex: rules.indexOf(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(file.path, finding.range)],
      ...relatedLocations(finding),
    })),
  );
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'prr', version: context.version, informationUri: INFORMATION_URI, rules: rules.descriptors } },
      // Finding columns are LSP character offsets, i.e. UTF-16 code units.
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(process.cwd()).href.replace(/\/?$/, '/')}` } },
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

class RuleTable {
  readonly descriptors: ReportingDescriptor[] = [];
  private readonly indexes = new Map<string, number>();
  private readonly meta: Map<string, RuleMeta>;

  constructor(private readonly context: FormatContext) {
    this.meta = new Map(context.rules.map((r) => [r.id, r]));
  }

  indexOf(ruleId: string): number {
    let index = this.indexes.get(ruleId);
    if (index === undefined) {
      index = this.descriptors.push(this.describe(ruleId)) - 1;
      this.indexes.set(ruleId, index);
    }
    return index;
  }

  private describe(id: string): ReportingDescriptor {
    const meta = this.meta.get(id);
    const helpUri = this.context.docsUrl(id);
    return {
      id,
      shortDescription: { text: meta?.description ?? id },
      ...(helpUri ? { helpUri } : {}),
      ...(meta ? { defaultConfiguration: { level: LEVEL[meta.defaultSeverity] } } : {}),
    };
  }
}

function location(path: string, range: Range): Location {
  const ref = pathAsUriReference(path);
  return {
    physicalLocation: {
      artifactLocation: ref.relative ? { uri: ref.uri, uriBaseId: SRCROOT } : { uri: ref.uri },
      region: region(range),
    },
  };
}

/** 1-based, end column exclusive — the same convention as LSP's, shifted by one. */
function region(range: Range): Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function relatedLocations(finding: Finding): Pick<Result, 'relatedLocations'> {
  if (!finding.related || finding.related.length === 0) return {};
  return { relatedLocations: finding.related.map((r, id) => ({ id, ...location(displayUri(r.uri), r.range), message: { text: r.message } })) };
}
