import { BlockList } from 'node:net';
import { ipv4FromBytes, parseIp } from './ip.ts';

/** What kind of network an address belongs to; only `public` is reachable without configuration. */
export type AddressClass =
  | 'public'
  | 'metadata'
  | 'loopback'
  | 'link_local'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'private'
  | 'cgnat';

// Cloud instance metadata endpoints: AWS/GCP/Azure/OCI, AWS ECS and EKS, AWS IPv6, Alibaba, Azure wireserver.
const METADATA = new BlockList();
for (const address of [
  '169.254.169.254',
  '169.254.170.2',
  '169.254.170.23',
  '100.100.100.200',
  '168.63.129.16',
]) {
  METADATA.addAddress(address, 'ipv4');
}
for (const address of ['fd00:ec2::254', 'fd00:ec2::23']) {
  METADATA.addAddress(address, 'ipv6');
}

type Rule = [AddressClass, string, number];

// Order matters: the first matching rule names the class.
const RULES: readonly Rule[] = [
  ['unspecified', '0.0.0.0', 8],
  ['unspecified', '::', 128],
  ['loopback', '127.0.0.0', 8],
  ['loopback', '::1', 128],
  ['link_local', '169.254.0.0', 16],
  ['link_local', 'fe80::', 10],
  ['multicast', '224.0.0.0', 4],
  ['multicast', 'ff00::', 8],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['private', 'fc00::', 7],
  ['private', 'fec0::', 10], // deprecated site-local, still routed inside some networks
  ['cgnat', '100.64.0.0', 10],
  ['reserved', '240.0.0.0', 4], // includes 255.255.255.255
  ['reserved', '192.0.0.0', 24],
  ['reserved', '192.0.2.0', 24],
  ['reserved', '198.18.0.0', 15],
  ['reserved', '198.51.100.0', 24],
  ['reserved', '203.0.113.0', 24],
  ['reserved', '100::', 64],
  ['reserved', '2001:db8::', 32],
  ['reserved', '::', 96], // IPv4-compatible IPv6, deprecated
];

const LISTS = RULES.map(([addressClass, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, network.includes(':') ? 'ipv6' : 'ipv4');
  return { addressClass, list, family: network.includes(':') ? 'ipv6' : 'ipv4' };
});

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), if any. */
export function embeddedIpv4(bytes: Uint8Array): string | undefined {
  const prefix = (length: number, ...values: number[]): boolean =>
    bytes.subarray(0, length).every((byte, index) => byte === (values[index] ?? 0));
  if (prefix(12, ...Array<number>(10).fill(0), 0xff, 0xff)) {
    return ipv4FromBytes(bytes, 12); // ::ffff:a.b.c.d, IPv4-mapped
  }
  if (prefix(12, 0, 0x64, 0xff, 0x9b)) {
    return ipv4FromBytes(bytes, 12); // 64:ff9b::/96, NAT64
  }
  if (prefix(2, 0x20, 0x02)) {
    return ipv4FromBytes(bytes, 2); // 2002::/16, 6to4
  }
  return undefined;
}

/** Classifies an IP literal; throws on a host name because callers resolve names first. */
export function classifyAddress(address: string): AddressClass {
  const ip = parseIp(address);
  if (ip === undefined) {
    throw new TypeError(`not an IP address: ${address}`);
  }
  const family = ip.family === 4 ? 'ipv4' : 'ipv6';
  // BlockList compares numerically, so every spelling of an address matches.
  if (METADATA.check(ip.address, family)) {
    return 'metadata';
  }
  if (ip.family === 6) {
    const v4 = embeddedIpv4(ip.bytes);
    if (v4 !== undefined) {
      return classifyAddress(v4);
    }
  }
  const match = LISTS.find((rule) => rule.family === family && rule.list.check(ip.address, family));
  return match?.addressClass ?? 'public';
}
