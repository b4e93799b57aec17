import type { AllowedHost } from './policy.ts';
import type { Result } from './result.ts';

const HOST_PORT = /^(?<host>\[[0-9a-fA-F:.]+\]|[^:\s[\]]+)(?::(?<port>\d{1,5}))?$/;

/**
 * Parses `OWLHUB_ALLOWED_HOSTS`: comma-separated `host[:port]` entries, IPv6
 * literals in brackets (`[::1]:8080`). Fails naming the first bad entry.
 */
export function parseAllowedHosts(
  text: string,
): Result<AllowedHost[], { entry: string; reason: string }> {
  const hosts: AllowedHost[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') {
      continue;
    }
    const match = HOST_PORT.exec(entry);
    const host = match?.groups?.['host'];
    if (host === undefined) {
      return { ok: false, error: { entry, reason: 'expected host or host:port' } };
    }
    const portText = match?.groups?.['port'];
    if (portText === undefined) {
      hosts.push({ host: host.toLowerCase() });
      continue;
    }
    const port = Number(portText);
    if (port < 1 || port > 65535) {
      return { ok: false, error: { entry, reason: 'port must be 1-65535' } };
    }
    hosts.push({ host: host.toLowerCase(), port });
  }
  return { ok: true, value: hosts };
}
