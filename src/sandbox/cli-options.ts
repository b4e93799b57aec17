import { z } from 'zod';
import type { SandboxOptions } from './options.ts';

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `--${name} must be between ${min} and ${max}`);

/** The `owlhub sandbox` flags as commander hands them over (strings), checked and converted. */
const FlagsSchema = z.object({
  port: integer('port', 0, 65_535).optional(),
  flavor: z
    .enum(['cloud', 'datacenter'], { error: '--flavor must be cloud or datacenter' })
    .optional(),
  basePath: z
    .string()
    .regex(/^\/[A-Za-z0-9._~/-]*$/, '--base-path must start with / (for example /jira)')
    .optional(),
  projects: integer('projects', 1, 500).optional(),
  issues: integer('issues', 0, 1_000_000).optional(),
  seed: integer('seed', 0, 2 ** 31 - 1).optional(),
  timeZone: z.string().optional(),
  latencyMs: integer('latency-ms', 0, 60_000).optional(),
  maxConcurrent: integer('max-concurrent', 0, 100_000).optional(),
  ratePerSec: integer('rate-per-sec', 0, 1_000_000).optional(),
  faultRate: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, '--fault-rate must be a number between 0 and 1')
    .transform(Number)
    .optional(),
  pageCap: integer('page-cap', 1, 5000).optional(),
  searchLagMs: integer('search-lag-ms', 0, 600_000).optional(),
});

/** Checks CLI flags; returns the sandbox options or every problem, one message per flag. */
export function parseSandboxFlags(
  flags: Record<string, unknown>,
): { options: SandboxOptions } | { errors: string[] } {
  const result = FlagsSchema.safeParse(flags);
  if (!result.success) return { errors: result.error.issues.map((issue) => issue.message) };
  const options: SandboxOptions = {};
  for (const [key, value] of Object.entries(result.data))
    if (value !== undefined) Object.assign(options, { [key]: value });
  return { options };
}
