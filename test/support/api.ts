import { Writable } from 'node:stream';
import { createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import type { Storage } from '../../src/storage/connect.ts';

/** An in-process OwlHub app with a captured log, for API tests. */
export interface TestApi {
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Everything the app logged so far, as raw text. */
  logText(): string;
}

/** Builds the app on `storage`, logging at debug into memory. */
export function createTestApi(storage: Storage): TestApi {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = createApp({
    db: storage.db,
    logger: createLogger('debug', sink),
    now: () => new Date(),
  });
  return {
    request: async (path, init) => app.request(`http://localhost${path}`, init),
    logText: () => lines.join(''),
  };
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
