import type { Identity } from './accounts.ts';

/** Hono typing for the sandbox: the identity the auth middleware found. */
export interface SandboxEnv {
  Variables: { identity: Identity };
}
