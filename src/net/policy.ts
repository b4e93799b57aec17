import { classifyAddress, type AddressClass } from './address-class.ts';
import { parseIp, unbracket } from './ip.ts';

/** A host (name or IP literal) the operator allows despite its address, optionally on one port only. */
export interface AllowedHost {
  host: string;
  port?: number;
}

/** The operator's outbound network policy (PRODUCT.md §5). */
export interface NetworkPolicy {
  /** `OWLHUB_ALLOW_PRIVATE_NETWORKS`: allow 10/8, 172.16/12, 192.168/16, fc00::/7 and 100.64/10. */
  allowPrivateNetworks: boolean;
  /** `OWLHUB_ALLOWED_HOSTS`: these hosts may use any address except cloud metadata. */
  allowedHosts: readonly AllowedHost[];
}

/** The strictest policy: public addresses only. */
export const PUBLIC_ONLY_POLICY: NetworkPolicy = Object.freeze({
  allowPrivateNetworks: false,
  allowedHosts: Object.freeze([]),
});

/** What the operator could change to allow a refused address (for the `address_blocked` hint). */
export type BlockRemedy = 'none' | 'allowed_hosts' | 'allow_private_networks';

/** A refused connection target: the host asked for, the address it resolved to, and why. */
export interface BlockedAddress {
  host: string;
  port: number;
  address: string;
  addressClass: AddressClass;
  remedy: BlockRemedy;
}

/** Where a connection is about to go: the host as written in the URL and one of its resolved addresses. */
export interface ConnectTarget {
  host: string;
  port: number;
  address: string;
}

function normalizeHost(host: string): string {
  return unbracket(host).toLowerCase().replace(/\.$/, '');
}

/** Whether `allowedHosts` names this host or this resolved address (and the port, if the entry has one). */
export function isAllowedHost(policy: NetworkPolicy, target: ConnectTarget): boolean {
  const names = [normalizeHost(target.host), normalizeHost(target.address)];
  const address = parseIp(target.address);
  return policy.allowedHosts.some((entry) => {
    if (entry.port !== undefined && entry.port !== target.port) {
      return false;
    }
    const host = normalizeHost(entry.host);
    const literal = parseIp(host);
    // Compare IPv6 literals by value so ::1 and 0:0:0:0:0:0:0:1 are the same entry.
    if (literal?.family === 6 && address?.family === 6) {
      return literal.bytes.every((byte, index) => byte === address.bytes[index]);
    }
    return names.includes(host);
  });
}

/**
 * Decides whether a connection to `target.address` may be made. Cloud metadata
 * is refused even for allowed hosts: no Jira lives there, and it is the classic
 * SSRF prize. Loopback, link-local and other special addresses need an
 * `allowedHosts` entry; private ranges need that or `allowPrivateNetworks`.
 */
export function checkTarget(
  policy: NetworkPolicy,
  target: ConnectTarget,
): BlockedAddress | undefined {
  const addressClass = classifyAddress(target.address);
  const blocked = (remedy: BlockRemedy): BlockedAddress => ({ ...target, addressClass, remedy });
  switch (addressClass) {
    case 'public':
      return undefined;
    case 'metadata':
      return blocked('none');
    case 'private':
    case 'cgnat':
      if (policy.allowPrivateNetworks || isAllowedHost(policy, target)) {
        return undefined;
      }
      return blocked('allow_private_networks');
    case 'loopback':
    case 'link_local':
    case 'unspecified':
    case 'multicast':
    case 'reserved':
      return isAllowedHost(policy, target) ? undefined : blocked('allowed_hosts');
  }
}
