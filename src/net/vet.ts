import type { NetFailure } from './failure.ts';
import { checkTarget, type NetworkPolicy } from './policy.ts';
import { resolveHost, type LookupAll } from './resolve.ts';
import type { Result } from './result.ts';

/** Options for resolving and vetting a host. */
export interface VetOptions {
  policy: NetworkPolicy;
  lookup: LookupAll;
  dnsTimeoutMs: number;
}

/**
 * Resolves `host` and checks every address against the policy. One forbidden
 * address refuses the host: a name that mixes public and internal answers is
 * a rebinding attempt more often than a real site.
 */
export async function vetHost(
  host: string,
  port: number,
  options: VetOptions,
): Promise<Result<string[], NetFailure>> {
  const resolved = await resolveHost(host, options.lookup, options.dnsTimeoutMs);
  if (!resolved.ok) {
    return resolved;
  }
  for (const address of resolved.value) {
    const blocked = checkTarget(options.policy, { host, port, address });
    if (blocked !== undefined) {
      return { ok: false, error: { kind: 'address_blocked', ...blocked } };
    }
  }
  return resolved;
}
