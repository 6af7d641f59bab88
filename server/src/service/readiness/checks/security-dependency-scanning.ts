// Automated dependency scanning.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'security-dependency-scanning',
  category: 'security',
  title: 'Dependency scanning',
  why: 'Most vulnerabilities arrive in third-party code; scanning every change finds known ones before they ship.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Enable dependency scanning (Dependabot, Renovate, Snyk, Trivy…) and set `spec.security.dependencyScanning.enabled: true`.',
  evaluate: (c) => needAll(c, [isTrue(['spec', 'security', 'dependencyScanning', 'enabled'])], 'dependencies are scanned'),
};
