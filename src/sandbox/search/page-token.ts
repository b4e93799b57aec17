import { createHash } from 'node:crypto';
import { z } from 'zod';

const TOKEN_LIFETIME_MS = 7 * 86_400_000;

/** What a `nextPageToken` carries: where the next page starts, for which query, since when. */
const TokenSchema = z.object({
  offset: z.number().int().min(0),
  query: z.string(),
  issuedAt: z.number(),
});

function queryHash(jql: string): string {
  return createHash('sha256').update(jql).digest('base64url').slice(0, 16);
}

/** Makes the opaque token for the page starting at `offset`. */
export function encodePageToken(jql: string, offset: number, now: number): string {
  const state: z.infer<typeof TokenSchema> = { offset, query: queryHash(jql), issuedAt: now };
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** Reads a token back; null if it is malformed, for another query, or older than seven days (as Cloud's expire). */
export function decodePageToken(token: string, jql: string, now: number): number | null {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = TokenSchema.safeParse(raw);
  if (!parsed.success || parsed.data.query !== queryHash(jql)) return null;
  return now - parsed.data.issuedAt > TOKEN_LIFETIME_MS ? null : parsed.data.offset;
}
