// The workspace index: the named objects of every known file, so that references and
// duplicates can be checked across files. Fed by the shells (open buffers win over disk).

import type { Entity, Family, LocatedEntity } from '../entities/types';
import type { WorkspaceView } from '../rules/types';
import { resolveWrittenPath } from '../uri';

export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, LocatedEntity[]>();
  private readonly byName = new Map<string, LocatedEntity[]>();
  private readonly byId = new Map<string, LocatedEntity[]>();
  private readonly kindCounts = new Map<string, number>();
  /** For each key a reference names, the files holding such references (a reverse index). */
  private readonly referrers = new Map<string, Map<string, number>>();

  /** The entity list each file was last set from: setting the same list again changes nothing. */
  private readonly sources = new Map<string, readonly Entity[]>();
  /** Bumped by every change, so that what was derived from the index can tell it is still current. */
  version = 0;
  /** The keys each of the last changes touched (see touchedSince), oldest first. */
  private readonly log: { version: number; keys: ReadonlySet<string> }[] = [];
  /** `kinds:<kind>` for each kind that came to exist or ceased to exist in the change being made. */
  private kindChanges = new Set<string>();
  /** Per file, the indexed form of each of those entities: an entity still there keeps it. */
  private readonly located = new Map<string, Map<Entity, LocatedEntity>>();

  /**
   * Replaces a file's entities; returns the keys (names and ids) that changed. After an edit most entities are
   * the same objects as before (the documents the edit did not touch): only the others are taken out and put in,
   * and are added to `changed` when given.
   */
  set(uri: string, entities: readonly Entity[], changed?: Entity[]): Set<string> {
    const before = this.sources.get(uri);
    if (before === entities) return new Set();
    this.version++;
    if (before === undefined) {
      changed?.push(...entities);
      return this.record(this.add(uri, entities));
    }
    const previous = this.located.get(uri) ?? new Map<Entity, LocatedEntity>();
    const now = new Set(entities);
    const touched = new Set<string>();
    const mine = new Map<Entity, LocatedEntity>();
    for (const [entity, located] of previous) {
      if (now.has(entity)) mine.set(entity, located);
      else {
        this.unlink(located, touched);
        changed?.push(entity);
      }
    }
    const list: LocatedEntity[] = [];
    for (const entity of entities) {
      let located = mine.get(entity);
      if (!located) {
        changed?.push(entity);
        located = this.locate(uri, entity);
        mine.set(entity, located);
        this.link(located, touched, false);
      }
      list.push(located);
    }
    // A changed key lists this file's objects after the other files' and in document order, as a full set would.
    const ordered = new Map<string, LocatedEntity[]>();
    for (const located of list) {
      for (const key of keysOf(located)) if (touched.has(key)) push(ordered, key, located);
    }
    for (const key of touched) {
      const map = key.startsWith('id:') ? this.byId : this.byName;
      const rest = [...(map.get(key) ?? []).filter((e) => e.uri !== uri), ...(ordered.get(key) ?? [])];
      if (rest.length > 0) map.set(key, rest);
      else map.delete(key);
    }
    this.files.set(uri, list);
    this.located.set(uri, mine);
    this.sources.set(uri, entities);
    return this.record(touched);
  }

  /**
   * The keys touched since the index was at `version` (kind keys included: `kinds:<kind>` when objects of
   * that kind came to exist or ceased to); undefined when the log no longer reaches back that far.
   */
  touchedSince(version: number): ReadonlySet<string> | undefined {
    if (version === this.version) return new Set();
    if (version > this.version || this.log.length === 0 || this.log[0].version > version + 1) return undefined;
    const keys = new Set<string>();
    for (const entry of this.log) if (entry.version > version) for (const key of entry.keys) keys.add(key);
    return keys;
  }

  /** The keys whose index entries an entity's per-object workspace findings depend on (see workspace/check.ts). */
  dependencyKeys(entity: LocatedEntity): readonly string[] {
    let keys = dependencies.get(entity);
    if (!keys) {
      keys = [...keysOf(entity), ...entity.refs.flatMap((ref) => [refKey(ref), `kinds:${ref.targetKind}`])];
      dependencies.set(entity, keys);
    }
    return keys;
  }

  /** Logs a change's touched keys (a copy, with the kinds that came or went) and returns them. */
  private record(touched: Set<string>): Set<string> {
    const keys = this.kindChanges.size === 0 ? new Set(touched) : new Set([...touched, ...this.kindChanges]);
    this.kindChanges = new Set();
    this.log.push({ version: this.version, keys });
    if (this.log.length > LOG_LIMIT) this.log.shift();
    return touched;
  }

  /** A file not in the index yet. */
  private add(uri: string, entities: readonly Entity[]): Set<string> {
    const touched = new Set<string>();
    const mine = new Map<Entity, LocatedEntity>();
    const list = entities.map((entity) => {
      const located = this.locate(uri, entity);
      mine.set(entity, located);
      this.link(located, touched, true);
      return located;
    });
    this.files.set(uri, list);
    this.located.set(uri, mine);
    this.sources.set(uri, entities);
    return touched;
  }

  private locate(uri: string, entity: Entity): LocatedEntity {
    return { ...entity, uri, refs: entity.refs.map((r) => (r.targetKind === 'Runbook' ? { ...r, resolved: resolveWrittenPath(r.name, uri) } : r)) };
  }

  /** Counts an entity in; `listed`: also append it to its keys' lists (else the caller orders them). */
  private link(entity: LocatedEntity, touched: Set<string>, listed: boolean): void {
    for (const key of keysOf(entity)) {
      touched.add(key);
      if (listed) push(key.startsWith('id:') ? this.byId : this.byName, key, entity);
    }
    const kindKey = `${entity.family}:${entity.kind}`;
    const existing = this.kindCounts.get(kindKey) ?? 0;
    if (existing === 0) this.kindChanges.add(`kinds:${entity.kind}`);
    this.kindCounts.set(kindKey, existing + 1);
    for (const ref of entity.refs) count(this.referrers, refKey(ref), entity.uri, 1);
  }

  /** Counts an entity out and takes it off its keys' lists. */
  private unlink(entity: LocatedEntity, touched: Set<string>): void {
    for (const key of keysOf(entity)) {
      touched.add(key);
      const map = key.startsWith('id:') ? this.byId : this.byName;
      const rest = (map.get(key) ?? []).filter((e) => e !== entity);
      if (rest.length > 0) map.set(key, rest);
      else map.delete(key);
    }
    const kindKey = `${entity.family}:${entity.kind}`;
    const left = (this.kindCounts.get(kindKey) ?? 1) - 1;
    if (left === 0) this.kindChanges.add(`kinds:${entity.kind}`);
    this.kindCounts.set(kindKey, left);
    for (const ref of entity.refs) count(this.referrers, refKey(ref), entity.uri, -1);
  }

  remove(uri: string): Set<string> {
    this.version++;
    const touched = new Set<string>();
    for (const entity of this.files.get(uri) ?? []) this.unlink(entity, touched);
    this.files.delete(uri);
    this.located.delete(uri);
    this.sources.delete(uri);
    return this.record(touched);
  }

  /** Every file the index holds, with named objects or without (runbooks have none). */
  uris(): string[] {
    return [...this.files.keys()];
  }

  entitiesOf(uri: string): readonly LocatedEntity[] {
    return this.files.get(uri) ?? [];
  }

  /** Files whose objects refer to, or share a name or id with, any of `keys`. */
  filesConcerning(keys: ReadonlySet<string>): string[] {
    const uris = new Set<string>();
    for (const key of keys) {
      for (const entity of (key.startsWith('id:') ? this.byId : this.byName).get(key) ?? []) uris.add(entity.uri);
      for (const uri of this.referrers.get(key)?.keys() ?? []) uris.add(uri);
    }
    return [...uris];
  }

  /** Whether a manifest or an alert in the index points at this Markdown file as a runbook. */
  isReferencedRunbook(uri: string): boolean {
    return this.referrers.has(fileKey(uri));
  }

  find(kind: string, name: string, families?: readonly Family[]): LocatedEntity[] {
    const found = this.byName.get(nameKey(kind, name)) ?? [];
    // Usually every object of the name is of a wanted family: then the list itself, not a copy per look-up
    // (the cross-file rules look up every reference of a 50,000-line file on each edit). Callers only read it.
    return !families || found.every((e) => families.includes(e.family)) ? found : found.filter((e) => families.includes(e.family));
  }

  namesOf(kind: string, families: readonly Family[]): string[] {
    const prefix = nameKey(kind, '');
    const names: string[] = [];
    for (const [key, entities] of this.byName) {
      if (key.startsWith(prefix) && entities.some((e) => families.includes(e.family))) names.push(key.slice(prefix.length));
    }
    // Sorted: the order of the map's keys depends on the history of edits, a suggestion must not.
    return names.sort();
  }

  withId(family: Family, id: string): LocatedEntity[] {
    return (this.byId.get(`id:${id}`) ?? []).filter((e) => e.family === family);
  }

  hasKind(family: Family, kind: string): boolean {
    return (this.kindCounts.get(`${family}:${kind}`) ?? 0) > 0;
  }
}

/** The key under which changes to a file concern the files that refer to it. */
export function fileKey(uri: string): string {
  return nameKey('Runbook', uri);
}


function refKey(ref: { targetKind: string; name: string; resolved?: string }): string {
  return nameKey(ref.targetKind, ref.resolved ?? ref.name);
}

/** Adds `delta` to the count of `uri` under `key`, dropping entries that reach zero. */
function count(map: Map<string, Map<string, number>>, key: string, uri: string, delta: number): void {
  const uris = map.get(key) ?? new Map<string, number>();
  const next = (uris.get(uri) ?? 0) + delta;
  if (next > 0) uris.set(uri, next);
  else uris.delete(uri);
  if (uris.size > 0) map.set(key, uris);
  else map.delete(key);
}

/**
 * One string per (kind, name), made once: a key built anew is hashed anew by every map look-up, and the
 * cross-file rules look up every reference of a 50,000-line file on each edit. The names are the entities'
 * own strings, the same objects edit after edit, so the two-level look-up hashes nothing new.
 * Emptied when it grows large (names typed letter by letter leave their prefixes behind).
 */
const interned = new Map<string, Map<string, string>>();
let internedCount = 0;
const INTERNED_LIMIT = 200_000;

function nameKey(kind: string, name: string): string {
  let names = interned.get(kind);
  if (!names) interned.set(kind, (names = new Map()));
  let key = names.get(name);
  if (key === undefined) {
    if (++internedCount > INTERNED_LIMIT) {
      interned.clear();
      internedCount = 1;
      interned.set(kind, (names = new Map()));
    }
    key = `name:${kind}:${name}`;
    names.set(name, key);
  }
  return key;
}

/** Changes the log keeps: a check of a file more changes ago than this re-checks all its objects. */
const LOG_LIMIT = 256;

const dependencies = new WeakMap<LocatedEntity, readonly string[]>();

/** An entity's keys, computed once per entity object (entities are never changed once extracted). */
const entityKeys = new WeakMap<Entity, string[]>();

function keysOf(entity: Entity): string[] {
  let keys = entityKeys.get(entity);
  if (!keys) {
    keys = entity.id === undefined ? [nameKey(entity.kind, entity.name)] : [nameKey(entity.kind, entity.name), `id:${entity.id}`];
    entityKeys.set(entity, keys);
  }
  return keys;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
