// yaml reads process.env.LOG_TOKENS for every token it parses (and LOG_STREAM for every
// document), and process.env is an accessor to the C environment: about half a microsecond a
// read, a quarter of yaml's parse of a 50,000-line file (455 against 330 ms). A plain copy
// answers the same. Both shells call this before they parse anything; neither changes its own
// environment afterwards, and children they spawn get the copy.

/** Replaces `process.env` with a plain copy of itself. */
export function usePlainEnv(): void {
  process.env = { ...process.env };
}
