import { Writable } from 'node:stream';
import type { IntegrationDeps } from '../../src/integrations/deps.ts';
import { fixedKeySource } from '../../src/integrations/key-source.ts';
import { registerIntegrationJobs } from '../../src/integrations/register-jobs.ts';
import { createJobQueue } from '../../src/jobs/create-job-queue.ts';
import type { NetworkPolicy } from '../../src/net/index.ts';
import { createKeyring, generateSecretKey } from '../../src/secrets/index.ts';
import type { Keyring } from '../../src/secrets/index.ts';
import { createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import type { Storage } from '../../src/storage/connect.ts';

/** Loopback allowed, as the sandbox runs on 127.0.0.1; everything else as in production. */
export const LOOPBACK_ALLOWED: NetworkPolicy = {
  allowPrivateNetworks: false,
  allowedHosts: [{ host: '127.0.0.1' }],
};

/** An in-process OwlHub app with running jobs and a captured log, for API tests. */
export interface TestApi {
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Everything the app logged so far, as raw text. */
  logText(): string;
  deps: IntegrationDeps;
  /** Stops the job queue; call before closing the storage. */
  close(): Promise<void>;
}

/** Builds the app on `storage`, logging at debug into memory, with the job queue started. */
export async function createTestApi(
  storage: Storage,
  options: { network?: NetworkPolicy; keyring?: Keyring; publicUrl?: URL } = {},
): Promise<TestApi> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const keyring = options.keyring ?? unwrap(createKeyring(generateSecretKey()));
  const jobs = createJobQueue(storage, {
    logger,
    pollIntervalMs: 50,
    maintenanceIntervalSeconds: 1,
  });
  const deps: IntegrationDeps = {
    db: storage.db,
    keys: fixedKeySource(keyring),
    jobs,
    network: options.network ?? LOOPBACK_ALLOWED,
    publicUrl: options.publicUrl,
    logger,
    now: () => new Date(),
  };
  // A cancelled sync run notices within a tenth of a second.
  registerIntegrationJobs(deps, { connectTimeoutMs: 2000 }, { cancelPollMs: 100 });
  await jobs.start();
  const app = createApp(deps);
  return {
    request: async (path, init) => app.request(`http://localhost${path}`, init),
    logText: () => lines.join(''),
    deps,
    close: () => jobs.stop(5000),
  };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`test setup failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A logged-in browser: keeps the session cookie and sends the CSRF token on writes. */
export interface Browser {
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
  cookie: string;
  csrfToken: string;
}

/** Logs in (or runs setup when `setup` is set) and returns a browser bound to that session. */
export async function logIn(
  api: TestApi,
  credentials: { email: string; password: string; name?: string },
  setup = false,
): Promise<Browser> {
  const response = await api.request(
    setup ? '/api/auth/setup' : '/api/auth/login',
    jsonInit('POST', credentials),
  );
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = /owlhub_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    get: (path) => api.request(path, { headers: { cookie } }),
    send: (method, path, body) =>
      api.request(path, {
        ...jsonInit(method, body),
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      }),
  };
}

/** A JSON request init. */
export function jsonInit(method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}
