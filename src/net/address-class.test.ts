import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, type AddressClass } from './address-class.ts';

const CASES: Array<[string, AddressClass]> = [
  ['8.8.8.8', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['[::1]', 'loopback'],
  ['169.254.0.1', 'link_local'],
  ['fe80::1', 'link_local'],
  ['febf::1', 'link_local'],
  ['fe80::1%eth0', 'link_local'],
  ['169.254.169.254', 'metadata'],
  ['fd00:ec2::254', 'metadata'],
  ['fd00:0ec2:0000::0254', 'metadata'],
  ['100.100.100.200', 'metadata'],
  ['::ffff:169.254.169.254', 'metadata'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.1', 'public'],
  ['192.168.1.1', 'private'],
  ['fc00::1', 'private'],
  ['fd12:3456::1', 'private'],
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['100.128.0.1', 'public'],
  ['0.0.0.0', 'unspecified'],
  ['::', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['ff02::1', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['2001:db8::1', 'reserved'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['64:ff9b::192.168.0.1', 'private'],
  ['2002:7f00:1::1', 'loopback'],
];

describe('classifyAddress', () => {
  it.each(CASES)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('classifies IPv4-mapped IPv6 exactly like the IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(classifyAddress(`::ffff:${v4}`)).toBe(classifyAddress(v4));
      }),
    );
  });

  it('puts every 10/8 and 192.168/16 address in private', () => {
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), fc.nat(255), (b, c, d) => {
        expect(classifyAddress(`10.${b}.${c}.${d}`)).toBe('private');
        expect(classifyAddress(`192.168.${c}.${d}`)).toBe('private');
      }),
    );
  });

  it('classifies any IPv6 literal without throwing', () => {
    fc.assert(
      fc.property(fc.ipV6(), (v6) => {
        expect(typeof classifyAddress(v6)).toBe('string');
      }),
    );
  });

  it('throws on host names, which must be resolved first', () => {
    expect(() => classifyAddress('example.com')).toThrow(TypeError);
  });
});
