// Every rule the engine knows, listed explicitly (bundler-friendly, no discovery).

import type { RuleMeta } from '../types';
import { rule as yamlSyntax } from './yaml/yaml-syntax';
import { rule as duplicateKey } from './yaml/duplicate-key';
import { rule as yamlAliasLimit } from './yaml/yaml-alias-limit';
import { rule as binaryFile } from './yaml/binary-file';
import { rule as unknownProperty } from './schema/unknown-property';
import { rule as missingProperty } from './schema/missing-property';
import { rule as invalidType } from './schema/invalid-type';
import { rule as invalidEnum } from './schema/invalid-enum';
import { rule as invalidFormat } from './schema/invalid-format';
import { rule as invalidValue } from './schema/invalid-value';

export const RULES: readonly RuleMeta[] = [
  yamlSyntax,
  duplicateKey,
  yamlAliasLimit,
  binaryFile,
  unknownProperty,
  missingProperty,
  invalidType,
  invalidEnum,
  invalidFormat,
  invalidValue,
];
