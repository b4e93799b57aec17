import { describe, expect, it } from 'vitest';
import { parseAllowedHosts } from './allowed-hosts.ts';
import { checkTarget, PUBLIC_ONLY_POLICY, type NetworkPolicy } from './policy.ts';

const target = (host: string, address: string, port = 443) => ({ host, address, port });

describe('checkTarget', () => {
  it('allows public addresses and refuses the rest by default', () => {
    expect(
      checkTarget(PUBLIC_ONLY_POLICY, target('jira.example.com', '93.184.216.34')),
    ).toBeUndefined();
    expect(checkTarget(PUBLIC_ONLY_POLICY, target('jira.example.com', '10.1.2.3'))).toEqual({
      host: 'jira.example.com',
      address: '10.1.2.3',
      port: 443,
      addressClass: 'private',
      remedy: 'allow_private_networks',
    });
    expect(checkTarget(PUBLIC_ONLY_POLICY, target('localhost', '127.0.0.1'))?.remedy).toBe(
      'allowed_hosts',
    );
  });

  it('lets allowPrivateNetworks open private ranges but not loopback or link-local', () => {
    const policy: NetworkPolicy = { allowPrivateNetworks: true, allowedHosts: [] };
    expect(checkTarget(policy, target('jira.corp', '192.168.0.10'))).toBeUndefined();
    expect(checkTarget(policy, target('jira.corp', '100.64.1.1'))).toBeUndefined();
    expect(checkTarget(policy, target('jira.corp', 'fd12::1'))).toBeUndefined();
    expect(checkTarget(policy, target('jira.corp', '127.0.0.1'))?.addressClass).toBe('loopback');
    expect(checkTarget(policy, target('jira.corp', 'fe80::1'))?.addressClass).toBe('link_local');
  });

  it('matches allowedHosts by host name or address, with and without port', () => {
    const policy: NetworkPolicy = {
      allowPrivateNetworks: false,
      allowedHosts: [{ host: '127.0.0.1', port: 8080 }, { host: 'jira.corp' }, { host: '[::1]' }],
    };
    expect(checkTarget(policy, target('127.0.0.1', '127.0.0.1', 8080))).toBeUndefined();
    expect(checkTarget(policy, target('localhost', '127.0.0.1', 8080))).toBeUndefined();
    expect(checkTarget(policy, target('127.0.0.1', '127.0.0.1', 8081))?.remedy).toBe(
      'allowed_hosts',
    );
    expect(checkTarget(policy, target('JIRA.corp.', '10.0.0.5', 1234))).toBeUndefined();
    expect(checkTarget(policy, target('jira.corp', '127.0.0.1', 80))).toBeUndefined();
    expect(checkTarget(policy, target('[::1]', '0:0:0:0:0:0:0:1', 9))).toBeUndefined();
    expect(checkTarget(policy, target('other.corp', '10.0.0.5'))?.remedy).toBe(
      'allow_private_networks',
    );
  });

  it('refuses cloud metadata even for allowed hosts and private networks', () => {
    const policy: NetworkPolicy = {
      allowPrivateNetworks: true,
      allowedHosts: [{ host: '169.254.169.254' }, { host: 'metadata.google.internal' }],
    };
    for (const address of [
      '169.254.169.254',
      'fd00:ec2::254',
      '100.100.100.200',
      '::ffff:169.254.169.254',
    ]) {
      expect(checkTarget(policy, target('metadata.google.internal', address))).toMatchObject({
        addressClass: 'metadata',
        remedy: 'none',
      });
    }
  });
});

describe('parseAllowedHosts', () => {
  it('parses host, host:port and bracketed IPv6', () => {
    expect(parseAllowedHosts(' jira.corp, 127.0.0.1:8080 ,[::1]:9000,[fd00::1],')).toEqual({
      ok: true,
      value: [
        { host: 'jira.corp' },
        { host: '127.0.0.1', port: 8080 },
        { host: '[::1]', port: 9000 },
        { host: '[fd00::1]' },
      ],
    });
    expect(parseAllowedHosts('')).toEqual({ ok: true, value: [] });
  });

  it('names the first bad entry', () => {
    expect(parseAllowedHosts('ok.host,http://bad.host')).toEqual({
      ok: false,
      error: { entry: 'http://bad.host', reason: 'expected host or host:port' },
    });
    expect(parseAllowedHosts('host:70000')).toMatchObject({
      ok: false,
      error: { entry: 'host:70000' },
    });
    expect(parseAllowedHosts('::1')).toMatchObject({ ok: false });
  });
});
