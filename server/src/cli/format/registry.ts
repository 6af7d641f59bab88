// The output formats of `prr check`, by the name `--format` takes.

import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export const FORMATS = { stylish, json, sarif, junit, github } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
