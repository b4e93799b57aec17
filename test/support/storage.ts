import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Storage, StorageTarget } from '../../src/storage/connect.ts';
import { openStorage } from '../../src/storage/connect.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';

/** Both databases every storage, job and sync test runs against. */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** The server tests make their databases on; CI and developer machines run one here. */
export const TEST_POSTGRES_URL =
  process.env.OWLHUB_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty database of its own for one test. */
export interface TestDatabase {
  target: StorageTarget;
  drop(): Promise<void>;
}

/** Creates a new database (a temp SQLite file, or a new PostgreSQL database) that no other test sees. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'owlhub-test-'));
    return {
      target: { dialect, path: join(dir, 'owlhub.sqlite') },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `owlhub_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    target: { dialect, url: url.toString(), maxConnections: 5 },
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

/** Opens a fresh migrated database; close() also drops it. */
export async function createTestStorage(dialect: Dialect): Promise<Storage> {
  const database = await createTestDatabase(dialect);
  const storage = openStorage(database.target);
  const outcome = await migrateToLatest(storage.db);
  if (outcome.error) throw outcome.error;
  return {
    ...storage,
    close: async () => {
      await storage.close();
      await database.drop();
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
