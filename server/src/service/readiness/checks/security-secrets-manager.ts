// Secrets come from a secret store.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'security-secrets-manager',
  category: 'security',
  title: 'Secrets manager',
  why: 'Secrets in the repository or the image leak with them; a secret store keeps them out and makes rotation possible.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Read secrets from a secret store and name it in `spec.security.secrets.manager`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'security', 'secrets', 'manager'] }], `secrets in \`${String(c.get(['spec', 'security', 'secrets', 'manager']))}\``),
};
