/** Parsers for API answers, each typed against the shared contract so that a drift fails typecheck. */
import { z } from 'zod';
import {
  IntegrationViewSchema,
  SiteDetectionViewSchema,
} from '../src/shared/integration-schemas.ts';
import { SyncRunViewSchema } from '../src/shared/sync-run-schemas.ts';

/** OwlHub's roles, lowest to highest. */
export const ROLES = ['viewer', 'member', 'admin'] as const;

/** An OwlHub role. */
export type Role = (typeof ROLES)[number];

/** An account as /api/auth/me shows it. */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
});

/** The logged-in account. */
export type User = z.infer<typeof UserSchema>;

/** What an admin enters to create an account. */
export interface NewUser {
  name: string;
  email: string;
  role: Role;
  password: string;
}

/** What setup, login and /me answer. */
export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string().nullable() });

/** One integration as GET /api/integrations/:id shows it. */
export const IntegrationSchema = IntegrationViewSchema;

/** GET /api/integrations. */
export const IntegrationListSchema = z.object({ items: z.array(IntegrationSchema) });

/** GET /api/integrations/detect. */
export const SiteDetectionSchema = SiteDetectionViewSchema;

/** GET /api/auth/setup: whether first-run setup is still open. */
export const SetupStatusSchema = z.object({ open: z.boolean() });

/** A 204 answer. */
export const NoContentSchema = z.undefined();

/** One sync run with its progress (GET /api/sync-runs/:runId). */
export const SyncRunSchema = SyncRunViewSchema;

/** GET /api/integrations/:id/sync-runs, newest first. */
export const SyncRunListSchema = z.object({ items: z.array(SyncRunSchema) });

/** POST /api/integrations/:id/sync: the run queued, or the one already queued or running. */
export const SyncStartedSchema = z.object({ runId: z.string(), alreadyRunning: z.boolean() });
