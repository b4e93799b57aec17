import { z } from 'zod';
import { isValidTimeZone } from './domain/time.ts';

const DAY_MS = 86_400_000;

/** Limits and faults that can also be changed while the sandbox runs. */
export const LimitsSchema = z.object({
  /** Delay added to every response. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Requests served at once; more answer 429. 0 = unlimited. */
  maxConcurrent: z.number().int().min(0),
  /** Requests per second (token bucket, one second of burst); more answer 429. 0 = unlimited. */
  ratePerSec: z.number().min(0),
  /** Share of requests answered 500 or 503, between 0 and 1. */
  faultRate: z.number().min(0).max(1),
  /** Silent cap on full-field page sizes (search and comment pages). */
  pageCap: z.number().int().min(1).max(5000),
  /** Search sees the data as it was this long ago (Cloud's index is eventually consistent); 0 = at once. */
  searchLagMs: z.number().int().min(0).max(600_000),
});

/** Runtime limits, all set. */
export type Limits = z.infer<typeof LimitsSchema>;

const OptionsSchema = LimitsSchema.partial().extend({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  flavor: z.enum(['cloud', 'datacenter']).default('cloud'),
  basePath: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)*\/?$/, 'must be a path such as /jira')
    .transform((path) => path.replace(/\/$/, ''))
    .default(''),
  projects: z.number().int().min(1).max(500).default(3),
  issues: z.number().int().min(0).max(1_000_000).default(300),
  seed: z.number().int().default(1),
  timeZone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')
    .default('Europe/Berlin'),
  captchaAfterFailures: z.number().int().min(1).default(3),
  /** Generated dates end here (epoch ms); defaults to the start of today (UTC), so data is stable within a day. */
  anchorTime: z.number().int().optional(),
  /** Whether anonymous requests may browse projects (off, as on most real sites). */
  anonymousBrowse: z.boolean().default(false),
  /** The wait before each retry of a failed webhook delivery (Jira retries up to 5 times). */
  webhookRetryDelaysMs: z
    .array(z.number().int().min(0).max(3_600_000))
    .max(5)
    .default([1_000, 5_000, 15_000, 30_000, 60_000]),
  /** How long a webhook receiver may take to answer before the attempt counts as failed. */
  webhookTimeoutMs: z.number().int().min(1).max(60_000).default(10_000),
});

/** Options of `startSandbox`; every one is optional. */
export type SandboxOptions = z.input<typeof OptionsSchema>;

/** Options with defaults applied and checked. */
export type ResolvedOptions = z.output<typeof OptionsSchema> & {
  readonly anchorTime: number;
  readonly limits: Limits;
};

/** Checks options and applies defaults; throws a readable error listing every bad option. */
export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const result = OptionsSchema.safeParse(options);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid sandbox options: ${problems.join('; ')}`);
  }
  const parsed = result.data;
  return {
    ...parsed,
    anchorTime: parsed.anchorTime ?? Math.floor(Date.now() / DAY_MS) * DAY_MS,
    limits: {
      latencyMs: parsed.latencyMs ?? 0,
      maxConcurrent: parsed.maxConcurrent ?? 0,
      ratePerSec: parsed.ratePerSec ?? 0,
      faultRate: parsed.faultRate ?? 0,
      pageCap: parsed.pageCap ?? (parsed.flavor === 'cloud' ? 100 : 1000),
      searchLagMs: parsed.searchLagMs ?? 0,
    },
  };
}
