import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { MirrorIssue, Page } from '../../shared/mirror.ts';
import type { Storage } from '../../storage/connect.ts';
import { insertIntegration } from '../../storage/integrations.ts';
import { writeIssueBatch } from '../../storage/mirror-batch.ts';
import { integrationRow, searchableIssue } from '../../storage/testing/search-fixtures.ts';

describe.each(DIALECTS)('GET /api/integrations/:id/issues?q= on %s', (dialect) => {
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage);
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: 'a long password!', name: 'Admin' },
      true,
    );
    await insertIntegration(storage.db, integrationRow('i1'));
    await writeIssueBatch(storage.db, {
      integrationId: 'i1',
      at: '2026-11-23T12:00:00.000Z',
      users: [],
      issues: ['01', '02', '03', '04', '05'].map((day, i) => ({
        row: searchableIssue(i + 1, `WEB-${i + 1}`, day, {
          summary: i % 2 === 0 ? 'Authentication fails' : 'Export works',
        }),
        comments: [],
      })),
    });
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  const page = async (query: string) => {
    const response = await admin.get(`/api/integrations/i1/issues?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Page<MirrorIssue>;
  };

  it('pages a search by cursor in list order', async () => {
    const first = await page('q=auth&limit=2');
    expect(first.items.map((i) => i.key)).toEqual(['WEB-5', 'WEB-3']);
    const second = await page(`q=auth&limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((i) => i.key)).toEqual(['WEB-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 200 to any text, syntax included, and 400 to an overlong one', async () => {
    for (const q of [
      '"auth',
      'auth*',
      'auth:*',
      'a & b',
      '(auth',
      '-auth',
      'NEAR(auth)',
      "'",
      '\\',
    ]) {
      await page(`q=${encodeURIComponent(q)}`);
    }
    expect((await page(`q=${encodeURIComponent('"AUTH" (fails):*')}`)).items).toHaveLength(3);
    const long = await admin.get(`/api/integrations/i1/issues?q=${'a'.repeat(501)}`);
    expect(long.status).toBe(400);
  });
});
