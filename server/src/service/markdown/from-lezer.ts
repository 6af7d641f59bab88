// Turns @lezer/markdown's syntax tree (CommonMark + GFM) into the mdast tree the rules read,
// with a position on every node: the tree micromark + mdast-util-from-markdown made, in a
// tenth of the time. The blocks are here (lists and items start at their markers, code and
// HTML values leave container prefixes out, task items as mdast-util-gfm-task-list-item
// makes them, GFM footnote definitions, which lezer does not know, from what it parsed as a
// paragraph or a link definition); their inline content is inline.ts's.

import { GFM, parser as commonmark } from '@lezer/markdown';
import type { SyntaxNode } from '@lezer/common';
import type { PhrasingContent, RootContent, TableCell, TableRow } from 'mdast';
import { decodeString, normalizeIdentifier } from './decode';
import { InlineConverter, type Position } from './inline';
import { MarkdownSource, type Container } from './source';
import { SingleTildeStrikethrough } from './strikethrough';

const parser = commonmark.configure([GFM, SingleTildeStrikethrough]);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** `[^label]: ` at the start of a block: a GFM footnote definition (micromark's: one block, without continuation lines). */
const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]*/;

function footnoteAt(md: string, from: number): RegExpExecArray | null {
  return md[from] === '[' && md[from + 1] === '^' ? FOOTNOTE_DEFINITION.exec(md.slice(from, md.indexOf('\n', from) >>> 0)) : null;
}

/** The mdast nodes of the Markdown in `text` from offset `base` on (a line start); `position` makes positions from offsets in `text`. */
export function convertMarkdown(text: string, base: number, position: (from: number, to: number) => Position): RootContent[] {
  const source = new MarkdownSource(text, base);
  const tree = parser.parse(source.md);
  // Every definition and footnote, wherever it is: a reference may come before its definition.
  const definitions = new Set<string>();
  const footnotes = new Set<string>();
  tree.topNode.cursor().iterate((node) => {
    const footnote = node.name === 'LinkReference' || node.name === 'Paragraph' ? footnoteAt(source.md, node.from) : null;
    const label = node.name === 'LinkReference' ? node.node.getChild('LinkLabel') : null;
    if (footnote) footnotes.add(normalizeIdentifier(footnote[1]));
    else if (label) definitions.add(normalizeIdentifier(source.slice(label.from + 1, label.to - 1)));
    return node.name === 'Document' || node.name === 'Blockquote' || node.name.endsWith('List') || node.name === 'ListItem';
  });
  return new BlockConverter(source, position, new InlineConverter(source, position, definitions, footnotes)).blocks(tree.topNode, []);
}

class BlockConverter {
  private readonly md: string;

  constructor(
    private readonly source: MarkdownSource,
    private readonly pos: (from: number, to: number) => Position,
    private readonly inline: InlineConverter,
  ) {
    this.md = source.md;
  }

  private inlines(parent: SyntaxNode, from: number, to: number, containers: readonly Container[], inTable = false): PhrasingContent[] {
    return this.inline.convert(parent, from, to, { containers, inTable });
  }

  private position(from: number, to: number): Position {
    return this.pos(this.source.at(from), this.source.at(to));
  }

  blocks(parent: SyntaxNode, containers: readonly Container[]): RootContent[] {
    const out: RootContent[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      const node = this.block(child, containers);
      if (node) out.push(node);
    }
    return out;
  }

  private block(node: SyntaxNode, containers: readonly Container[]): RootContent | undefined {
    const { md, source } = this;
    const position = this.position(node.from, node.to);
    const footnote = node.name === 'Paragraph' || node.name === 'LinkReference' ? footnoteAt(md, node.from) : null;
    if (footnote) {
      // Its text is inline content, also where lezer read a destination and a title.
      const from = node.from + footnote[0].length;
      const to = this.trimEnd(from, node.to);
      const children = this.inline.convert(node, from, to, { containers, inTable: false }, node.name === 'LinkReference');
      const content = from < to ? [{ type: 'paragraph' as const, children, position: this.position(from, node.to) }] : [];
      return { type: 'footnoteDefinition', identifier: normalizeIdentifier(footnote[1]), label: footnote[1], children: content, position };
    }
    switch (node.name) {
      case 'Paragraph':
        if (this.selfClosingTagLine(node)) return this.verbatimBlock(node, containers);
        return { type: 'paragraph', children: this.inlines(node, node.from, this.trimEnd(node.from, node.to), containers), position };
      case 'ATXHeading1': case 'ATXHeading2': case 'ATXHeading3': case 'ATXHeading4': case 'ATXHeading5': case 'ATXHeading6': {
        const marks = node.getChildren('HeaderMark');
        let from = marks[0].to;
        while (from < node.to && isSpace(md[from])) from++;
        const to = this.trimEnd(from, marks.length > 1 ? marks[marks.length - 1].from : node.to);
        return { type: 'heading', depth: Number(node.name.slice(-1)) as 1, children: this.inlines(node, from, to, containers), position };
      }
      case 'SetextHeading1': case 'SetextHeading2': {
        const to = this.trimEnd(node.from, source.lineStartOf(node.getChild('HeaderMark')?.from ?? node.to) - 1);
        return { type: 'heading', depth: node.name === 'SetextHeading1' ? 1 : 2, children: this.inlines(node, node.from, to, containers), position };
      }
      case 'Blockquote':
        return { type: 'blockquote', children: this.blocks(node, [...containers, 'quote']) as never, position };
      case 'BulletList': case 'OrderedList': {
        // mdast's lists and items start at the marker, lezer's where the indentation allows one.
        const mark = node.firstChild?.getChild('ListMark');
        const start = node.name === 'OrderedList' && mark ? Number.parseInt(md.slice(mark.from, mark.to), 10) : null;
        return { type: 'list', ordered: start !== null, start, children: this.blocks(node, containers) as never, position: this.position(mark?.from ?? node.from, node.to) };
      }
      case 'ListItem':
        return this.listItem(node, containers);
      case 'FencedCode':
        return this.fencedCode(node, containers, position);
      case 'CodeBlock': case 'HTMLBlock': case 'CommentBlock': case 'ProcessingInstructionBlock':
        return this.verbatimBlock(node, containers);
      case 'LinkReference': {
        const label = node.getChild('LinkLabel');
        const raw = label ? source.slice(label.from + 1, label.to - 1) : '';
        return { type: 'definition', identifier: normalizeIdentifier(raw), label: decodeString(raw), url: this.inline.url(node.getChild('URL')), title: this.inline.title(node.getChild('LinkTitle')), position };
      }
      case 'HorizontalRule':
        return { type: 'thematicBreak', position };
      case 'Table':
        return this.table(node, position);
      default:
        return undefined; // marks: QuoteMark, ListMark, …
    }
  }

  /** HTML, or indented code: both start at their indentation (lezer's code after it), and their values keep what is past the prefixes. */
  private verbatimBlock(node: SyntaxNode, containers: readonly Container[]): RootContent {
    const line = this.source.lineStartOf(node.from);
    const position = this.position(Math.min(node.from, this.source.strip(line, containers, 0).at), node.to);
    if (node.name !== 'CodeBlock') return { type: 'html', value: this.source.lines(line, node.to, containers, 0), position };
    return { type: 'code', lang: null, meta: null, value: this.source.lines(line, node.to, containers, 4), position };
  }

  /**
   * A paragraph that starts with a line holding only a self-closing tag (`<img src="x"/>`,
   * `<br/>`): an HTML block to CommonMark, which lezer's pattern for such blocks misses (it
   * has no `/>`). It runs to the paragraph's end (CommonMark's would run to a blank line).
   */
  private selfClosingTagLine(node: SyntaxNode): boolean {
    const tag = node.firstChild;
    if (tag?.name !== 'HTMLTag' || tag.from !== node.from || this.md[tag.to - 2] !== '/') return false;
    const eol = this.source.lineEndOf(tag.to);
    return this.trimEnd(tag.to, eol) === tag.to && /^<[A-Za-z]/.test(this.md.slice(tag.from, tag.from + 2));
  }

  private listItem(node: SyntaxNode, containers: readonly Container[]): RootContent {
    const { md, source } = this;
    const mark = node.getChild('ListMark');
    const from = mark?.from ?? node.from;
    const markEnd = mark?.to ?? node.from;
    let after = markEnd;
    while (isSpace(md[after])) after++;
    // Content starts after 1–4 spaces; after more (indented code), or none before the line's end, after one.
    const spaces = source.column(after) - source.column(markEnd);
    const wide = after === source.lineEndOf(markEnd) || spaces > 4;
    const item: Container = { column: source.column(markEnd) + (wide ? 1 : spaces), line: source.lineStartOf(from), from: wide ? Math.min(markEnd + 1, after) : after };
    const inner = [...containers, item];
    const children: RootContent[] = [];
    let checked: boolean | null = null;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const marker = child.name === 'Task' ? child.getChild('TaskMarker') : null;
      const end = this.trimEnd(child.from, child.to);
      if (!marker) {
        const block = this.block(child, inner);
        if (block) children.push(block);
      } else if (!isSpace(md[marker.to]) || end <= marker.to + 1) {
        // GFM: a task needs text after its marker.
        children.push({ type: 'paragraph', children: this.inlines(child, child.from, end, inner), position: this.position(child.from, child.to) });
      } else {
        // As mdast-util-gfm-task-list-item: the paragraph starts at the marker, or at its text, less the space after the marker.
        checked = /[xX]/.test(md.slice(marker.from, marker.to));
        const content = this.inlines(child, marker.to, end, inner);
        let position = this.position(child.from, child.to);
        const head = content[0];
        if (head?.type === 'text' && head.position) {
          head.value = head.value.slice(1);
          if (head.value === '') content.shift();
          else {
            const start = this.pos((head.position.start.offset ?? 0) + 1, head.position.end.offset ?? 0).start;
            head.position.start = start;
            position = { start, end: position.end };
          }
        }
        children.push({ type: 'paragraph', children: content, position });
      }
    }
    return { type: 'listItem', checked, children: children as never, position: this.position(from, node.to) };
  }

  private fencedCode(node: SyntaxNode, containers: readonly Container[], position: Position): RootContent {
    const { source } = this;
    const info = node.getChild('CodeInfo');
    const infoText = info ? decodeString(source.slice(info.from, info.to)) : '';
    const space = infoText.search(/[ \t]/);
    const lang = infoText === '' ? null : space < 0 ? infoText : infoText.slice(0, space);
    const meta = space < 0 ? null : infoText.slice(space).trim() || null;
    // Content lines lose the fence's indentation; they end at the closing fence's line, or the block's end.
    const indent = source.column(node.from) - source.strip(source.lineStartOf(node.from), containers, 0).column;
    const marks = node.getChildren('CodeMark');
    const first = source.lineEndOf(node.from) + 1;
    const end = marks.length > 1 ? source.lineStartOf(marks[marks.length - 1].from) : node.to;
    const value = first <= end ? source.lines(first, end, containers, indent).replace(/(?:\r\n|\r|\n)$/, '') : '';
    return { type: 'code', lang, meta, value, position };
  }

  private table(node: SyntaxNode, position: Position): RootContent {
    const rows: TableRow[] = [];
    let align: ('left' | 'right' | 'center' | null)[] = [];
    for (let row = node.firstChild; row; row = row.nextSibling) {
      if (row.name === 'TableDelimiter') {
        align = this.md.slice(row.from, row.to).replace(/^\s*\||\|\s*$/g, '').split('|').map((cell) => {
          const c = cell.trim();
          return c.startsWith(':') ? (c.endsWith(':') ? 'center' : 'left') : c.endsWith(':') ? 'right' : null;
        });
        continue;
      }
      // A cell runs from its leading pipe (the row's start, for the first) to the next pipe; the last one to the row's end.
      const starts = [row.from];
      const contents: (SyntaxNode | undefined)[] = [undefined];
      for (let part = row.firstChild; part; part = part.nextSibling) {
        if (part.name === 'TableCell') contents[contents.length - 1] = part;
        else if (part.from > row.from) {
          starts.push(part.from);
          contents.push(undefined);
        }
      }
      if (starts.length > 1 && starts[starts.length - 1] === row.to - 1) starts.pop();
      const cells = starts.map((start, i): TableCell => {
        const content = contents[i];
        return { type: 'tableCell', children: content ? this.inlines(content, content.from, content.to, [], true) : [], position: this.position(start, starts[i + 1] ?? row.to) };
      });
      rows.push({ type: 'tableRow', children: cells, position: this.position(row.from, row.to) });
    }
    return { type: 'table', align, children: rows, position };
  }

  private trimEnd(from: number, to: number): number {
    let end = to;
    while (end > from && isSpace(this.md[end - 1])) end--;
    return end;
  }
}

