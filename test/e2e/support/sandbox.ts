import type { Sandbox, SandboxOptions } from '../../../src/sandbox/index.ts';
import { startSandbox } from '../../../src/sandbox/index.ts';

/** A sandbox Jira, and the OwlHub setting that lets OwlHub reach it on loopback. */
export async function startJira(
  options: SandboxOptions,
): Promise<{ jira: Sandbox; allowedHost: string }> {
  const jira = await startSandbox({ issues: 30, ...options });
  return { jira, allowedHost: new URL(jira.url).host };
}

/**
 * Makes each sandbox answer slow enough that "Pending" stays on screen for a moment, as with a
 * real Jira across the internet; the seed's Step 4 says the status first shows Pending.
 */
export const REALISTIC_LATENCY_MS = 150;
