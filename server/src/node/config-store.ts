// Finds the `.prr.yaml` files that apply to a file — walking up from its folder, nearest
// first, until one says `root: true` — and resolves them into the engine's FileConfig.
// Shared by the CLI and the language server, so both read configuration the same way.
// A broken file is remembered: the editor keeps using its last valid content; the CLI
// reports it (see `broken`). In an untrusted workspace (`trusted: () => false`), each file
// is cut down to what restrictUntrusted allows, and what was dropped is kept in `ignored`.

import { existsSync } from 'node:fs';
import { readTextSync } from './read-text';
import { dirname, join } from 'node:path';
import type { ConfigData, ConfigLayer, Engine, FileConfig } from '../service';
import { resolveConfig } from '../service';
import { restrictUntrusted } from '../service/config/trust';

const NAMES = ['.prr.yaml', '.prr.yml'];

/** Whether the path (or URI) names a `.prr.yaml` / `.prr.yml`. */
export function isConfigFile(path: string): boolean {
  return /(^|[\\/])\.prr\.ya?ml$/.test(path);
}

export interface ConfigStoreOptions {
  /** Reads a config file's text: an open editor buffer first, then disk. */
  read?: (path: string) => string | undefined;
  /** `--config FILE`: use only this file, no discovery. */
  explicit?: string;
  /** False in an untrusted editor workspace: only lower severities and file selection are used. Trusted when absent. */
  trusted?: () => boolean;
  /** Told which keys of a config file an untrusted workspace ignored. */
  onIgnored?: (file: string, keys: readonly string[]) => void;
}

export class ConfigStore {
  private readonly layers = new Map<string, ConfigLayer | null>();
  private readonly lastValid = new Map<string, ConfigData>();
  private readonly resolved = new Map<string, FileConfig>();
  private readonly byLayers = new Map<string, FileConfig>();
  /** Config files that could not be used (syntax or schema errors). */
  readonly broken = new Set<string>();
  /** Config files in use that name custom schemas (`schemas:`): their entries may be reported (an unusable schema). */
  readonly withSchemas = new Set<string>();
  /** Per config file, the keys ignored because the workspace is not trusted (empty when trusted). */
  readonly ignored = new Map<string, string[]>();

  constructor(private readonly engine: Engine, private readonly options: ConfigStoreOptions = {}) {}

  /** The configuration for the file at `path` (absolute). */
  configFor(path: string): FileConfig {
    const folder = dirname(path);
    let config = this.resolved.get(folder);
    if (!config) {
      const layers = this.options.explicit ? this.explicitLayers() : this.layersFor(folder);
      // Folders under the same .prr.yaml files share one resolved configuration (its glob matchers are not free).
      const key = layers.map((l) => l.folder).join('\u0000');
      config = this.byLayers.get(key);
      if (!config) {
        config = resolveConfig(layers);
        if (this.options.trusted?.() === false) config = { ...config, untrusted: true };
        this.byLayers.set(key, config);
      }
      this.resolved.set(folder, config);
    }
    return config;
  }

  /** Whether the file is one this store reads configuration from: a `.prr.yaml` found by walking up, or the `--config` file. */
  isConfig(path: string): boolean {
    return this.options.explicit ? path === this.options.explicit : isConfigFile(path);
  }

  /** Forget what was read (a config file changed); all files resolve again. */
  invalidate(): void {
    this.layers.clear();
    this.resolved.clear();
    this.byLayers.clear();
    this.broken.clear();
    this.withSchemas.clear();
    this.ignored.clear();
  }

  private explicitLayers(): ConfigLayer[] {
    const file = this.options.explicit as string;
    const layer = this.load(file);
    if (!layer) throw new Error(`cannot use --config ${file}: it does not exist or is not a valid .prr.yaml`);
    return [layer];
  }

  /** Layers from the farthest (a root, or the file system's root) to the nearest. */
  private layersFor(folder: string): ConfigLayer[] {
    const found: ConfigLayer[] = [];
    for (let dir = folder; ; dir = dirname(dir)) {
      const layer = this.layerIn(dir);
      if (layer) found.unshift(layer);
      if (layer?.data.root || dirname(dir) === dir) return found;
    }
  }

  private layerIn(dir: string): ConfigLayer | undefined {
    if (!this.layers.has(dir)) {
      const file = NAMES.map((n) => join(dir, n)).find((p) => this.options.read?.(p) !== undefined || existsSync(p));
      this.layers.set(dir, file ? this.load(file) ?? null : null);
    }
    return this.layers.get(dir) ?? undefined;
  }

  private load(file: string): ConfigLayer | undefined {
    const text = this.options.read?.(file) ?? readIfExists(file);
    if (text === undefined) return undefined;
    const data = this.engine.parseConfig(text);
    if (data) this.lastValid.set(file, data);
    else this.broken.add(file);
    let usable = data ?? this.lastValid.get(file);
    if (usable && this.options.trusted?.() === false) {
      const restricted = restrictUntrusted(usable, (id) => this.engine.rules.find((r) => r.id === id)?.defaultSeverity);
      if (restricted.ignored.length > 0) {
        this.ignored.set(file, restricted.ignored);
        this.options.onIgnored?.(file, restricted.ignored);
      }
      usable = restricted.data;
    }
    if (usable?.schemas && usable.schemas.length > 0) this.withSchemas.add(file);
    return usable ? { folder: dirname(file).replace(/\\/g, '/'), data: usable } : undefined;
  }
}

/** The file's text as `prr check` reads any file (UTF-8, or UTF-16 with a BOM), or undefined when there is none to read. */
function readIfExists(path: string): string | undefined {
  const read = readTextSync(path);
  return read.ok ? read.text : undefined;
}
