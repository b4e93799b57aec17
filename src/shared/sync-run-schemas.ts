/**
 * The sync-run contract as zod schemas, for the server's responses and the web app's parsers;
 * `satisfies` keeps them equal to the types in mirror.ts.
 */
import { z } from 'zod';
import type { SyncCounts, SyncError, SyncRunView } from './mirror.ts';

/** What a run did, item by item. */
export const SyncCountsSchema = z.object({
  listed: z.number(),
  written: z.number(),
  stale: z.number(),
  deleted: z.number(),
  comments: z.number(),
  unreadable: z.number(),
}) satisfies z.ZodType<SyncCounts>;

/** Why a run did not succeed. */
export const SyncErrorSchema = z.object({
  code: z.enum([
    'not_connected',
    'invalid_credentials',
    'forbidden',
    'rate_limited',
    'jira_error',
    'cancelled',
  ]),
  message: z.string(),
}) satisfies z.ZodType<SyncError>;

/** A sync run with its progress, as GET /api/sync-runs/:runId shows it. */
export const SyncRunViewSchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  mode: z.enum(['full', 'incremental']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  phase: z.string(),
  counts: SyncCountsSchema,
  done: z.number(),
  total: z.number().nullable(),
  rate: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: SyncErrorSchema.exactOptional(),
}) satisfies z.ZodType<SyncRunView>;
