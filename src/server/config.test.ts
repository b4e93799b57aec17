import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 8080,
      databaseUrl: undefined,
      allowPrivateNetworks: false,
      allowedHosts: [],
      logLevel: 'info',
    });
    expect(result.config.dataDir).toMatch(/\/data$/);
    expect(Object.isFrozen(result.config)).toBe(true);
  });

  it('reads every setting', () => {
    const result = parseConfig({
      PORT: '9000',
      OWLHUB_DATA_DIR: '/tmp/owl',
      DATABASE_URL: 'postgres://u@db:5432/owl',
      OWLHUB_ALLOW_PRIVATE_NETWORKS: 'true',
      OWLHUB_ALLOWED_HOSTS: 'jira.internal:8443, 10.0.0.5',
      LOG_LEVEL: 'debug',
      https_proxy: 'http://proxy.internal:3128',
      NO_PROXY: 'jira.internal',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 9000,
        dataDir: '/tmp/owl',
        databaseUrl: 'postgres://u@db:5432/owl',
        allowPrivateNetworks: true,
        allowedHosts: [{ host: 'jira.internal', port: 8443 }, { host: '10.0.0.5' }],
        logLevel: 'debug',
        proxy: { httpsProxy: 'http://proxy.internal:3128', noProxy: 'jira.internal' },
      },
    });
  });

  it('names every bad variable and says what is expected', () => {
    const result = parseConfig({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      OWLHUB_ALLOW_PRIVATE_NETWORKS: 'yes',
      OWLHUB_ALLOWED_HOSTS: 'http://jira',
      OWLHUB_SECRETKEY: 'typo',
      OWLHUB_SECRET_KEY: 'too-short-to-be-a-key',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    for (const name of [
      'PORT',
      'LOG_LEVEL',
      'DATABASE_URL',
      'OWLHUB_ALLOW_PRIVATE_NETWORKS',
      'OWLHUB_ALLOWED_HOSTS',
      'OWLHUB_SECRETKEY: unknown setting',
      'OWLHUB_SECRET_KEY: must be a 32-byte key',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('must be one of fatal');
    expect(text).not.toContain('mysql://x');
    expect(text).not.toContain('too-short-to-be-a-key');
  });

  it('builds the keyring from OWLHUB_SECRET_KEY', () => {
    const result = parseConfig({ OWLHUB_SECRET_KEY: 'a'.repeat(64) });
    expect(result.ok && result.config.keyring?.current.id).toBeTruthy();
  });

  it('refuses a port out of range', () => {
    expect(parseConfig({ PORT: '70000' }).ok).toBe(false);
  });
  it('reads OWLHUB_PUBLIC_URL as a URL and refuses anything but http(s) without query', () => {
    const result = parseConfig({ OWLHUB_PUBLIC_URL: 'https://owlhub.example.com/hub' });
    expect(result.ok && result.config.publicUrl?.href).toBe('https://owlhub.example.com/hub');
    const unset = parseConfig({});
    expect(unset.ok && unset.config.publicUrl).toBeUndefined();
    for (const bad of [
      'owlhub.example.com',
      'ftp://owlhub.example.com',
      'https://o.example/?a=1',
    ]) {
      const refused = parseConfig({ OWLHUB_PUBLIC_URL: bad });
      expect(!refused.ok && refused.problems.join()).toMatch(/^OWLHUB_PUBLIC_URL: /);
    }
  });
});
