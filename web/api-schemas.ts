/** Parsers for API answers, each typed against the shared contract so that a drift fails typecheck. */
import { z } from 'zod';
import { VERIFICATION_ERROR_CODES } from '../src/shared/error-codes.ts';
import type {
  IntegrationView,
  SiteDetection,
  VerificationCheck,
} from '../src/shared/integrations.ts';
import { CHECK_NAMES } from '../src/shared/integrations.ts';

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

const DeploymentSchema = z.enum(['cloud', 'server', 'datacenter']);

const ErrorSchema = z.object({
  code: z.enum(VERIFICATION_ERROR_CODES),
  message: z.string(),
  hint: z.string(),
});

const CheckSchema: z.ZodType<VerificationCheck> = z.object({
  name: z.enum(CHECK_NAMES),
  status: z.enum(['passed', 'failed', 'skipped', 'warning']),
  durationMs: z.number(),
  detail: z.string(),
});

/** One integration as GET /api/integrations/:id shows it. */
export const IntegrationSchema: z.ZodType<IntegrationView> = z.object({
  id: z.string(),
  type: z.literal('jira'),
  name: z.string(),
  siteUrl: z.string(),
  deployment: DeploymentSchema.nullable(),
  authType: z.enum(['cloud_token', 'personal_access_token', 'basic_password']),
  email: z.string().nullable(),
  username: z.string().nullable(),
  tokenHint: z.string().nullable(),
  allowInsecureHttp: z.boolean(),
  status: z.enum(['pending', 'connected', 'failed']),
  error: ErrorSchema.nullable(),
  account: z
    .object({
      displayName: z.string(),
      emailAddress: z.string().nullable(),
      username: z.string().nullable(),
      accountId: z.string().nullable(),
      timeZone: z.string().nullable(),
    })
    .nullable(),
  deploymentInfo: z
    .object({
      deployment: DeploymentSchema,
      version: z.string(),
      baseUrl: z.string(),
      serverTitle: z.string().nullable(),
    })
    .nullable(),
  access: z
    .object({ visibleProjects: z.number(), permissions: z.record(z.string(), z.boolean()) })
    .nullable(),
  checks: z.array(CheckSchema),
  lastVerifiedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** GET /api/integrations. */
export const IntegrationListSchema = z.object({ items: z.array(IntegrationSchema) });

/** GET /api/integrations/detect. */
export const SiteDetectionSchema: z.ZodType<SiteDetection> = z.object({
  siteUrl: z.string(),
  deployment: DeploymentSchema.nullable(),
  version: z.string().nullable(),
  error: ErrorSchema.nullable(),
});

/** A 204 answer. */
export const NoContentSchema = z.undefined();
