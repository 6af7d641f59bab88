// A required section that is there but says nothing: a heading followed directly by the
// next heading, or by nothing but blank lines and HTML comments. An empty Mitigation is
// worse than a missing one, because the runbook looks complete until someone is paged.
// Sections the configuration does not require (`off`, or not listed) may be empty.
//
// A warning, not an error: the section is there and the runbook's structure is sound, and an
// empty section is no worse than one that says "TODO" (runbook-placeholder, a warning).
// Real runbook collections (prometheus-operator's, for one) have a few sections that were
// started and not yet written; they are gaps to fill, not broken files. A section required
// only as info or hint is reported at that severity.

import type { Nodes, RootContent } from 'mdast';
import type { RunbookRule } from '../../runbook/types';

export const rule: RunbookRule = {
  id: 'runbook-empty-section',
  defaultSeverity: 'warning',
  description: 'A required runbook section has a heading but no content.',
  check({ model, options, report }) {
    for (const section of model.sections) {
      const kind = section.kind;
      if (!kind) continue;
      const setting = options.requiredSections[kind.id];
      if (!setting || setting === 'off' || hasContent(section.content)) continue;
      const quieter = setting === 'info' || setting === 'hint' ? { severity: setting } : undefined;
      report(section.range, `section "${section.text.trim()}" is empty: ${kind.guidance}`, quieter);
    }
  },
};

/**
 * Whether any of the nodes says something a reader sees: text, code, an image, a table,
 * HTML other than comments. Headings of subsections do not count by themselves, nor do
 * link definitions or thematic breaks. Iterative, so deep nesting cannot overflow the stack.
 */
/**
 * Whether HTML shows something: text outside its tags and comments, or an element that is seen by itself
 * (an image, a video, a form field…). An anchor (`<a id="x"></a>`) or a `<br>` alone shows nothing.
 */
function visibleHtml(html: string): boolean {
  const bare = html.replace(/<!--[\s\S]*?(-->|$)/g, '');
  return /<(img|svg|video|audio|iframe|object|embed|picture|canvas|input|textarea|select|button|hr)\b/i.test(bare) || bare.replace(/<[^>]*>/g, '').trim() !== '';
}

export function hasContent(nodes: readonly RootContent[]): boolean {
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    switch (node.type) {
      case 'heading':
      case 'definition':
      case 'thematicBreak':
      case 'yaml':
        continue;
      case 'html':
        if (visibleHtml(node.value)) return true;
        continue;
      case 'image':
      case 'imageReference':
        return true;
      case 'text':
      case 'inlineCode':
      case 'code':
        if (node.value.trim() !== '') return true;
        continue;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
    }
  }
  return false;
}
