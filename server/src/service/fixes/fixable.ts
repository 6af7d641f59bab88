// Rules whose fixes are not written in their own rule file but where the problem is found:
// the schema mapper (server/src/service/fixes/schema-fixes.ts), the YAML parser
// (fixes/duplicate-key.ts) and the suppression pass (suppression.ts). Their metas say
// `fixable: true`; test/unit/shipped-files.test.ts checks both lists agree.

export const FIXED_OUTSIDE_RULE_FILES: readonly string[] = [
  'duplicate-key',
  'unknown-property',
  'missing-property',
  'invalid-type',
  'invalid-enum',
  'sloth-unknown-key',
  'frontmatter-unknown-key',
  'unused-suppression',
];
