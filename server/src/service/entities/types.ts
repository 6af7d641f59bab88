// What the workspace index knows of each named object: enough for cross-file rules
// (references, duplicates) without keeping whole documents around.

import type { Range } from '../types';
import type { ManifestSnapshot } from '../readiness/snapshot';

export type Family = 'openslo' | 'sloth' | 'manifest';

export interface Reference {
  /** The kind of object the reference must resolve to (e.g. `SLI`). */
  targetKind: string;
  name: string;
  /** The property that holds it, e.g. `indicatorRef`, for messages. */
  via: string;
  range: Range;
  /** For file references (`Runbook`): the absolute URI, set when the index learns the referring file. */
  resolved?: string;
  /** What the reference is for, e.g. the alert a runbook answers (for templates). */
  label?: string;
  /** The file the object must be defined in, relative to the referring file, when the reference names one (a manifest's `slos[].file`). */
  file?: string;
}

export interface Entity {
  family: Family;
  kind: string;
  name: string;
  /** Range of the name's value (the whole object's first key when it has no name). */
  range: Range;
  /** Identity for duplicate detection when it is not (kind, name), e.g. Sloth's `<service>-<name>`. */
  id?: string;
  refs: Reference[];
  /** For SLIs: which metric form they use (decides whether objectives need op/value). */
  metric?: 'ratioMetric' | 'thresholdMetric';
  /** For SLOs: each objective's first key, and its `op`/`value` keys where present, for checks against a referenced SLI. */
  /** `indicatorRef`: the SLI a composite SLO's objective names itself; `inline`: it holds its own indicator. */
  objectives?: { range: Range; op?: Range; value?: Range; indicatorRef?: string; inline?: true }[];
  /** For manifests: what the readiness report needs of the document (its value, ranges by path). */
  snapshot?: ManifestSnapshot;
}

export interface LocatedEntity extends Entity {
  uri: string;
}
