// What every output format of `prr check` gets, and what it gives back.

import type { RuleMeta } from '../../service';
import type { Colors } from '../color';
import type { CheckReport } from '../report';

export interface FormatContext {
  /** Every rule a finding may carry: the engine's and the CLI's own (`file-skipped`). */
  rules: readonly RuleMeta[];
  docsUrl(ruleId: string): string | undefined;
  /** prr's version, for formats that name the tool. */
  version: string;
  /** Colors for terminal formats; all no-ops when color is off. */
  colors: Colors;
}

/** Renders a whole report as the text to print on stdout (ending with a newline). */
export type Formatter = (report: CheckReport, context: FormatContext) => string;
