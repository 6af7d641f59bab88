// Realistic Markdown runbooks for the benchmark, deterministic (fixed seed): Hugo-style front
// matter, the alert as title, the canonical sections with prose, lists, fenced commands,
// tables and links to `#anchors` of headings that exist. Big runbooks grow by adding
// numbered subsections to Diagnosis and Mitigation, as long real runbooks do.

import { choose, mulberry32, type Workload } from './random';

const COMPONENTS = ['database connection pool', 'message queue consumer', 'cache cluster', 'ingress controller', 'payment gateway client', 'search index', 'session store', 'object storage bucket'];
const SIGNALS = ['error rate', 'p99 latency', 'saturation', 'restart count', 'queue depth', 'disk usage', 'open connections', 'GC pause time'];
const VERBS = ['spikes', 'climbs slowly', 'drops to zero', 'flaps', 'stays above the threshold', 'diverges between zones'];
const CAUSES = ['a bad deploy', 'a noisy neighbour', 'an expired certificate', 'a full disk', 'a slow upstream', 'a misconfigured limit', 'a schema migration', 'a lost leader election'];
const TEAMS = ['payments', 'checkout', 'platform', 'storage', 'networking'];

/** One sentence of runbook prose, with inline code, emphasis and an external link now and then. */
function sentence(rand: () => number): string {
  const pick = <T>(list: readonly T[]) => choose(rand, list);
  const parts = [
    `When the ${pick(SIGNALS)} of the ${pick(COMPONENTS)} ${pick(VERBS)}, the usual cause is ${pick(CAUSES)}.`,
    `Compare \`${pick(SIGNALS).replace(/ /g, '_')}\` with the value from the same hour last week before acting.`,
    `The **${pick(COMPONENTS)}** is shared, so check whether other services see the same ${pick(SIGNALS)}.`,
    `See the [${pick(COMPONENTS)} dashboard](https://grafana.example-shop.com/d/${Math.floor(rand() * 1e6)}) for the ${pick(SIGNALS)} per pod.`,
    `Do not restart everything at once: ${pick(CAUSES)} looks the same from the outside and a restart hides the evidence.`,
  ];
  return pick(parts);
}

const paragraph = (rand: () => number, sentences: number) => Array.from({ length: sentences }, () => sentence(rand)).join(' ');
const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');

function diagnosisStep(n: number, rand: () => number, earlier: readonly string[]): { heading: string; lines: string[] } {
  const component = choose(rand, COMPONENTS);
  const signal = choose(rand, SIGNALS);
  const heading = `${n}. Check the ${component} ${signal}`;
  const previous = earlier.length > 0 ? choose(rand, earlier) : undefined;
  return {
    heading,
    lines: [
      `### ${heading}`,
      '',
      paragraph(rand, 2 + Math.floor(rand() * 3)),
      '',
      '```sh',
      `kubectl --namespace ${choose(rand, TEAMS)} get pods --selector app=${component.replace(/ /g, '-')} -o wide`,
      `kubectl --namespace ${choose(rand, TEAMS)} logs deploy/${component.replace(/ /g, '-')} --since=15m | grep -i error | tail -n 50`,
      '```',
      '',
      `Query the ${signal} in Prometheus:`,
      '',
      '```promql',
      `sum by (pod) (rate(${signal.replace(/ /g, '_')}_total{component="${component.replace(/ /g, '-')}"}[5m]))`,
      '```',
      '',
      '| What you see | What it means | Next |',
      '| --- | --- | --- |',
      `| ${signal} ${choose(rand, VERBS)} | ${choose(rand, CAUSES)} | [mitigation](#mitigation) |`,
      `| ${choose(rand, SIGNALS)} ${choose(rand, VERBS)} | ${choose(rand, CAUSES)} | ${previous ? `[step ${previous.split('.')[0]}](#${slug(previous)})` : '[escalate](#escalation)'} |`,
      `| nothing unusual | not this ${component} | continue below |`,
      '',
    ],
  };
}

function mitigationStep(n: number, rand: () => number, diagnosis: readonly string[]): string[] {
  const component = choose(rand, COMPONENTS);
  return [
    `### ${n}. Relieve the ${component}`,
    '',
    paragraph(rand, 1 + Math.floor(rand() * 2)),
    '',
    `1. Confirm the cause with [the diagnosis step](#${slug(choose(rand, diagnosis))}).`,
    `2. Scale the ${component} out:`,
    '',
    '   ```sh',
    `   kubectl --namespace ${choose(rand, TEAMS)} scale deploy/${component.replace(/ /g, '-')} --replicas=${2 + Math.floor(rand() * 10)}`,
    '   ```',
    '',
    `3. Watch the ${choose(rand, SIGNALS)} for ten minutes. ${sentence(rand)}`,
    `4. If nothing changes, go to [Rollback](#rollback) or [Escalation](#escalation).`,
    '',
    `- Expected effect: the ${choose(rand, SIGNALS)} returns to normal within ${1 + Math.floor(rand() * 15)} minutes.`,
    `- Side effect: ${sentence(rand)}`,
    '',
  ];
}

/** A runbook of at least `targetLines` lines; `documents` is 1. */
export function runbook(targetLines: number): Workload {
  const rand = mulberry32(0x5eed);
  const alert = 'CheckoutHighErrorRate';
  const head = [
    '---',
    `title: ${alert}`,
    'weight: 20',
    'service: checkout-api',
    `alerts: [${alert}, CheckoutHighLatency]`,
    'owner: team-checkout',
    'severity: page',
    'lastReviewed: 2026-10-01',
    'tags: [checkout, payments]',
    '---',
    '',
    `# ${alert}`,
    '',
    '## Meaning',
    '',
    paragraph(rand, 3),
    '',
    '<details>',
    '<summary>Full context</summary>',
    '',
    paragraph(rand, 4),
    '',
    '</details>',
    '',
    '## Impact',
    '',
    paragraph(rand, 2),
    '',
    '- Customers cannot complete a purchase.',
    `- Orders already paid may be retried; see [the mitigation](#mitigation).`,
    '- Support receives tickets within minutes.',
    '',
    '## Diagnosis',
    '',
    paragraph(rand, 2),
    '',
  ];
  const tail = (steps: number) => [
    '## Rollback',
    '',
    paragraph(rand, 2),
    '',
    '```sh',
    'helm --namespace checkout rollback checkout-api 0',
    '```',
    '',
    '## Verification',
    '',
    `After ${steps} steps, the error rate must stay below 1 % for 15 minutes. ${paragraph(rand, 1)}`,
    '',
    '## Escalation',
    '',
    '| Who | How | When |',
    '| --- | --- | --- |',
    '| team-checkout on call | page `team-checkout-primary` | first, for every page |',
    '| payments on call | Slack `#payments-oncall` | the payment gateway is involved |',
    '| incident commander | page `incident-commander` | customers affected for more than an hour |',
    '',
  ];
  // Grow Diagnosis and Mitigation together until the whole text reaches the target.
  const diagnosis: string[] = [];
  const diagnosisLines: string[] = [];
  const mitigationLines: string[] = ['## Mitigation', '', paragraph(rand, 1), ''];
  const tailLength = tail(0).length;
  // A step pair is about 40 lines: stop when the next one would overshoot more than it would fall short.
  while (diagnosis.length === 0 || head.length + diagnosisLines.length + mitigationLines.length + tailLength + 20 <= targetLines) {
    const step = diagnosisStep(diagnosis.length + 1, rand, diagnosis);
    diagnosis.push(step.heading);
    diagnosisLines.push(...step.lines);
    mitigationLines.push(...mitigationStep(diagnosis.length, rand, diagnosis));
  }
  const lines = [...head, ...diagnosisLines, ...mitigationLines, ...tail(diagnosis.length)];
  return { text: lines.join('\n'), documents: 1, lines: lines.length };
}
