// yaml reads process.env.LOG_TOKENS for every token it parses (and LOG_STREAM for every
// document), and process.env is an accessor to the C environment: about half a microsecond a
// read, a tenth of a parse. A plain copy answers the same. Both shells call this first thing;
// neither changes its own environment afterwards, and children they spawn get the copy.

/** Replaces `process.env` with a plain copy of itself. */
export function usePlainEnv(): void {
  process.env = { ...process.env };
}
