import type { RuleMeta } from '../../types';

// Reported by the front-matter check: `unknown-property` in a runbook's front matter is
// renamed to this rule, since site generators (Hugo, Jekyll) add keys of their own.
export const rule: RuleMeta = {
  id: 'frontmatter-unknown-key',
  defaultSeverity: 'warning',
  fixable: true,
  description: "A runbook front-matter key that is neither prr's nor a common site generator's.",
};
