import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonInit } from '../../test/support/api.ts';
import type { SyncRunView } from '../shared/mirror.ts';
import { findSyncRun } from '../storage/sync-runs.ts';
import { findSyncState } from '../storage/sync-state.ts';
import { readCheckpoint } from './full-sync.ts';
import type { SyncFixture } from './testing/fixture.ts';
import { createSyncFixture, expectParity } from './testing/fixture.ts';

const CHILD = fileURLToPath(new URL('./testing/server-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ISSUES = 1200;
const BULK = 'POST /rest/api/3/issue/bulkfetch';

/** One OwlHub server process and the JSON lines it has logged so far. */
interface Server {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  url: string;
}

async function startServerProcess(fixture: SyncFixture, dataDir: string): Promise<Server> {
  if (fixture.target.dialect !== 'postgres') throw new Error('PostgreSQL only');
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: fixture.target.url,
      OWLHUB_SECRET_KEY: fixture.secretKey,
      OWLHUB_DATA_DIR: dataDir,
      OWLHUB_ALLOWED_HOSTS: '127.0.0.1',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: Record<string, unknown>[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  await until('the server to listen', () => logs.some((l) => l.msg === 'OwlHub is listening'));
  const listening = logs.find((l) => l.msg === 'OwlHub is listening');
  return { child, logs, url: String(listening?.url) };
}

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 40_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The attempts at `runId` a server has started, from its log. */
const attemptsAt = (server: Server, runId: string) =>
  server.logs
    .filter((l) => l.msg === 'sync run started' && l.runId === runId)
    .map((l) => l.attempt);

describe('two OwlHub processes on one PostgreSQL database', () => {
  let fixture: SyncFixture | undefined;
  const servers: Server[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const { child } of servers) if (child.exitCode === null) child.kill('SIGKILL');
    servers.length = 0;
    await fixture?.close();
    fixture = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('take over the sync run of a killed process from its checkpoint to exact parity', async () => {
    // With latency and one unit at a time (server-child.ts), the full sync takes several seconds.
    fixture = await createSyncFixture('postgres', {
      flavor: 'cloud',
      issues: ISSUES,
      latencyMs: 100,
    });
    const { storage, integrationId, sandbox } = fixture;
    dataDir = await mkdtemp(join(tmpdir(), 'owlhub-takeover-'));
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess(fixture!, dataDir)))));
    const [first, second] = servers as [Server, Server];

    // Setup through one process, "Sync now" through both at once: the session works on both.
    const setup = await fetch(
      `${first.url}/api/auth/setup`,
      jsonInit('POST', { email: 'a@example.com', password: 'a long password!', name: 'A' }),
    );
    const cookie = /owlhub_session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const answers = await Promise.all(
      servers.map(async ({ url }) => {
        const response = await fetch(`${url}/api/integrations/${integrationId}/sync`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ mode: 'full' }),
        });
        expect(response.status).toBe(202);
        return ((await response.json()) as { runId: string }).runId;
      }),
    );
    const runId = answers[0] ?? '';
    expect(answers[1]).toBe(runId);

    await until('a process to start the run', () =>
      servers.some((s) => attemptsAt(s, runId).length > 0),
    );
    const [owner, heir] = attemptsAt(first, runId).length > 0 ? [first, second] : [second, first];
    expect(attemptsAt(owner, runId)).toEqual([1]);
    await until('some units to commit', async () => {
      const run = await findSyncRun(storage.db, runId);
      return run !== undefined && run.done >= 300;
    });
    owner.child.kill('SIGKILL');
    await new Promise((resolve) => owner.child.once('exit', resolve));
    const killedAt = Date.now();
    sandbox.resetStats();
    const atKill = await findSyncRun(storage.db, runId);
    const { after } = readCheckpoint(
      (await findSyncState(storage.db, integrationId))?.checkpoint_json,
    );
    expect(atKill?.status).toBe('running');
    expect(atKill?.done).toBeLessThan(ISSUES);
    expect(after).toBeGreaterThan(0);

    await until('the other process to take the run over', () => attemptsAt(heir, runId).length > 0);
    const takeoverMs = Date.now() - killedAt;
    expect(attemptsAt(heir, runId)).toEqual([2]);
    // A three-second lease renewed every second, one-second maintenance, no retry delay.
    expect(takeoverMs).toBeLessThan(15_000);

    const read = async () =>
      (await (
        await fetch(`${heir.url}/api/sync-runs/${runId}`, { headers })
      ).json()) as SyncRunView;
    await until('the run to end', async () => (await read()).status !== 'running');
    const run = await read();
    expect(run).toMatchObject({ id: runId, status: 'succeeded' });
    // Resumed, not restarted: nothing counted twice, and only the rest fetched again.
    expect(run.counts.listed).toBe(ISSUES);
    const remainingUnits = Math.ceil((ISSUES - (atKill?.done ?? 0)) / 100);
    expect(sandbox.stats().byRoute[BULK] ?? 0).toBeLessThanOrEqual(remainingUnits);
    await expectParity(fixture);

    const runs = await fetch(`${heir.url}/api/integrations/${integrationId}/sync-runs`, {
      headers,
    });
    expect(((await runs.json()) as { items: SyncRunView[] }).items.map((r) => r.id)).toEqual([
      runId,
    ]);
  }, 120_000);
});
