// Character escapes, entity references and reference labels as CommonMark reads them, for
// text, link destinations, titles and code info strings (the parser marks them, but does not
// decode them).

import { decodeNamedCharacterReference } from 'decode-named-character-reference';

const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|x[\da-f]{1,6})|[\da-z]{1,31});/gi;

/** `value` with backslash escapes removed and entity references decoded. */
export function decodeString(value: string): string {
  if (!value.includes('\\') && !value.includes('&')) return value;
  return value.replace(ESCAPE_OR_REFERENCE, (whole, escaped: string | undefined, reference: string) => {
    if (escaped !== undefined) return escaped;
    if (reference.charCodeAt(0) !== 35 /* # */) return decodeNamedCharacterReference(reference) || whole;
    const hex = reference[1] === 'x' || reference[1] === 'X';
    return decodeNumeric(Number.parseInt(reference.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

/** A numeric reference; controls, surrogates, noncharacters and out-of-range codes become U+FFFD. */
function decodeNumeric(code: number): string {
  const replaced =
    code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) ||
    (code > 0xd7ff && code < 0xe000) || (code > 0xfdcf && code < 0xfdf0) ||
    (code & 0xffff) === 0xffff || (code & 0xffff) === 0xfffe || code > 0x10ffff;
  return replaced ? '\uFFFD' : String.fromCodePoint(code);
}

/** How a reference label is matched to its definition: whitespace collapsed, case folded (lower case, as mdast's `identifier`). */
export function normalizeIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();
}
