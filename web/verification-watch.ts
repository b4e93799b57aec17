/**
 * Re-verifying a connected integration keeps it `connected` until the new result is in, so its
 * status alone cannot tell the page to poll. A watch says: poll until lastVerifiedAt moves on.
 */

// Long enough for a slow Jira; the page must not poll forever when a verification job is lost.
const WATCH_MS = 60_000;

const watches = new Map<string, { lastVerifiedAt: string | null; until: number }>();

/** Starts polling `id` until its lastVerifiedAt differs from the one given. */
export function watchVerification(id: string, lastVerifiedAt: string | null): void {
  watches.set(id, { lastVerifiedAt, until: Date.now() + WATCH_MS });
}

/** Whether `id` awaits a new verification result; forgets the watch once the result is in. */
export function awaitsVerification(id: string, lastVerifiedAt: string | null | undefined): boolean {
  const watch = watches.get(id);
  if (watch === undefined) return false;
  if (lastVerifiedAt !== watch.lastVerifiedAt || Date.now() > watch.until) {
    watches.delete(id);
    return false;
  }
  return true;
}
