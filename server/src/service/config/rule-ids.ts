// A rule id under `rules:` that names no rule would change nothing, silently: a misspelt
// `runbook-placehodler: off` leaves the placeholder warnings on. Said as a warning (the rest
// of the file is still used), with the nearest id as a preferred rename.

import { isMap, isScalar, type Pair } from 'yaml';
import type { Finding } from '../types';
import { parseYaml } from '../yaml/parse';
import { nearest } from '../schema/suggest';
import { edit } from '../fixes/text';

export function unknownRuleIds(text: string, known: ReadonlySet<string>): Finding[] {
  if (!text.includes('rules')) return [];
  const parsed = parseYaml(text);
  const contents = parsed.documents.find((d) => d.value !== null && d.value !== undefined)?.doc.contents;
  const rules = isMap(contents) ? (contents.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'rules')?.value : undefined;
  if (!isMap(rules)) return [];
  const ids = [...known];
  const findings: Finding[] = [];
  for (const pair of rules.items as Pair[]) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || known.has(key.value) || !key.range) continue;
    const [start, end] = key.range;
    const meant = nearest(key.value, ids);
    findings.push({
      ruleId: 'unknown-property',
      severity: 'warning',
      message: `\`${key.value}\` is no rule id, so this setting changes nothing${meant ? ` — did you mean \`${meant}\`?` : "; 'prr rules' lists them"}`,
      range: parsed.positions.rangeOf(start, end),
      ...(meant ? { fixes: [{ title: `Rename \`${key.value}\` to \`${meant}\``, edits: [edit(parsed.positions, start, end, meant)], isPreferred: true }] } : {}),
    });
  }
  return findings;
}
