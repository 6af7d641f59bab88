// `--format junit`: JUnit XML for CI test reports (GitLab, Jenkins, Azure). One suite
// `prr`, one test case per checked file; each error or warning is a <failure> of its file.

import type { Finding } from '../../service';
import type { FileReport } from '../report';
import type { Formatter } from './types';

export const junit: Formatter = (report) => {
  const failing = report.files.filter((f) => failures(f).length > 0).length;
  const counts = `tests="${report.files.length}" failures="${failing}" errors="0"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="prr" ${counts}>`,
    `  <testsuite name="prr" ${counts} skipped="0">`,
    ...report.files.flatMap(testCase),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
};

/** Errors and warnings fail a file's test case; infos and hints are advice, not failures. */
function failures(file: FileReport): Finding[] {
  return file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

function testCase(file: FileReport): string[] {
  const name = escapeXml(file.path, true);
  const open = `    <testcase name="${name}" classname="${name}" file="${name}"`;
  const found = failures(file);
  if (found.length === 0) return [`${open}/>`];
  return [
    `${open}>`,
    ...found.map((f) => {
      const where = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`;
      return `      <failure message="${escapeXml(f.message, true)}" type="${f.severity}">${escapeXml(`${where}\n${f.severity}: ${f.message}`)}</failure>`;
    }),
    '    </testcase>',
  ];
}

/**
 * Escapes text for XML content or (with `inAttribute`) a quoted attribute. Characters
 * XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF — a
 * message may quote them from a binary file) become U+FFFD. Carriage returns, and in
 * attributes all whitespace but spaces, are written as references, because parsers
 * normalise them otherwise.
 */
export function escapeXml(text: string, inAttribute = false): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(inAttribute ? /[&<>"'\n\r\t]/g : /[&<>\r]/g, (c) => XML_ESCAPES[c] ?? c);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };
