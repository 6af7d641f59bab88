// Parses Markdown into an mdast tree with positions (micromark, with GFM and YAML front
// matter), once per text.

import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Root } from 'mdast';
import { markdownTooComplex } from '../limits';

/** micromark's options as the engine parses with them (the bench's floor parses with them too). */
export const MARKDOWN_OPTIONS = {
  extensions: [frontmatter(['yaml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
};

/**
 * The tree of `text`; an empty tree when the text is too complex to parse quickly (nested
 * too deeply, thousands of brackets in one block: micromark's time and stack grow faster
 * than the text there). `checkRunbook` reports such a text instead of checking it.
 */
export function parseMarkdown(text: string): Root {
  if (last?.text === text) return last.root;
  const root: Root = markdownTooComplex(text) ? { type: 'root', children: [] } : fromMarkdown(text, MARKDOWN_OPTIONS);
  last = { text, root };
  return root;
}

/**
 * The last text parsed and its tree (never modified by its users): checking a runbook,
 * then completing or hovering in it, parses it once.
 */
let last: { text: string; root: Root } | undefined;
