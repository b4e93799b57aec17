import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(import.meta.dirname, '../../..');
const STAMP = join(ROOT, 'test-output/web-build.hash');
const LOCK = join(ROOT, 'test-output/web-build.lock');
const SOURCES = ['web', 'src/shared'];

/**
 * Builds the web app into dist/web (what the server serves) unless it is already built from these
 * sources. Test files run in parallel processes, so one builds under a lock and the others wait.
 */
export async function ensureWebBuild(): Promise<void> {
  const hash = hashSources();
  if (readStamp() === hash) return;
  await withLock(async () => {
    if (readStamp() === hash) return;
    // Imported only when a build is due: loading Vite costs every test file a second or more.
    const { build } = await import('vite');
    await build({ root: join(ROOT, 'web'), logLevel: 'warn' });
    writeFileSync(STAMP, hash);
  });
}

function hashSources(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((dir) => listFiles(join(ROOT, dir))).sort()) {
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function readStamp(): string | null {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return null;
  }
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
