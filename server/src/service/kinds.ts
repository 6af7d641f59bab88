// Decides what kind of prr document an object is: by its content first
// (apiVersion/kind/version), then by the file's name (PRODUCT.md §1).

export type KindId = 'readiness-manifest';

export interface DocumentKind {
  id: KindId;
  /** Human name, used in messages. */
  label: string;
  /** True when the object's own fields say it is of this kind. */
  matchesContent(value: Record<string, unknown>): boolean;
  /** True when the file name alone says so (used when content decides nothing). */
  matchesFileName(path: string): boolean;
  /** The schema to validate with. */
  schemaRef(value: Record<string, unknown>): string;
}

export const READINESS_SCHEMA_ID = 'https://prr.dev/schemas/readiness-v1.schema.json';

const readinessManifest: DocumentKind = {
  id: 'readiness-manifest',
  label: 'readiness manifest',
  matchesContent: (v) => (typeof v.apiVersion === 'string' && v.apiVersion.startsWith('prr/')) || v.kind === 'ServiceReadiness',
  matchesFileName: (path) => /(^|[/\\])([^/\\]+\.)?readiness\.ya?ml$/i.test(path),
  schemaRef: () => READINESS_SCHEMA_ID,
};

export const DOCUMENT_KINDS: readonly DocumentKind[] = [readinessManifest];

/** Content says what a document is; a file name only decides for documents that declare nothing. */
export function detectKind(value: unknown, path: string): DocumentKind | undefined {
  if (!isObject(value)) return undefined;
  const byContent = DOCUMENT_KINDS.find((k) => k.matchesContent(value));
  if (byContent) return byContent;
  if ('apiVersion' in value || 'kind' in value || 'version' in value) return undefined;
  return DOCUMENT_KINDS.find((k) => k.matchesFileName(path));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
