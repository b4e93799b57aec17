import { isIPv4, isIPv6 } from 'node:net';

/** An IP address literal reduced to what classification needs. */
export type ParsedIp =
  { family: 4; address: string } | { family: 6; address: string; bytes: Uint8Array };

/** Strips the brackets URLs put around IPv6 literals (`[::1]` → `::1`) and any zone id. */
export function unbracket(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const zone = bare.indexOf('%');
  return zone === -1 ? bare : bare.slice(0, zone);
}

function ipv6Bytes(address: string): Uint8Array {
  // An embedded dotted quad (::ffff:1.2.3.4) becomes two hex groups first.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  let text = address;
  if (dotted?.[1] !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    const value = Number.parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/** Parses an IP literal (brackets and zone ids allowed); undefined for host names. */
export function parseIp(host: string): ParsedIp | undefined {
  const bare = unbracket(host);
  if (isIPv4(bare)) {
    return { family: 4, address: bare };
  }
  if (isIPv6(bare)) {
    return { family: 6, address: bare.toLowerCase(), bytes: ipv6Bytes(bare) };
  }
  return undefined;
}

/** Formats 4 bytes as a dotted quad. */
export function ipv4FromBytes(bytes: Uint8Array, offset: number): string {
  return Array.from(bytes.subarray(offset, offset + 4)).join('.');
}
