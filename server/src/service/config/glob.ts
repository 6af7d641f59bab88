// Glob matching in time polynomial in the glob and the path, whatever either holds. Globs
// come from `.prr.yaml` (include, exclude), which may come from an untrusted pull request
// or workspace, and are tested against every path of a workspace. Regex-based matchers
// (picomatch, minimatch) compile `*` to `[^/]*?`, and a backtracking regex engine takes
// time exponential in the number of stars: `*a*a*a*a*a*a*b` against a 40-character name
// takes picomatch 1.5 s, two stars more 33 s — a hung language server. Here a path is
// matched segment by segment with sets of reachable states (no backtracking): at most
// (glob segments × path segments) segment matches, each (tokens × characters) steps.
//
// Syntax, as picomatch with `dot: true` for these: `*` (any run within a folder name),
// `**` as a whole segment (any number of folders, none included), `?`, `[abc]`, `[a-z]`,
// `[!a]`/`[^a]`, `{a,b}` (nested, up to MAX_ALTERNATIVES after expansion), `\` escapes, a
// leading `!` negating the glob and a leading `./`. Extended globs (`+(a|b)`, `@(…)`) are
// not supported: their characters match themselves. One difference from picomatch, which
// reads `[!a]` as "`!` or `a`": here it is "not `a`", as in shells and .gitignore.

/** More alternatives after brace expansion than this and the glob matches nothing. */
export const MAX_ALTERNATIVES = 256;
/** A longer glob matches nothing (the configuration schema rejects it with a finding). */
export const MAX_GLOB_LENGTH = 1024;

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; test: (c: string) => boolean };
/** A glob segment: `**` or a test of one folder or file name. */
type Segment = 'globstar' | ((name: string) => boolean);

/** A test of `/`-separated relative paths against any of `globs`. */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  const tests = globs.map(compileParts);
  return (path) => {
    const parts = path.split('/');
    return tests.some((t) => t(parts));
  };
}

export function compileGlob(glob: string): (path: string) => boolean {
  const test = compileParts(glob);
  return (path) => test(path.split('/'));
}

function compileParts(glob: string): (parts: readonly string[]) => boolean {
  if (glob.length > MAX_GLOB_LENGTH) return () => false;
  let negated = false;
  let body = glob;
  if (body.startsWith('!') && !body.startsWith('!(')) {
    negated = true;
    body = body.slice(1);
  }
  const alternatives = expandBraces(body.replace(/^(\.\/)+/, ''));
  const compiled = (alternatives ?? []).map((alt) => alt.split('/').map(parseSegment));
  return (parts) => compiled.some((segments) => matchPath(segments, parts)) !== negated;
}

function matchPath(glob: readonly Segment[], path: readonly string[]): boolean {
  // Most paths fail on their file name: try the last segment first when it is not `**`.
  const last = glob[glob.length - 1];
  if (typeof last === 'function' && !last(path[path.length - 1] as string)) return false;
  // reach[i]: glob segment i is where the next path segment may start matching.
  let reach = closure(oneAt(0, glob.length), glob);
  for (const part of path) {
    const next = new Uint8Array(glob.length + 1);
    let any = false;
    for (let i = 0; i < glob.length; i++) {
      if (!reach[i]) continue;
      const segment = glob[i] as Segment;
      if (segment === 'globstar') next[i] = 1; // `**` takes this folder and may take more
      else if (segment(part)) next[i + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    reach = closure(next, glob);
  }
  return reach[glob.length] === 1;
}

function oneAt(index: number, length: number): Uint8Array {
  const states = new Uint8Array(length + 1);
  states[index] = 1;
  return states;
}

/** `**` may also match no folder at all: from it, the next segment is reachable too. */
function closure(states: Uint8Array, glob: readonly Segment[]): Uint8Array {
  for (let i = 0; i < glob.length; i++) if (states[i] && glob[i] === 'globstar') states[i + 1] = 1;
  return states;
}

/** Wildcard matching by dynamic programming over (token, character): no backtracking. */
function matchSegment(tokens: readonly Token[], text: string): boolean {
  // reach[j]: the tokens so far can match text[0..j).
  let reach = new Array<boolean>(text.length + 1).fill(false);
  reach[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    if (token.kind === 'star') {
      let any = false;
      for (let j = 0; j <= text.length; j++) next[j] = any ||= reach[j] as boolean;
    } else {
      for (let j = 0; j < text.length; j++) {
        if (reach[j] && accepts(token, text[j] as string)) next[j + 1] = true;
      }
    }
    reach = next;
  }
  return reach[text.length] === true;
}

function accepts(token: Exclude<Token, { kind: 'star' }>, c: string): boolean {
  if (token.kind === 'char') return token.char === c;
  if (token.kind === 'any') return true;
  return token.test(c) !== token.negated;
}

function parseSegment(segment: string): Segment {
  if (segment === '**') return 'globstar';
  const tokens = parseTokens(segment);
  if (tokens.every((t) => t.kind === 'char' || t.kind === 'star')) return starsOnly(tokens);
  return (name) => matchSegment(tokens, name);
}

/**
 * The common case, `*.md` or `svc-*-prod.yaml`: literal parts between stars. Anchored at
 * both ends, each middle part taken at its leftmost place is never wrong, so one pass of
 * indexOf decides — what keeps matching a large workspace as fast as with a regex.
 */
function starsOnly(tokens: readonly Token[]): (name: string) => boolean {
  const parts = [''];
  for (const t of tokens) {
    if (t.kind === 'star') parts.push('');
    else if (t.kind === 'char') parts[parts.length - 1] += t.char;
  }
  const first = parts[0] as string;
  if (parts.length === 1) return (name) => name === first;
  const last = parts[parts.length - 1] as string;
  const middle = parts.slice(1, -1);
  const fixed = first.length + last.length;
  return (name) => {
    if (name.length < fixed || !name.startsWith(first) || !name.endsWith(last)) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (const part of middle) {
      const found = name.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

function parseTokens(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '\\' && i + 1 < segment.length) tokens.push({ kind: 'char', char: segment[++i] as string });
    else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' }); // `a**b` is `a*b`
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const parsed = parseClass(segment, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: 'char', char: c });
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** `[…]` starting at `start`: its token and the index of its `]`, or undefined when unclosed. */
function parseClass(segment: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  for (let first = true; i < segment.length; first = false, i++) {
    let c = segment[i] as string;
    if (c === ']' && !first) return { token: { kind: 'class', negated, test: (x) => ranges.some(([lo, hi]) => x >= lo && x <= hi) }, end: i };
    if (c === '\\' && i + 1 < segment.length) c = segment[++i] as string;
    if (segment[i + 1] === '-' && segment[i + 2] !== undefined && segment[i + 2] !== ']') {
      ranges.push([c, segment[i + 2] as string]);
      i += 2;
    } else ranges.push([c, c]);
  }
  return undefined;
}

/** Every brace-free glob `glob` stands for, or undefined past MAX_ALTERNATIVES. */
export function expandBraces(glob: string): string[] | undefined {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, parts } = open;
  const out: string[] = [];
  for (const part of parts) {
    const expanded = expandBraces(glob.slice(0, start) + part + glob.slice(end + 1));
    if (!expanded || out.length + expanded.length > MAX_ALTERNATIVES) return undefined;
    out.push(...expanded);
  }
  return out;
}

/** The first `{…}` with a top-level comma: its bounds and alternatives (a brace without a comma is literal). */
function findBrace(glob: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') {
      start++;
      continue;
    }
    if (glob[start] !== '{') continue;
    let depth = 0;
    const parts: string[] = [];
    let from = start + 1;
    for (let i = start; i < glob.length; i++) {
      const c = glob[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === ',' && depth === 1) {
        parts.push(glob.slice(from, i));
        from = i + 1;
      } else if (c === '}' && --depth === 0) {
        if (parts.length === 0) break; // `{a}`: literal, look further
        parts.push(glob.slice(from, i));
        return { start, end: i, parts };
      }
    }
  }
  return undefined;
}
