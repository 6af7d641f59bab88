// A fairness review that is not stale (services with models only).

import type { ReadinessCheck } from '../types';
import { recentDate } from '../predicates';
import { withModels } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'ml-fairness-review',
  category: 'ml',
  title: 'Fairness review',
  why: 'Models can treat groups of people unfairly in ways no accuracy metric shows; a review looks on purpose.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Review the models for bias and record the date and link in `spec.ml.fairnessReview`.',
  evaluate: (c) => withModels(c, () => recentDate(c, ['spec', 'ml', 'fairnessReview', 'date'], c.ages.fairnessReview, 'fairness review')),
};
