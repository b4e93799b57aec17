import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(import.meta.dirname, '../../..');
const BUILT = join(ROOT, 'dist/web/index.html');
const LOCK = join(ROOT, 'test-output/web-build.lock');
const SOURCES = ['web', 'src/shared', 'package-lock.json'];

/**
 * Builds the web app into dist/web (what the server serves) unless it is newer than every source,
 * as after `npm ci` (whose prepare step builds it). Test files run in parallel processes, so one
 * builds under a lock and the others wait.
 */
export async function ensureWebBuild(): Promise<void> {
  if (isFresh()) return;
  await withLock(async () => {
    if (isFresh()) return;
    // Imported only when a build is due: loading Vite costs every test file a second or more.
    const { build } = await import('vite');
    await build({ root: join(ROOT, 'web'), logLevel: 'warn' });
  });
}

function isFresh(): boolean {
  const built = statSync(BUILT, { throwIfNoEntry: false })?.mtimeMs;
  return built !== undefined && newestSource() < built;
}

function newestSource(): number {
  return Math.max(...SOURCES.flatMap((path) => modifiedTimes(join(ROOT, path))));
}

function modifiedTimes(path: string): number[] {
  const stats = statSync(path);
  if (!stats.isDirectory()) return [stats.mtimeMs];
  return readdirSync(path).flatMap((name) => modifiedTimes(join(path, name)));
}

/** mkdir is atomic, so it works as a lock between processes; a lock older than a minute is stale. */
async function withLock(work: () => Promise<void>): Promise<void> {
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmdirSync(LOCK);
      await sleep(100);
    }
  }
  try {
    await work();
  } finally {
    rmdirSync(LOCK);
  }
}
