// The workspace index: the named objects of every known file, so that references and
// duplicates can be checked across files. Fed by the shells (open buffers win over disk).

import type { Entity, Family, LocatedEntity } from '../entities/types';
import type { WorkspaceView } from '../rules/types';

export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, LocatedEntity[]>();
  private readonly byName = new Map<string, LocatedEntity[]>();
  private readonly byId = new Map<string, LocatedEntity[]>();
  private readonly kindCounts = new Map<string, number>();
  /** For each key a reference names, the files holding such references (a reverse index). */
  private readonly referrers = new Map<string, Map<string, number>>();

  /** The entity list each file was last set from: setting the same list again changes nothing. */
  private readonly sources = new Map<string, readonly Entity[]>();

  /** Replaces a file's entities; returns the keys (names and ids) it had before and has now. */
  set(uri: string, entities: readonly Entity[]): Set<string> {
    if (this.sources.get(uri) === entities) return new Set();
    const touched = this.remove(uri);
    this.sources.set(uri, entities);
    const located = entities.map((e) => ({ ...e, uri, refs: e.refs.map((r) => (r.targetKind === 'Runbook' ? { ...r, resolved: resolveFile(r.name, uri) } : r)) }));
    this.files.set(uri, located);
    for (const entity of located) {
      for (const key of keysOf(entity)) {
        touched.add(key);
        push(key.startsWith('id:') ? this.byId : this.byName, key, entity);
      }
      const kindKey = `${entity.family}:${entity.kind}`;
      this.kindCounts.set(kindKey, (this.kindCounts.get(kindKey) ?? 0) + 1);
      for (const ref of entity.refs) count(this.referrers, refKey(ref), uri, 1);
    }
    return touched;
  }

  remove(uri: string): Set<string> {
    const touched = new Set<string>();
    for (const entity of this.files.get(uri) ?? []) {
      for (const key of keysOf(entity)) {
        touched.add(key);
        const map = key.startsWith('id:') ? this.byId : this.byName;
        const rest = (map.get(key) ?? []).filter((e) => e.uri !== uri);
        if (rest.length > 0) map.set(key, rest);
        else map.delete(key);
      }
      const kindKey = `${entity.family}:${entity.kind}`;
      this.kindCounts.set(kindKey, (this.kindCounts.get(kindKey) ?? 1) - 1);
      for (const ref of entity.refs) count(this.referrers, refKey(ref), uri, -1);
    }
    this.files.delete(uri);
    this.sources.delete(uri);
    return touched;
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
    return families ? found.filter((e) => families.includes(e.family)) : found;
  }

  namesOf(kind: string, families: readonly Family[]): string[] {
    const prefix = nameKey(kind, '');
    const names: string[] = [];
    for (const [key, entities] of this.byName) {
      if (key.startsWith(prefix) && entities.some((e) => families.includes(e.family))) names.push(key.slice(prefix.length));
    }
    return names;
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

/** A relative path (with an optional #anchor) resolved against the referring file's URI. */
function resolveFile(path: string, base: string): string | undefined {
  try {
    const url = new URL(path.replace(/#.*$/, ''), base);
    return url.href;
  } catch {
    return undefined;
  }
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

function nameKey(kind: string, name: string): string {
  return `name:${kind}:${name}`;
}

function keysOf(entity: Entity): string[] {
  return entity.id === undefined ? [nameKey(entity.kind, entity.name)] : [nameKey(entity.kind, entity.name), `id:${entity.id}`];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
