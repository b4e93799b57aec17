/** How long each phase of an outbound request may take, in milliseconds. */
export interface Timeouts {
  /** DNS resolution plus TCP connect plus TLS handshake, per attempt. */
  connectMs: number;
  /** From sending the request to receiving the response headers. */
  headersMs: number;
  /** Longest pause between two chunks of the response body. */
  bodyMs: number;
}

/** Defaults that suit a Jira across the internet: slow pages, but never a hung sync. */
export const DEFAULT_TIMEOUTS: Timeouts = Object.freeze({
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 60_000,
});
