// A runbook without a top-level `#` heading. The title is what the on-call engineer sees
// first and what editors, GitHub and the readiness report show; Markdown rendered anywhere
// but a site generator has no other. Front matter `title:` (Hugo) does not count, since
// only the site generator shows it — but such runbooks are common (and fine on their site),
// so this is a warning, and the message says why the front-matter title is not enough.
// The fix inserts `# <title>` (the front-matter title, else the file name) before the content;
// it is the preferred fix only without a front-matter title (a theme may show both).

import type { RunbookModel } from '../../runbook/model';
import type { RunbookRule } from '../../runbook/types';
import type { TextEdit } from '../../types';
import { decodeLenient } from '../../uri';

export const rule: RunbookRule = {
  id: 'runbook-no-title',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A runbook has no top-level `#` heading.',
  check({ uri, model, report }) {
    if (model.title) return;
    const first = model.root.children.find((c) => c.type !== 'yaml');
    const offset = first?.position?.start.offset ?? model.text.length;
    const range = model.positions.lineRangeAt(offset);
    const fmTitle = frontmatterTitle(model);
    const message = fmTitle === undefined
      ? 'no top-level `#` heading: start the runbook with `# <alert or procedure name>`'
      : `no top-level \`#\` heading; the front matter's \`title\` ("${fmTitle}") is shown only by site generators, not in editors or on GitHub`;
    const title = fmTitle ?? fileTitle(uri);
    if (!title) {
      report(range, message);
      return;
    }
    // With a front-matter title some themes would show the title twice: offered, not preferred.
    const fix = { title: `Insert the heading "# ${title}"`, edits: [insertTitle(model, offset, title)], ...(fmTitle === undefined ? { isPreferred: true } : {}) };
    report(range, message, { fixes: [fix] });
  },
};

function frontmatterTitle(model: RunbookModel): string | undefined {
  if (!model.frontmatter) return undefined;
  const value = model.frontmatter.parsed().documents[0]?.value;
  const title = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).title : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title.trim().replace(/\s+/g, ' ') : undefined;
}

function fileTitle(uri: string): string | undefined {
  const name = uri.replace(/[?#].*$/, '').replace(/^.*\//, '').replace(/\.(runbook\.)?(md|markdown)$/i, '');
  return decodeLenient(name) || undefined;
}

/** Before the first content (after the front matter), with a blank line either side. */
function insertTitle(model: RunbookModel, offset: number, title: string): TextEdit {
  const before = model.text.slice(0, offset);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n\n';
  const trail = offset < model.text.length ? '\n\n' : '\n';
  const position = model.positions.positionAt(offset);
  return { range: { start: position, end: position }, newText: `${lead}# ${title}${trail}` };
}
