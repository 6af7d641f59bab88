// Decides what kind of prr document an object is: by its content first
// (apiVersion/kind/version), then by the file's name (PRODUCT.md §1).

import type { Severity } from './types';

export type KindId = 'prr-config' | 'openslo-unsupported' | 'readiness-manifest' | 'openslo-v1' | 'openslo-v1alpha' | 'sloth-prometheus-v1' | 'sloth-k8s-v1';

export interface DocumentKind {
  id: KindId;
  /** Human name, used in messages. */
  label: string;
  /** True when the object's own fields say it is of this kind. */
  matchesContent(value: Record<string, unknown>): boolean;
  /** True when the file name alone says so (used when content decides nothing). */
  matchesFileName(path: string): boolean;
  /** For families with several `kind`s (OpenSLO): the ones that exist. */
  kinds?: readonly string[];
  /** For those families, the `apiVersion` it answers to (to say which version has a kind this one lacks). */
  apiVersion?: string;
  /** The schema to validate with (called only when `kind`, if listed, is one of `kinds`). */
  schemaRef(value: Record<string, unknown>): string;
  /** A family we recognise but do not check (yet): reported once, not validated. */
  unsupported?: string;
  /** Schema rule ids that mean something else for this kind (Sloth ignores unknown keys: a warning). */
  ruleRenames?: Readonly<Record<string, { id: string; severity: Severity }>>;
}

const SCHEMA_BASE = 'https://prr.dev/schemas/';
export const READINESS_SCHEMA_ID = `${SCHEMA_BASE}readiness-v1.schema.json`;
export const RUNBOOK_FRONTMATTER_SCHEMA_ID = `${SCHEMA_BASE}runbook-frontmatter-v1.schema.json`;
export const CONFIG_SCHEMA_ID = `${SCHEMA_BASE}prr-config-v1.schema.json`;

/** `.prr.yaml` itself: checked against its schema like any of our files. */
export const CONFIG_KIND: DocumentKind = {
  id: 'prr-config',
  label: 'prr configuration',
  matchesContent: () => false,
  matchesFileName: (path) => /(^|[/\\])\.prr\.ya?ml$/.test(path),
  schemaRef: () => CONFIG_SCHEMA_ID,
};

const never = () => false;

export const READINESS_KIND: DocumentKind = {
  id: 'readiness-manifest',
  label: 'readiness manifest',
  matchesContent: (v) => (typeof v.apiVersion === 'string' && v.apiVersion.startsWith('prr/')) || v.kind === 'ServiceReadiness',
  matchesFileName: (path) => /(^|[/\\])([^/\\]+\.)?readiness\.ya?ml$/i.test(path),
  schemaRef: () => READINESS_SCHEMA_ID,
};

function openslo(id: KindId, apiVersion: string, schema: string, kinds: readonly string[]): DocumentKind {
  return {
    id,
    label: `OpenSLO ${apiVersion}`,
    matchesContent: (v) => v.apiVersion === apiVersion,
    matchesFileName: never,
    kinds,
    apiVersion,
    schemaRef: (v) => `${SCHEMA_BASE}${schema}#/definitions/${String(v.kind)}`,
  };
}

const slothPrometheus: DocumentKind = {
  id: 'sloth-prometheus-v1',
  label: 'Sloth prometheus/v1',
  matchesContent: (v) => v.version === 'prometheus/v1',
  matchesFileName: never,
  schemaRef: () => `${SCHEMA_BASE}sloth-prometheus-v1.schema.json`,
  ruleRenames: { 'unknown-property': { id: 'sloth-unknown-key', severity: 'warning' } },
};

// Other kinds of the same API group (AlertWindows) are not SLOs and are left alone.
const slothKubernetes: DocumentKind = {
  id: 'sloth-k8s-v1',
  label: 'Sloth PrometheusServiceLevel',
  matchesContent: (v) => v.apiVersion === 'sloth.slok.dev/v1' && v.kind === 'PrometheusServiceLevel',
  matchesFileName: never,
  schemaRef: () => `${SCHEMA_BASE}sloth-k8s-v1.schema.json`,
  ruleRenames: { 'unknown-property': { id: 'sloth-unknown-key', severity: 'warning' } },
};

/** OpenSLO versions other than the ones above (a draft such as `openslo.com/v2alpha`, or a typo). */
const opensloUnsupported: DocumentKind = {
  id: 'openslo-unsupported',
  label: 'OpenSLO',
  matchesContent: (v) => typeof v.apiVersion === 'string' && /^openslo(\.com)?\//i.test(v.apiVersion),
  matchesFileName: never,
  unsupported: 'prr checks OpenSLO `openslo/v1` and `openslo/v1alpha`',
  schemaRef: () => '',
};

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  READINESS_KIND,
  openslo('openslo-v1', 'openslo/v1', 'openslo-v1.schema.json', ['SLO', 'SLI', 'DataSource', 'Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget']),
  openslo('openslo-v1alpha', 'openslo/v1alpha', 'openslo-v1alpha.schema.json', ['SLO', 'Service']),
  slothPrometheus,
  slothKubernetes,
  opensloUnsupported, // after the supported versions, which match first
];

/** Words at least one of which appears in any document of ours; other files are not even parsed. */
export const CONTENT_MARKERS = /prr\/|ServiceReadiness|openslo(\.com)?\/|prometheus\/v1|sloth\.slok\.dev/;

/**
 * Content says what a document is; the file name (`namedAs`, the kind its name suggests)
 * only decides for documents that declare nothing.
 */
export function detectKind(value: unknown, namedAs: DocumentKind | undefined): DocumentKind | undefined {
  if (!isObject(value)) return undefined;
  const byContent = DOCUMENT_KINDS.find((k) => k.matchesContent(value));
  if (byContent) return byContent;
  if ('apiVersion' in value || 'kind' in value || 'version' in value) return undefined;
  return namedAs;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The other versions of `family` (OpenSLO) that do have `kind`: `SLI` in a v1alpha file is a v1 kind, not a typo. */
export function otherVersionsWithKind(family: DocumentKind, kind: string): string[] {
  return DOCUMENT_KINDS.filter((k) => k !== family && k.apiVersion !== undefined && k.label.split(' ')[0] === family.label.split(' ')[0] && k.kinds?.includes(kind)).map((k) => k.apiVersion as string);
}
