import { resolve } from 'node:path';
import { z } from 'zod';
import type { AllowedHost, ProxyOptions } from '../net/index.ts';
import { parseAllowedHosts } from '../net/index.ts';
import type { Keyring } from '../secrets/index.ts';
import { keyringFromEnv } from '../secrets/index.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be "true" or "false"' })
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  OWLHUB_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  OWLHUB_SECRET_KEY: z
    .string()
    .transform((value, ctx) => {
      const keyring = keyringFromEnv(value);
      if (keyring.ok) return keyring.value;
      ctx.addIssue({
        code: 'custom',
        message:
          'must be a 32-byte key as base64 or 64 hex characters (or a comma-separated list, newest first); ' +
          'make one with `openssl rand -base64 32`',
      });
      return z.NEVER;
    })
    .optional(),
  OWLHUB_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  OWLHUB_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const hosts = parseAllowedHosts(value);
      if (hosts.ok) return hosts.value;
      ctx.addIssue({
        code: 'custom',
        message: `"${hosts.error.entry}": ${hosts.error.reason}; use host[:port],… like jira.internal:8443`,
      });
      return z.NEVER;
    }),
  HTTPS_PROXY: z
    .url({ error: 'must be a proxy URL such as http://proxy.example.com:3128' })
    .optional(),
  HTTP_PROXY: z
    .url({ error: 'must be a proxy URL such as http://proxy.example.com:3128' })
    .optional(),
  NO_PROXY: z.string().optional(),
  OWLHUB_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be an http(s) URL such as https://owlhub.example.com',
    })
    .transform((value, ctx) => {
      const url = new URL(value);
      if (url.search === '' && url.hash === '') return url;
      ctx.addIssue({ code: 'custom', message: 'must not have a query or fragment' });
      return z.NEVER;
    })
    .optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
});

/** OwlHub's settings, parsed once from the environment and frozen. */
export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** From OWLHUB_SECRET_KEY; when unset, the key file in the data dir is used. */
  keyring: Keyring | undefined;
  allowPrivateNetworks: boolean;
  allowedHosts: readonly AllowedHost[];
  /** Outbound proxy for Jira sites, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case). */
  proxy: ProxyOptions | undefined;
  /** Where Jira can reach this OwlHub (OWLHUB_PUBLIC_URL); without it no webhook is registered. */
  publicUrl: URL | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
}>;

/** The outcome of reading the environment: a config, or every problem found. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads OwlHub's variables from `env`; unknown OWLHUB_* names count as problems (likely typos). */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const known = new Set(Object.keys(EnvSchema.shape));
  const unknown = Object.keys(env)
    .filter((name) => name.startsWith('OWLHUB_') && !known.has(name))
    .map((name) => `${name}: unknown setting; known ones are ${[...known].join(', ')}`);
  const parsed = EnvSchema.safeParse(withoutEmpty(withProxyNames(env)));
  const problems = [
    ...unknown,
    ...(parsed.success
      ? []
      : parsed.error.issues.map(
          (i) => `${i.path.join('.')}: ${i.message} (got "${show(env, i.path)}")`,
        )),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const e = parsed.data;
  return {
    ok: true,
    config: Object.freeze({
      port: e.PORT,
      host: e.HOST,
      dataDir: resolve(e.OWLHUB_DATA_DIR),
      databaseUrl: e.DATABASE_URL,
      keyring: e.OWLHUB_SECRET_KEY,
      allowPrivateNetworks: e.OWLHUB_ALLOW_PRIVATE_NETWORKS,
      allowedHosts: Object.freeze(e.OWLHUB_ALLOWED_HOSTS),
      proxy:
        e.HTTPS_PROXY === undefined && e.HTTP_PROXY === undefined
          ? undefined
          : {
              ...(e.HTTPS_PROXY === undefined ? {} : { httpsProxy: e.HTTPS_PROXY }),
              ...(e.HTTP_PROXY === undefined ? {} : { httpProxy: e.HTTP_PROXY }),
              ...(e.NO_PROXY === undefined ? {} : { noProxy: e.NO_PROXY }),
            },
      publicUrl: e.OWLHUB_PUBLIC_URL,
      logLevel: e.LOG_LEVEL,
    }),
  };
}

/** Proxy variables are conventionally set in either case; the upper-case one wins. */
function withProxyNames(
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return {
    ...env,
    HTTPS_PROXY: env.HTTPS_PROXY ?? env.https_proxy,
    HTTP_PROXY: env.HTTP_PROXY ?? env.http_proxy,
    NO_PROXY: env.NO_PROXY ?? env.no_proxy,
  };
}

/** Empty variables count as unset, as shells make `FOO=` easy to leave behind. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** The offending value for a message; secrets are never echoed. */
function show(env: Record<string, string | undefined>, path: PropertyKey[]): string {
  const name = String(path[0]);
  if (name === 'OWLHUB_SECRET_KEY' || name === 'DATABASE_URL') return '…';
  return env[name] ?? '';
}
