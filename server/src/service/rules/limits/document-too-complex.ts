import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'document-too-complex',
  defaultSeverity: 'warning',
  description: 'The document nests more than 100 levels deep, or a Markdown block holds thousands of brackets or emphasis marks; it is not checked.',
};
