import { z } from 'zod';

/** Where the benchmark's sandbox listens and how to sign in (Cloud flavour). */
export const TargetSchema = z.object({
  url: z.string(),
  email: z.string(),
  apiToken: z.string(),
  issues: z.number().int(),
  /** Issues with more comments than an issue embeds, and how many they have. */
  longThreads: z.array(z.object({ id: z.string(), comments: z.number().int() })),
});

/** The sandbox a variant talks to. */
export type Target = z.infer<typeof TargetSchema>;

/** What one variant reports from its own process. */
export const VariantResultSchema = z.object({
  wallMs: z.number(),
  /** Peak resident set of the variant's process, in bytes. */
  maxRssBytes: z.number(),
  /** CPU time (user + system) of the variant's process. */
  cpuMs: z.number(),
  /** CPU time the sandbox spent serving the variant. */
  sandboxCpuMs: z.number(),
  requests: z.number().int(),
  issues: z.number().int(),
  note: z.string(),
});

/** One variant's figures. */
export type VariantResult = z.infer<typeof VariantResultSchema>;

/** The HTTP Basic header of the sandbox's main account. */
export function basicAuth(target: Target): string {
  return `Basic ${Buffer.from(`${target.email}:${target.apiToken}`).toString('base64')}`;
}

/** POSTs JSON to the sandbox and returns the response; anything but 200 is a bench failure. */
export function post(target: Target, path: string, body: unknown): Promise<Response> {
  return send(target, path, {
    method: 'POST',
    headers: { Authorization: basicAuth(target), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** GETs from the sandbox; anything but 200 is a bench failure. */
export function get(target: Target, path: string): Promise<Response> {
  return send(target, path, { headers: { Authorization: basicAuth(target) } });
}

async function send(target: Target, path: string, init: RequestInit): Promise<Response> {
  const response = await fetch(`${target.url}${path}`, init);
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}
