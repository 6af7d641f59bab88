// The parsed forms of the documents the editor features look at, built once per text: hover,
// completion, the outline, links and folding on an unchanged buffer reuse them instead of
// parsing a 10,000-line file on every request. Keyed by URI and by what was built; an entry
// holds while the text is the same (the engine gets no versions: the text stands for one).
// The least recently used documents are dropped beyond `capacity`. Across texts, a document
// may keep parts that an edit elsewhere leaves alone (its unchanged `---` documents).

import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/parse';
import { PositionMap } from '../yaml/positions';

export class DocumentCache {
  private readonly documents = new Map<string, Map<string, { text: string; value: unknown }>>();
  /** Per document, what outlives a change of its text (the parsed `---` documents, to reuse those that did not change). */
  private readonly kept = new Map<string, Map<string, unknown>>();

  constructor(private readonly capacity = 16) {}

  /** The value `build` made for this `text` of `uri` under `key`, building it when the text is new. */
  get<T>(uri: string, key: string, text: string, build: () => T): T {
    let entries = this.documents.get(uri);
    if (entries) {
      // Refresh its place in the LRU order.
      this.documents.delete(uri);
      this.documents.set(uri, entries);
    } else {
      entries = new Map();
      this.documents.set(uri, entries);
      if (this.documents.size > this.capacity) this.forget(this.documents.keys().next().value as string);
    }
    const hit = entries.get(key);
    if (hit && hit.text === text) return hit.value as T;
    // A new text makes every form of the old one stale.
    for (const entry of entries.values()) {
      if (entry.text !== text) {
        entries.clear();
        break;
      }
    }
    const value = build();
    entries.set(key, { text, value });
    return value;
  }

  /** A value kept for `uri` across its texts, made once (until the document is forgotten). */
  keep<T>(uri: string, key: string, make: () => T): T {
    let values = this.kept.get(uri);
    if (!values) this.kept.set(uri, (values = new Map()));
    if (!values.has(key)) values.set(key, make());
    return values.get(key) as T;
  }

  forget(uri: string): void {
    this.documents.delete(uri);
    this.kept.delete(uri);
  }
}

/** A runbook's Markdown tree, parsed once per text. */
export function markdownOf(uri: string, text: string, cache: DocumentCache): Root {
  return cache.get(uri, 'markdown', text, () => parseMarkdown(text));
}

/** Offsets to positions for a text, built once per text. */
export function positionsOf(uri: string, text: string, cache: DocumentCache): PositionMap {
  return cache.get(uri, 'positions', text, () => new PositionMap(text));
}
