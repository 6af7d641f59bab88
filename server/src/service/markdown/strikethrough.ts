// GFM strikethrough with one tilde (`~gone~`), which GitHub and micromark accept and lezer's
// GFM extension does not (it has `~~gone~~`). A separate delimiter type, so that `~` only
// closes `~`, and `~~` only `~~`, as in GFM.

import type { DelimiterType, InlineContext, MarkdownConfig } from '@lezer/markdown';

const SINGLE_TILDE: DelimiterType = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const TILDE = 126;
const PUNCTUATION = /[\p{P}\p{S}]/u;

export const SingleTildeStrikethrough: MarkdownConfig = {
  parseInline: [
    {
      name: 'SingleTildeStrikethrough',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next !== TILDE || cx.char(pos + 1) === TILDE || cx.char(pos - 1) === TILDE) return -1;
        // Flanking as for emphasis: opens before a word (or punctuation after space or punctuation), closes after one.
        const before = cx.slice(pos - 1, pos);
        const after = cx.slice(pos + 1, pos + 2);
        const spaceBefore = /\s|^$/.test(before);
        const spaceAfter = /\s|^$/.test(after);
        const punctBefore = PUNCTUATION.test(before);
        const punctAfter = PUNCTUATION.test(after);
        return cx.addDelimiter(SINGLE_TILDE, pos, pos + 1, !spaceAfter && (!punctAfter || spaceBefore || punctBefore), !spaceBefore && (!punctBefore || spaceAfter || punctAfter));
      },
      after: 'Strikethrough',
    },
  ],
};
