/** Tokens shorter than this get no hint: four characters would reveal too much of them. */
export const MIN_HINTED_TOKEN_LENGTH = 8;

/** The last 4 characters of a token for display, or undefined when the token is too short to hint. */
export function tokenHint(token: string): string | undefined {
  const chars = Array.from(token.trim());
  if (chars.length < MIN_HINTED_TOKEN_LENGTH) {
    return undefined;
  }
  return chars.slice(-4).join('');
}
