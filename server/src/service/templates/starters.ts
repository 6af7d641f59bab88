// What `prr init` writes: a starter `.prr.yaml` that shows the common settings (all at
// their defaults, so it changes nothing until edited) and a minimal readiness manifest
// that passes the schema and names what to fill in next.

export function starterConfig(): string {
  return [
    '# prr configuration — see docs/configuration.md for every key.',
    '# The nearest .prr.yaml above a file applies; `root: true` stops the search here.',
    'root: true',
    '',
    '# Files never checked (node_modules and .git never are; .gitignore is honoured).',
    'exclude: []',
    '',
    '# Severity per rule id: off, hint, info, warning or error (`prr rules` lists them).',
    'rules: {}',
    '',
    'runbooks:',
    '  # Raise a section to `error` to fail CI when a runbook lacks it.',
    '  requiredSections:',
    '    meaning: warning',
    '    impact: warning',
    '    diagnosis: warning',
    '    mitigation: warning',
    '    escalation: warning',
    '  staleAfterDays: 180',
    '',
  ].join('\n');
}

/** `name` is made into an RFC 1123 label (the schema's rule for metadata.name). */
export function starterManifest(name: string, owner = 'team-name'): string {
  const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'my-service';
  return [
    '# Readiness manifest: what this service has in place for production.',
    '# Hover a key in the editor for what it means; `prr check` validates it.',
    'apiVersion: prr/v1',
    'kind: ServiceReadiness',
    'metadata:',
    `  name: ${label}`,
    'spec:',
    `  owner: ${owner}          # the team that owns the service`,
    '  tier: 3                  # 1 = critical … 4 = internal tooling',
    '  lifecycle: production',
    '  # Next: ownership.onCall, slos, alerts (each with a runbook), release.rollback.',
    '',
  ].join('\n');
}
