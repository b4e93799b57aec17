import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (session id, API key body, CSRF token): 256 bits, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a secret token, the only form in which OwlHub stores it. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
