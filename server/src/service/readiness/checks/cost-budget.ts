// A cost budget with an owner.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'cost-budget',
  category: 'cost',
  title: 'Cost budget',
  why: 'Costs nobody watches grow unnoticed; a budget and an owner make cost a reviewed decision.',
  weight: 1,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Set `spec.cost.monthlyBudget` and the `owner` who reviews it.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'cost', 'monthlyBudget'] }, { path: ['spec', 'cost', 'owner'] }], `budget ${String(c.get(['spec', 'cost', 'monthlyBudget']))} ${String(c.get(['spec', 'cost', 'currency']) ?? 'USD')} a month, reviewed by \`${String(c.get(['spec', 'cost', 'owner']))}\``),
};
