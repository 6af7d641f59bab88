// A relative link or image that points nowhere: a file that does not exist, or a `#anchor`
// that no heading of the target produces. Runbooks link to each other ("see the Mitigation
// of X") and to dashboards' docs; a dead link is found by the person who needed it, mid-incident.
//
// Checked: inline links and images, and reference definitions (`[id]: path`), whose uses
// share them. Skipped: URLs with a scheme (https:, mailto:, …), protocol-relative and
// site-absolute paths (`/docs/x`: the site's root is unknown), and templated URLs (Hugo's
// `{{< ref "x.md" >}}`). Files are checked only when the engine has file-system access;
// anchors in this file always. Anchors are the slugs GitHub makes (github-slugger, with
// `-1`, `-2` for repeated headings), plus `id`/`name` attributes of HTML in the file;
// they are compared after percent-decoding and case-insensitively, as GitHub resolves them.

import GithubSlugger from 'github-slugger';
import type { Definition, Image, Link, Nodes, Root } from 'mdast';
import { parseMarkdown } from '../../markdown/parse';
import { DEFAULT_LIMITS, oversize } from '../../limits';
import { rangeOfNode, type RunbookModel } from '../../runbook/model';
import type { RunbookRule } from '../../runbook/types';
import { nearest } from '../../schema/suggest';
import type { Range } from '../../types';
import { decodeLenient } from '../../uri';

export type LinkNode = Link | Image | Definition;

export const rule: RunbookRule = {
  id: 'runbook-broken-link',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A relative link points at a file that does not exist, or at an anchor that no heading makes.',
  check({ uri, model, io, report }) {
    const ownAnchors = anchorsOf(model.root);
    const cache = new Map<string, Set<string> | undefined>();
    const anchorsOfFile = (target: string): Set<string> | undefined => {
      if (!cache.has(target)) {
        const text = io?.readFile(target);
        // A linked file too large to check quickly is not parsed for its anchors either: they go unchecked.
        const readable = text !== undefined && oversize(text, DEFAULT_LIMITS.maxRunbookBytes) === undefined;
        cache.set(target, readable ? anchorsOf(parseMarkdown(text)) : undefined);
      }
      return cache.get(target);
    };
    for (const node of linkNodes(model.root)) {
      const url = node.url.trim();
      if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.includes('{{')) continue;
      const hash = url.indexOf('#');
      const path = (hash < 0 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
      const fragment = hash < 0 ? '' : url.slice(hash + 1);
      const at = urlOffset(model, node);
      const range = at === undefined ? rangeOfNode(node, model.positions) : model.positions.rangeOf(at, at + node.url.length);
      const checkAnchor = (anchors: Set<string>, where: string): void => {
        const wanted = decodeLenient(fragment).toLowerCase();
        if (anchors.has(wanted)) return;
        const suggestion = nearest(wanted, [...anchors]);
        const message = `\`#${fragment}\` matches no heading in ${where}${suggestion === undefined ? '' : ` — did you mean \`#${suggestion}\`?`}`;
        if (suggestion === undefined || at === undefined) {
          report(range, message);
          return;
        }
        // The fragment sits at the end of the destination, after its `#`.
        const fixRange: Range = model.positions.rangeOf(at + node.url.indexOf('#') + 1, at + node.url.length);
        report(range, message, { fixes: [{ title: `Change the anchor to #${suggestion}`, edits: [{ range: fixRange, newText: suggestion }], isPreferred: true }] });
      };
      if (path === '') {
        if (fragment !== '') checkAnchor(ownAnchors, 'this runbook');
        continue;
      }
      if (!io) continue; // cannot ask the file system: cannot tell
      let target: URL;
      try {
        // A `%` that starts no escape is a `%` of the name, as browsers read `[a](100%.md)`.
        target = new URL(path.replace(/%(?![0-9a-f]{2})/gi, '%25'), uri);
      } catch {
        continue;
      }
      if (target.href === uri) {
        if (fragment !== '') checkAnchor(ownAnchors, 'this runbook');
        continue;
      }
      if (!io.exists(target.href)) {
        report(range, `\`${path}\` does not exist (relative to this runbook); fix the path or create the file`);
        continue;
      }
      if (fragment === '' || !/\.(md|markdown)$/i.test(target.pathname)) continue;
      const anchors = anchorsOfFile(target.href);
      if (anchors) checkAnchor(anchors, `\`${path}\``);
    }
  },
};

export function linkNodes(root: Root): LinkNode[] {
  const found: LinkNode[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return found;
}

/** The anchors a document offers: GitHub's heading slugs, and HTML `id`/`name` attributes. Lower case. */
export function anchorsOf(root: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'heading') anchors.add(slugger.slug(renderedText(node)));
    else if (node.type === 'html') for (const m of node.value.matchAll(/\s(?:id|name)\s*=\s*["']?([^"'\s>]+)/gi)) anchors.add(decodeLenient(m[1]).toLowerCase());
    // Into headings too: `## Mitigation <a id="fix-it"></a>` is an anchor as well as a heading.
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return anchors;
}

/** A heading's text as a browser shows it (GitHub slugs its text content): HTML tags and image alt text left out. */
function renderedText(node: Nodes): string {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(renderedText).join('') : '';
}

/**
 * The source offset of the link's destination, when the source there reads exactly as the
 * node's `url` (no escapes or entity references in it); else undefined.
 */
export function urlOffset(model: RunbookModel, node: LinkNode): number | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const text = model.text;
  let from: number;
  if (node.type === 'definition') {
    from = text.indexOf(']:', start);
  } else {
    const last = node.type === 'link' ? node.children[node.children.length - 1]?.position?.end.offset : undefined;
    from = text.indexOf('](', last ?? start);
  }
  if (from < 0 || from >= end) return undefined;
  let i = from + 2;
  while (i < end && /\s/.test(text[i])) i++;
  let urlStart = i;
  let urlEnd: number;
  if (text[i] === '<') {
    urlStart = i + 1;
    urlEnd = text.indexOf('>', urlStart);
    if (urlEnd < 0) return undefined;
  } else {
    let depth = 0;
    let j = i;
    for (; j < end; j++) {
      const c = text[j];
      if (c === '\\') j++;
      else if (/\s/.test(c)) break;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    urlEnd = Math.min(j, end);
  }
  return text.slice(urlStart, urlEnd) === node.url ? urlStart : undefined;
}
