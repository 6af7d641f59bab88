// Reads a `.prr.yaml` through the same checker as any document, so a broken file gets the
// same precise findings; only a file without errors is used as configuration.

import { CONFIG_KIND } from '../kinds';
import type { YamlChecker } from '../check-yaml';
import { parseYaml } from '../yaml/parse';
import type { ConfigData } from './resolve';

export function parseConfig(text: string, checker: YamlChecker): ConfigData | undefined {
  if (checker.check(text, CONFIG_KIND).findings.some((f) => f.severity === 'error')) return undefined;
  const parsed = parseYaml(text);
  if (parsed.refused) return undefined;
  // The one document with content (the checker makes a second one an error): empty ones before it say nothing.
  const value = parsed.documents.find((d) => d.value !== null && d.value !== undefined)?.value;
  // An empty file is a valid configuration that changes nothing.
  if (value === undefined || value === null) return {};
  return typeof value === 'object' && !Array.isArray(value) ? (value as ConfigData) : undefined;
}
