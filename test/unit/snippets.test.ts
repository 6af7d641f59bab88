// Snippets must produce documents that the engine accepts when their placeholders keep
// their defaults: a snippet that writes an invalid manifest would teach the wrong thing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../server/src/service';
import { SECTION_KINDS } from '../../server/src/service/runbook/sections';
import { runbookTemplate, sectionTemplate } from '../../server/src/service/runbook/template';
import { check as checkText, manifest, show } from './helpers';

/** Snippets name objects that live in other files; whether those resolve is not the snippet's concern. */
const CROSS_FILE = / (unresolved-reference|missing-service) /;
const check = (text: string, path?: string) => checkText(text, path).filter((f) => !CROSS_FILE.test(f));

type Snippet = { prefix: string; body: string[]; description: string };
const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'yaml.json'), 'utf8')) as Record<string, Snippet>;

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '27', TM_FILENAME_BASE: 'checkout-api' };

/** Expands a VS Code snippet body the way the editor does when every placeholder keeps its default. */
export function expand(body: string[]): string {
  const values = new Map<string, string>();
  let text = body.join('\n');
  // Innermost first, so nested placeholders such as ${3:runbooks/${1}.md} resolve.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => (values.set(n, value), value))
      .replace(/\$\{(\d+)\|([^|},]*)(?:,[^|}]*)?\|\}/g, (_, n: string, first: string) => (values.set(n, first), first))
      .replace(/\$\{([A-Z_]+)(?::([^${}]*))?\}/g, (_, name: string, fallback?: string) => VARIABLES[name] ?? fallback ?? '')
      .replace(/\$\{(\d+)\}/g, (_, n: string) => values.get(n) ?? '');
  }
  return text.replace(/\$\d+/g, '').replace(/\$([A-Z_]+)/g, (_, name: string) => VARIABLES[name] ?? '');
}

test('every snippet has a prefix naming its format (prr-, openslo-, sloth-) and a description', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.match(snippet.prefix, /^(prr|openslo|sloth)-/, name);
    assert.ok(snippet.description.length > 10, name);
  }
});

test('the manifest skeleton expands to a manifest with no findings', () => {
  const snippet = Object.values(snippets).find((s) => s.prefix === 'prr-manifest')!;
  const text = expand(snippet.body);
  assert.doesNotMatch(text, /\$\{|\$\d/);
  assert.deepEqual(check(text), []);
});

test('item snippets expand to valid items inside a manifest', () => {
  const where: Record<string, string> = { 'prr-alert': 'alerts', 'prr-exemption': 'exemptions', 'prr-slo-ref': 'slos' };
  for (const [prefix, key] of Object.entries(where)) {
    const snippet = Object.values(snippets).find((s) => s.prefix === prefix)!;
    const item = expand(snippet.body).trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
    assert.deepEqual(check(manifest(`  ${key}:\n${item}`)), [], prefix);
  }
});

test('the OpenSLO and Sloth snippets expand to documents with no findings', () => {
  const slo = Object.values(snippets).filter((s) => /^(openslo|sloth)-/.test(s.prefix));
  assert.ok(slo.length >= 5);
  for (const snippet of slo) assert.deepEqual(check(expand(snippet.body), 'slos/snippet.yaml'), [], snippet.prefix);
});

// Markdown snippets: runbooks and their sections. They follow the runbook template (the same
// text "PRR: New Runbook" and the quick fixes write), and what they expand to passes the
// runbook rules with every placeholder left at its default.

const markdownSnippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'markdown.json'), 'utf8')) as Record<string, Snippet>;
const markdownSnippet = (prefix: string) => {
  const snippet = Object.values(markdownSnippets).find((s) => s.prefix === prefix);
  assert.ok(snippet, `no snippet ${prefix}`);
  return snippet;
};
const TODAY = `${VARIABLES.CURRENT_YEAR}-${VARIABLES.CURRENT_MONTH}-${VARIABLES.CURRENT_DATE}`;

/** Checks a runbook as `file:///w/<path>` on the day the expander's CURRENT_* variables name. */
function checkRunbook(text: string, path = 'runbooks/AlertName.md'): string[] {
  return createEngine({ now: () => new Date(`${TODAY}T12:00:00Z`) }).check({ uri: `file:///w/${path}`, text }).map(show);
}

/** What is wrong with a snippet body as VS Code snippet syntax: unbalanced `${…}`, tab stops not numbered 1…n, `$0` twice. */
export function syntaxProblems(body: string[]): string[] {
  const text = body.join('\n');
  const problems: string[] = [];
  const stops: number[] = [];
  const defaults = new Map<string, string>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const rest = text.slice(i);
    if (text[i] === '\\') i++;
    else if (text[i] === '}' && open.length > 0) open.pop();
    else if (text[i] !== '$') continue;
    else if (/^\$\d/.test(rest)) stops.push(Number(/^\$(\d+)/.exec(rest)![1]));
    else if (/^\$\{\d+\|/.test(rest)) {
      const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
      if (!choice) problems.push(`unclosed choice at ${i}`);
      else {
        stops.push(Number(choice[1]));
        i += choice[0].length - 1;
      }
    } else if (/^\$\{\d+[:}]/.test(rest)) {
      const [, n, colon] = /^\$\{(\d+)(:?)/.exec(rest)!;
      stops.push(Number(n));
      const value = colon ? /^\$\{\d+:((?:[^${}\\]|\\.)*)\}/.exec(rest)?.[1] : undefined;
      if (value !== undefined && defaults.has(n) && defaults.get(n) !== value) problems.push(`tab stop ${n} has two defaults`);
      if (value !== undefined) defaults.set(n, value);
      open.push(i);
    } else if (/^\$\{[A-Z_]+[:}]/.test(rest)) open.push(i);
    else if (rest.startsWith('${')) problems.push(`\`\${\` at ${i} starts neither a tab stop nor a variable`);
  }
  if (open.length > 0) problems.push(`unclosed \`\${\` at ${open.join(', ')}`);
  const numbered = [...new Set(stops.filter((n) => n > 0))].sort((a, b) => a - b);
  if (numbered.some((n, i) => n !== i + 1)) problems.push(`tab stops are not numbered 1…n: ${numbered.join(', ')}`);
  if (stops.filter((n) => n === 0).length > 1) problems.push('`$0` more than once');
  return problems;
}

/** A short runbook with concrete text in every required section and Escalation; it has no findings. */
const MINIMAL: Record<string, string> = {
  meaning: 'More than 1 % of checkout requests failed over the last 5 minutes.',
  impact: 'Customers cannot pay; their orders are lost.',
  diagnosis: 'Open the checkout dashboard and compare the error rate per endpoint.',
  mitigation: '1. Roll back the latest deploy.',
  escalation: 'Page the team-payments-primary rotation.',
};
const FRONTMATTER = `---\ntitle: CheckoutHighErrorRate\nalerts: [CheckoutHighErrorRate]\nowner: team-payments\nseverity: page\nlastReviewed: ${TODAY}\n---\n\n# CheckoutHighErrorRate\n\n`;

/** The minimal runbook with `section` (expanded snippet text) as section `id`, in its canonical place. */
function runbookWith(id?: string, section?: string): string {
  const sections = SECTION_KINDS.map((k) => (k.id === id ? section : MINIMAL[k.id] !== undefined ? `## ${k.title}\n\n${MINIMAL[k.id]}\n` : undefined));
  return FRONTMATTER + sections.filter((s) => s !== undefined).join('\n');
}

test('the markdown snippets are valid VS Code snippets with prefixes and descriptions', () => {
  assert.ok(Object.keys(markdownSnippets).length >= SECTION_KINDS.length + 3);
  for (const [name, snippet] of Object.entries({ ...snippets, ...markdownSnippets })) {
    assert.deepEqual(syntaxProblems(snippet.body), [], name);
    assert.match(snippet.prefix, /^(prr|openslo|sloth)-/, name);
    assert.ok(snippet.description.length > 10, name);
  }
  assert.notDeepEqual(syntaxProblems(['${1:a', '$0 $0']), [], 'the syntax check itself finds problems');
  assert.notDeepEqual(syntaxProblems(['${1:a} ${3:b}']), [], 'the syntax check finds a gap in the tab stops');
});

test('markdown snippets expanded with their defaults leave nothing the placeholder rule flags', () => {
  for (const snippet of Object.values(markdownSnippets)) {
    const text = expand(snippet.body);
    assert.doesNotMatch(text, /\$\{|\$\d/, snippet.prefix);
    assert.doesNotMatch(text, /\b(TODO|TBD|FIXME|XXX)\b|<[A-Za-z][^<>\n]*>/, snippet.prefix);
  }
});

test('prr-runbook expands to the runbook template, which has no findings', () => {
  const text = expand(markdownSnippet('prr-runbook').body);
  assert.equal(text, runbookTemplate({ name: 'AlertName', service: 'service-name', owner: 'team-name', today: TODAY }));
  assert.match(text, /^## Mitigation\n[\s\S]*^1\. \S/m);
  assert.deepEqual(checkRunbook(text), []);
});

test('one section snippet per section kind, each the section template; in a runbook it adds no finding', () => {
  assert.deepEqual(checkRunbook(runbookWith()), [], 'the minimal runbook');
  for (const kind of SECTION_KINDS) {
    const text = expand(markdownSnippet(`prr-section-${kind.id}`).body);
    assert.equal(text, sectionTemplate(kind), kind.id);
    assert.deepEqual(checkRunbook(runbookWith(kind.id, text)), [], kind.id);
  }
});

test('prr-diagnosis-command and prr-escalation-table add no finding in their sections', () => {
  const command = expand(markdownSnippet('prr-diagnosis-command').body);
  assert.match(command, /^```sh\n.+\n```\n\n.*look for/im);
  assert.deepEqual(checkRunbook(runbookWith('diagnosis', `## Diagnosis\n\n${MINIMAL.diagnosis}\n\n${command}`)), []);
  const table = expand(markdownSnippet('prr-escalation-table').body);
  assert.match(table, /^\| Who \| How \| When \|\n\| --- \| --- \| --- \|\n\|/);
  assert.deepEqual(checkRunbook(runbookWith('escalation', `## Escalation\n\n${MINIMAL.escalation}\n\n${table}`)), []);
  assert.deepEqual(checkRunbook(`${runbookWith()}\n${table}`), [], 'appended at the end');
});
