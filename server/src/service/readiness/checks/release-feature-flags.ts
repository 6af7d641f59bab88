// Risky changes ship behind feature flags.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'release-feature-flags',
  category: 'release',
  title: 'Feature flags',
  why: 'A flag turns off a bad change in seconds without a deploy, and lets changes ship dark.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Release new behaviour behind feature flags and record `spec.release.featureFlags.used: true`.',
  evaluate: (c) => needAll(c, [isTrue(['spec', 'release', 'featureFlags', 'used'])], 'new behaviour ships behind feature flags'),
};
