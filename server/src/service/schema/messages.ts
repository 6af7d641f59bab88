// Turns one resolved schema error into a rule id and a message that says what is
// wrong and what would be right.

import { isKeyChoice, isNotAllowed, type AjvError, type ResolvedError } from './resolve';
import { didYouMean } from './suggest';
import { aliasOf } from './validators';

export interface Described {
  ruleId: string;
  message: string;
  /** Where the finding points: at a property's key, at a value, or at the object's own key. */
  target: { kind: 'key'; property: string } | { kind: 'value' } | { kind: 'object' };
}

const FORMAT_NAMES: Record<string, string> = {
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time (RFC 3339, e.g. 2025-01-31T12:00:00Z)',
  uri: 'an absolute URL (e.g. https://…)',
  email: 'an e-mail address',
};

export function describe(error: ResolvedError, name: string): Described {
  if (isNotAllowed(error)) {
    const prefix = name === 'document' ? '' : `${name}.`;
    const keys = error.keys.map((k) => code(`${prefix}${k}`)).join(', ');
    const message = error.condition
      ? `${keys} ${error.keys.length === 1 ? 'is' : 'are'} not allowed when ${error.condition}; ${error.remedy ?? 'remove one or the other'}`
      : `${keys} ${error.keys.length === 1 ? 'is' : 'are'} not allowed here`;
    return { ruleId: 'invalid-value', message, target: { kind: 'key', property: error.keys[0] } };
  }
  if (isKeyChoice(error)) {
    const list = error.keys.map((k) => (k.includes('+') ? `an inline form (${k.split('+').map(code).join(', ')})` : code(k))).join(' or ');
    return error.present.length === 0
      ? { ruleId: 'missing-property', message: `${code(name)} needs one of ${list}${(error.alternatives ?? []).map((a) => ` (or, ${a})`).join('')}`, target: { kind: 'object' } }
      : { ruleId: 'invalid-value', message: `${code(name)} may have only one of ${list}; it has ${error.present.map(code).join(' and ')}`, target: { kind: 'key', property: error.present[error.present.length - 1] } };
  }
  return describeAjv(error, name);
}

function describeAjv(e: AjvError, name: string): Described {
  const p = e.params;
  const got = `; got ${show(e.data)}`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const property = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const alias = aliasOf(e.parentSchema, property);
      const hint = alias ? `; ${alias.hint}` : didYouMean(property, allowed) || (allowed.length > 0 && allowed.length <= 12 ? `; allowed: ${allowed.map(code).join(', ')}` : '');
      return { ruleId: 'unknown-property', message: `unknown property ${code(property)} in ${code(name)}${hint}`, target: { kind: 'key', property } };
    }
    case 'required':
      return { ruleId: 'missing-property', message: `missing required property ${code(String(p.missingProperty))} in ${code(name)}`, target: { kind: 'object' } };
    case 'type':
      return value('invalid-type', `${code(name)} must be ${article(String(p.type))}; got ${typed(e.data)}`);
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return value('invalid-enum', `${code(name)} must be one of ${allowed.map(show).join(', ')}${got}${hint}`);
    }
    case 'const':
      return value('invalid-enum', `${code(name)} must be ${show(p.allowedValue)}${got}`);
    case 'format':
      return value('invalid-format', `${code(name)} must be ${FORMAT_NAMES[String(p.format)] ?? `in ${p.format} format`}${got}`);
    case 'pattern':
      if (e.propertyName !== undefined) {
        return { ruleId: 'invalid-format', message: `key ${code(e.propertyName)} in ${code(name)} must ${patternHint(e)}`, target: { kind: 'key', property: e.propertyName } };
      }
      return value('invalid-format', `${code(name)} must ${patternHint(e)}${got}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return value('invalid-value', `${code(name)} must be ${p.comparison} ${p.limit}${got}`);
    case 'minItems':
    case 'maxItems':
      return value('invalid-value', `${code(name)} must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${p.limit} item${p.limit === 1 ? '' : 's'}; it has ${Array.isArray(e.data) ? e.data.length : 0}`);
    case 'maxLength':
      return value('invalid-value', `${code(name)} must be at most ${p.limit} characters long; it has ${typeof e.data === 'string' ? e.data.length : '?'}`);
    case 'minLength':
      return value('invalid-value', p.limit === 1 ? `${code(name)} must not be empty` : `${code(name)} must be at least ${p.limit} characters long`);
    case 'minProperties':
    case 'maxProperties': {
      const names = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).map(code).join(', ');
      const exactlyOne = p.limit === 1 && names !== '';
      if (exactlyOne) return value('invalid-value', `${code(name)} must set ${e.keyword === 'minProperties' ? 'one' : 'only one'} of ${names}`);
      return value('invalid-value', `${code(name)} must have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${p.limit} propert${p.limit === 1 ? 'y' : 'ies'}`);
    }
    case 'oneOf':
      return value('invalid-value', `${code(name)} matches more than one allowed form; make it match exactly one`);
    default:
      return value('invalid-value', `${code(name)} ${e.message ?? 'is not valid'}`);
  }
}

function value(ruleId: string, message: string): Described {
  return { ruleId, message, target: { kind: 'value' } };
}

function patternHint(e: AjvError): string {
  const schema = e.parentSchema as { examples?: unknown[]; title?: string } | undefined;
  const examples = schema?.examples?.slice(0, 3).map(show).join(', ');
  if (schema?.title && examples) return `be ${schema.title} (e.g. ${examples})`;
  if (examples) return `match ${code(String(e.params.pattern))} (e.g. ${examples})`;
  return `match ${code(String(e.params.pattern))}`;
}

function article(type: string): string {
  const plain = type.split(',').map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return plain.join(' or ');
}

/** Like show, but says what type a scalar is, since that is what is wrong. */
function typed(v: unknown): string {
  if (typeof v === 'string') return `the string ${code(JSON.stringify(v))}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `the ${typeof v} ${show(v)}`;
  return show(v);
}

export function show(v: unknown): string {
  if (v === null) return '`null`';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return v === '' ? 'an empty string' : code(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  return code(String(v));
}

function code(s: string): string {
  return `\`${s}\``;
}
