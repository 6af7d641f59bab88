// URI text helpers shared by the engine. Paths come from documents people type, so a stray
// `%` (`runbooks/a%zz.md`, `kind: Servic%`) is ordinary input, never an exception.

/** `text` %-decoded; text that is not valid %-encoding stays as written. */
export function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A relative path (an optional `#anchor` dropped) resolved against the URI of the file that holds it. */
export function resolveRelative(path: string, base: string): string | undefined {
  try {
    return new URL(path.replace(/#.*$/, ''), base).href;
  } catch {
    return undefined;
  }
}

/** `to` as a path relative to the folder of `from` (both URIs), e.g. `slos/checkout.yaml`. */
export function relativePath(from: string, to: string): string {
  let a: URL;
  let b: URL;
  try {
    a = new URL(from);
    b = new URL(to);
  } catch {
    return to;
  }
  if (a.protocol !== b.protocol || a.host !== b.host) return to;
  const fromDir = decodeLenient(a.pathname).split('/').slice(0, -1);
  const target = decodeLenient(b.pathname).split('/');
  let i = 0;
  while (i < fromDir.length && i < target.length - 1 && fromDir[i] === target[i]) i++;
  return [...fromDir.slice(i).map(() => '..'), ...target.slice(i)].join('/');
}

/** An absolute path (POSIX separators, or a Windows drive path) as a `file:` URI, as Node's pathToFileURL writes it. */
export function fileUriOf(path: string): string {
  const escaped = path.replace(/%/g, '%25').replace(/#/g, '%23').replace(/\?/g, '%3F');
  return new URL(`file://${escaped.startsWith('/') ? '' : '/'}${escaped}`).href;
}

/** A path written in a file (a `schemas:` entry, a manifest's runbook or SLO file) resolved against that file's URI: `%` and `?` are parts of the name, a `#anchor` is dropped. */
export function resolveWrittenPath(path: string, base: string): string | undefined {
  return resolveRelative(path.replace(/%/g, '%25').replace(/\?/g, '%3F'), base);
}
