import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/server/config.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { startServer } from '../../../src/server/main.ts';
import { ensureWebBuild } from './web-build.ts';

/** A real OwlHub server on a free port with its own data directory. */
export interface TestOwlHub {
  url: string;
  stop(): Promise<void>;
}

/** Builds the web app if needed and starts OwlHub with an empty SQLite database. */
export async function startOwlHub(env: Record<string, string> = {}): Promise<TestOwlHub> {
  await ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'owlhub-e2e-'));
  const parsed = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    OWLHUB_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const server = await startServer(parsed.config, createLogger('silent'));
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An account's session as seen from Node, for arranging data that a test is not about. */
export interface ApiSession {
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

/** Logs in (or runs setup) through the API and returns a session that sends cookie and CSRF token. */
export async function apiSession(
  url: string,
  credentials: { email: string; password: string; name?: string },
  setup = false,
): Promise<ApiSession> {
  const response = await fetch(new URL(setup ? '/api/auth/setup' : '/api/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = /owlhub_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    send: (method, path, body) =>
      fetch(new URL(path, url), {
        method,
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
