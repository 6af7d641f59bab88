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
