// The inline content of a paragraph, heading or table cell as mdast: lezer marks emphasis,
// code, links, HTML and breaks; text is what lies between them, with escapes and entities
// decoded and the line breaks of a paragraph as CommonMark reads them (no whitespace around
// a line ending). A link that refers to no definition is text, as in CommonMark (lezer makes
// a link of any `[x]`).

import type { SyntaxNode } from '@lezer/common';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { decodeString, normalizeIdentifier } from './decode';
import type { Container, MarkdownSource } from './source';

export type Position = NonNullable<Root['position']>;

/** Where inline content is: the containers of its block (code spans leave their prefixes out), and whether in a table cell. */
export interface InlineContext {
  containers: readonly Container[];
  inTable: boolean;
}

/** A text run being collected: ranges of the text (quote marks left out) that make one text node. */
interface Run {
  parts: number[];
  /** Starts after a hard break: its leading whitespace is the line's indentation. */
  lineStart: boolean;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isLineEnd = (c: string | undefined) => c === '\n' || c === '\r';

/** Whitespace at either side of a line ending, which a paragraph's text does not keep. */
const LINE_BREAK = /[ \t]*(\r\n|\r|\n)[ \t]*/g;

export class InlineConverter {
  constructor(
    private readonly source: MarkdownSource,
    private readonly pos: (from: number, to: number) => Position,
    /** The identifiers of all definitions in the document, and of its footnotes. */
    private readonly definitions: ReadonlySet<string>,
    private readonly footnotes: ReadonlySet<string>,
  ) {}

  /** The inline nodes of `parent` in [from, to) of the parsed text. */
  convert(parent: SyntaxNode, from: number, to: number, context: InlineContext, inLink = false): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    const run: Run = { parts: [], lineStart: false };
    this.walk(parent, from, to, out, run, context, inLink);
    this.flush(run, out);
    return out;
  }

  private position(from: number, to: number): Position {
    return this.pos(this.source.at(from), this.source.at(to));
  }

  /** Collects the text of [from, to) into `run`, flushing it before each node that is not text. */
  private walk(parent: SyntaxNode, from: number, to: number, out: PhrasingContent[], run: Run, context: InlineContext, inLink: boolean): void {
    let at = from;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.from < at) continue;
      if (child.from >= to) break;
      if (child.name === 'QuoteMark') {
        this.add(run, at, child.from);
        at = child.to;
      } else if ((child.name === 'Link' || child.name === 'Image') && !this.resolves(child)) {
        // A reference to no definition is text, and what it holds still counts (emphasis, code).
        this.add(run, at, child.from);
        this.walk(child, child.from, child.to, out, run, context, inLink);
        at = child.to;
      } else {
        const node = this.inline(child, context, inLink);
        if (!node) continue; // stays in the text: escapes, entities, marks
        this.add(run, at, child.from);
        this.flush(run, out);
        out.push(node);
        run.lineStart = node.type === 'break';
        at = child.to;
      }
    }
    this.add(run, at, to);
  }

  private add(run: Run, from: number, to: number): void {
    if (to > from) run.parts.push(this.source.at(from), this.source.at(to));
  }

  private flush(run: Run, out: PhrasingContent[]): void {
    const { parts } = run;
    if (parts.length === 0) return;
    let raw = '';
    for (let i = 0; i < parts.length; i += 2) raw += this.source.text.slice(parts[i], parts[i + 1]);
    // Whitespace before a line ending, after one (or after a hard break) is the line's, not the text's.
    let lead = 0;
    while (isSpace(raw[lead])) lead++;
    if (!run.lineStart && !isLineEnd(raw[lead])) lead = 0;
    let end = raw.length;
    while (end > lead && isSpace(raw[end - 1])) end--;
    if (!isLineEnd(raw[end - 1])) end = raw.length;
    const text = raw.slice(lead, end);
    const value = decodeString(text.includes('\n') || text.includes('\r') ? text.replace(LINE_BREAK, '$1') : text);
    if (value !== '') out.push({ type: 'text', value, position: this.pos(offsetIn(parts, lead, false), offsetIn(parts, end, true)) });
    run.parts = [];
    run.lineStart = false;
  }

  private inline(node: SyntaxNode, context: InlineContext, inLink: boolean): PhrasingContent | undefined {
    const position = this.position(node.from, node.to);
    switch (node.name) {
      case 'Emphasis': case 'StrongEmphasis': case 'Strikethrough': {
        const type = node.name === 'Emphasis' ? 'emphasis' : node.name === 'StrongEmphasis' ? 'strong' : 'delete';
        return { type, children: this.convert(node, node.firstChild?.to ?? node.from, node.lastChild?.from ?? node.to, context, inLink), position };
      }
      case 'InlineCode':
        return { type: 'inlineCode', value: this.codeSpan(node, context), position };
      case 'Link': case 'Image':
        return this.link(node, position, context);
      case 'Autolink': {
        const url = node.getChild('URL');
        const value = url ? this.source.slice(url.from, url.to) : '';
        const href = /^[a-z][a-z\d+.-]{1,31}:/i.test(value) ? value : `mailto:${value}`;
        return { type: 'link', url: href, title: null, children: url ? [{ type: 'text', value, position: this.position(url.from, url.to) }] : [], position };
      }
      case 'URL': {
        if (inLink) return undefined; // GFM makes no links inside links
        const value = this.source.slice(node.from, node.to);
        const href = /^www\./i.test(value) ? `http://${value}` : /^[a-z][a-z\d+.-]*:/i.test(value) ? value : `mailto:${value}`;
        return { type: 'link', url: href, title: null, children: [{ type: 'text', value, position }], position };
      }
      case 'HTMLTag': case 'Comment': case 'ProcessingInstruction':
        return { type: 'html', value: this.source.slice(node.from, node.to), position };
      case 'HardBreak':
        return { type: 'break', position };
      default:
        return undefined;
    }
  }

  /** A code span's text: its lines without their container prefixes, and one space of padding less at both ends. */
  private codeSpan(node: SyntaxNode, context: InlineContext): string {
    const { source } = this;
    const marks = node.getChildren('CodeMark');
    const to = marks[1]?.from ?? node.to;
    let value = '';
    for (let at = marks[0]?.to ?? node.from; at < to;) {
      const eol = Math.min(source.lineEndOf(at), to);
      value += source.slice(at, eol < to ? eol + 1 : eol);
      if (eol >= to) break;
      const next = source.strip(eol + 1, context.containers, 0);
      value += ' '.repeat(next.pad);
      at = next.at;
    }
    if (context.inTable) value = value.replace(/\\\|/g, '|'); // GFM: `\|` in a table cell is a pipe, even in code
    return /^[ \r\n].*[^ \r\n].*[ \r\n]$/s.test(value) ? value.slice(1, -1) : value;
  }

  /** Its content; whether it is inline (`[a](b)`); else its reference's label (the content, unless `[a][label]`). */
  private linkParts(node: SyntaxNode) {
    const marks = node.getChildren('LinkMark');
    const contentFrom = marks[0]?.to ?? node.from;
    const contentTo = marks[1]?.from ?? node.to;
    const inline = marks.length > 2 && this.source.md[marks[2].from] === '(';
    const after = (name: string) => node.getChildren(name).find((c) => c.from >= contentTo);
    const labelNode = after('LinkLabel');
    const full = labelNode !== undefined && labelNode.to - labelNode.from > 2;
    const label = full ? this.source.slice(labelNode.from + 1, labelNode.to - 1) : this.source.slice(contentFrom, contentTo);
    return { contentFrom, contentTo, inline, after, label, referenceType: full ? 'full' : labelNode ? 'collapsed' : 'shortcut' } as const;
  }

  private resolves(node: SyntaxNode): boolean {
    const parts = this.linkParts(node);
    if (parts.inline) return true;
    if (isFootnote(parts)) return node.name === 'Link' && this.footnotes.has(normalizeIdentifier(parts.label.slice(1)));
    return this.definitions.has(normalizeIdentifier(parts.label));
  }

  private link(node: SyntaxNode, position: Position, context: InlineContext): PhrasingContent {
    const parts = this.linkParts(node);
    if (isFootnote(parts)) return { type: 'footnoteReference', identifier: normalizeIdentifier(parts.label.slice(1)), label: parts.label.slice(1), position };
    const children = this.convert(node, parts.contentFrom, parts.contentTo, context, true);
    const image = node.name === 'Image';
    if (parts.inline) {
      const common = { url: this.url(parts.after('URL')), title: this.title(parts.after('LinkTitle')), position };
      return image ? { type: 'image', alt: plainText(children), ...common } : { type: 'link', children, ...common };
    }
    const common = { identifier: normalizeIdentifier(parts.label), label: decodeString(parts.label), referenceType: parts.referenceType, position };
    return image ? { type: 'imageReference', alt: plainText(children), ...common } : { type: 'linkReference', children, ...common };
  }

  /** A destination, without its `<>` and decoded. */
  url(node: SyntaxNode | null | undefined): string {
    const raw = node ? this.source.slice(node.from, node.to) : '';
    return decodeString(raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw);
  }

  /** A title, without its quotes or parentheses and decoded. */
  title(node: SyntaxNode | null | undefined): string | null {
    return node ? decodeString(this.source.slice(node.from + 1, node.to - 1)) : null;
  }
}

/** `[^label]`: a GFM footnote reference (lezer reads a link). */
function isFootnote(parts: { inline: boolean; label: string; referenceType: string }): boolean {
  return !parts.inline && parts.referenceType === 'shortcut' && /^\^[^\s\]]+$/.test(parts.label);
}

/** The offset of index `index` of the parts' text joined (at the end of a part rather than the next one's start, for an end). */
function offsetIn(parts: number[], index: number, end: boolean): number {
  let rest = index;
  for (let i = 0; i < parts.length; i += 2) {
    const length = parts[i + 1] - parts[i];
    if (rest < length || (end && rest === length)) return parts[i] + rest;
    rest -= length;
  }
  return parts[parts.length - 1];
}

/** The text a reader sees, as an image's `alt`. */
function plainText(nodes: readonly Nodes[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'alt' in n ? (n.alt ?? '') : 'children' in n ? plainText(n.children as Nodes[]) : '')).join('');
}
