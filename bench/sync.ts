/**
 * `npm run bench:sync [-- --issues N] [-- --variants floor,exact-floor,owlhub,naive] [-- --cpu-prof DIR]`:
 * how close OwlHub's full sync comes to the limit a Jira site sets. One sandbox (Cloud flavour,
 * 100 ms per request, at most 8 requests at once, page cap 100) serves, one after the other: an
 * ideal client that only moves bytes (the floor); the same client also reading the comment pages
 * an exact mirror needs (the exact floor: Jira embeds 100 comments, and longer threads take pages of
 * their own); OwlHub's full sync into a real migrated SQLite database; and a naive sequential sync. The sandbox and every variant run in processes of their own, each loading only
 * its own code, so that no one's CPU time or peak memory is counted against another.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Target, VariantResult } from './sync/protocol.ts';
import { TargetSchema, VariantResultSchema } from './sync/protocol.ts';

const LATENCY_MS = 100;
const MAX_CONCURRENT = 8;
const PAGE_CAP = 100;
const ID_PAGE = 5000;
const BULK = 100;
const VARIANTS = ['floor', 'exact-floor', 'owlhub', 'naive'] as const;
/** Comments an issue embeds on the sandbox, as on Cloud. */
const EMBEDDED_COMMENTS = 100;
type Variant = (typeof VARIANTS)[number];

const SELF = fileURLToPath(import.meta.url);
const StatsSchema = z.object({ requests: z.number().int(), cpuMs: z.number() });

/** Child side of a variant: run it, then report its figures with this process's peak memory. */
async function runVariant(variant: Variant, target: Target): Promise<VariantResult> {
  const maxRss = () => process.resourceUsage().maxRSS * 1024;
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  switch (variant) {
    case 'floor':
    case 'exact-floor': {
      const { runFloorClient } = await import('./sync/floor-client.ts');
      const exact = variant === 'exact-floor';
      const longThreads = new Map(
        exact ? target.longThreads.map((thread) => [thread.id, thread.comments]) : [],
      );
      const started = performance.now();
      const run = await runFloorClient(target, MAX_CONCURRENT, longThreads);
      const wallMs = performance.now() - started;
      if (run.issues !== target.issues) throw new Error(`floor read ${run.issues} issues`);
      return {
        wallMs,
        maxRssBytes: maxRss(),
        cpuMs: cpuMs(),
        sandboxCpuMs: 0,
        requests: run.requests,
        issues: run.issues,
        note: exact
          ? `and the comment pages of the ${longThreads.size} issues with over ${EMBEDDED_COMMENTS} comments`
          : `id-only pages held up to ${run.idPageSize} ids`,
      };
    }
    case 'owlhub': {
      const { runOwlHubSync } = await import('./sync/owlhub-variant.ts');
      const run = await runOwlHubSync(target);
      if (run.stored !== target.issues) throw new Error(`OwlHub stored ${run.stored} issues`);
      return {
        wallMs: run.wallMs,
        maxRssBytes: maxRss(),
        cpuMs: cpuMs(),
        sandboxCpuMs: 0,
        requests: 0,
        issues: run.stored,
        note: `stored and queryable: count(*) = ${run.stored}`,
      };
    }
    case 'naive': {
      const { runNaiveSync } = await import('./sync/naive-variant.ts');
      const run = await runNaiveSync(target);
      return {
        wallMs: run.wallMs,
        maxRssBytes: maxRss(),
        cpuMs: cpuMs(),
        sandboxCpuMs: 0,
        requests: run.requests,
        issues: run.stored,
        note: `stored: count(*) = ${run.stored}`,
      };
    }
  }
}

function firstMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

async function ask(
  sandbox: ChildProcess,
  question: 'stats' | 'reset',
): Promise<z.infer<typeof StatsSchema>> {
  const answer = firstMessage(sandbox);
  sandbox.send(question);
  return StatsSchema.parse(await answer);
}

/** Runs one variant in a fresh process and counts the requests the sandbox served it. */
async function measure(
  sandbox: ChildProcess,
  variant: Variant,
  target: Target,
  profileDir: string | undefined,
): Promise<VariantResult> {
  const before = await ask(sandbox, 'reset');
  // A CPU profile of the variant alone, to weigh a change by CPU time rather than by the wall time
  // of a shared machine.
  const profile = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const child = fork(SELF, ['--variant', variant, '--target', JSON.stringify(target)], {
    execArgv: ['--import', 'tsx', ...profile],
  });
  const exited = once(child, 'exit');
  const result = VariantResultSchema.parse(await firstMessage(child));
  await exited;
  const after = await ask(sandbox, 'stats');
  return { ...result, requests: after.requests, sandboxCpuMs: after.cpuMs - before.cpuMs };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

function printReport(issues: number, results: Partial<Record<Variant, VariantResult>>): void {
  const idPages = Math.ceil(issues / ID_PAGE);
  const bulkRounds = Math.ceil(issues / BULK) / MAX_CONCURRENT;
  const boundMs = (idPages + bulkRounds) * LATENCY_MS;
  const cappedIdPages = Math.ceil(issues / PAGE_CAP);
  console.log(
    `\n${issues} issues, ${LATENCY_MS} ms a request, at most ${MAX_CONCURRENT} at once, page cap ${PAGE_CAP}`,
  );
  console.log(
    `latency-only bound: (${idPages} id pages + ${bulkRounds} bulk rounds) x ${LATENCY_MS} ms = ${seconds(boundMs)}`,
  );
  console.log(
    `  the cap applies to full-field pages; were id-only pages capped at ${PAGE_CAP} too, listing alone would take ${cappedIdPages} sequential pages: ${seconds((cappedIdPages + bulkRounds) * LATENCY_MS)}`,
  );
  for (const variant of VARIANTS) {
    const r = results[variant];
    if (r === undefined) continue;
    console.log(
      `${variant.padEnd(11)} ${seconds(r.wallMs).padStart(9)} wall  ${String(r.requests).padStart(6)} requests  peak RSS ${megabytes(r.maxRssBytes).padStart(7)}  CPU ${seconds(r.cpuMs)} (sandbox ${seconds(r.sandboxCpuMs)})  ${r.note}`,
    );
  }
  const { floor, owlhub, naive } = results;
  const exactFloor = results['exact-floor'];
  if (owlhub !== undefined && floor !== undefined) {
    const ratio = owlhub.wallMs / floor.wallMs;
    console.log(
      `OwlHub / floor: ${ratio.toFixed(2)}x (goal <= 1.3x: ${ratio <= 1.3 ? 'met' : 'NOT met'})`,
    );
  }
  if (owlhub !== undefined && exactFloor !== undefined) {
    const ratio = owlhub.wallMs / exactFloor.wallMs;
    console.log(
      `OwlHub / exact floor: ${ratio.toFixed(2)}x (the requests an exact mirror cannot do without)`,
    );
  }
  if (owlhub !== undefined && naive !== undefined) {
    const ratio = naive.wallMs / owlhub.wallMs;
    console.log(
      `naive / OwlHub: ${ratio.toFixed(2)}x (goal >= 6x: ${ratio >= 6 ? 'met' : 'NOT met'})`,
    );
  }
  if (owlhub !== undefined) {
    const ok = owlhub.maxRssBytes < 300 * 2 ** 20;
    console.log(
      `OwlHub peak RSS: ${megabytes(owlhub.maxRssBytes)} (goal < 300 MB: ${ok ? 'met' : 'NOT met'})`,
    );
  }
}

async function main(
  issues: number,
  variants: readonly Variant[],
  profileDir: string | undefined,
): Promise<void> {
  const sandbox = fork(SELF, ['--serve-sandbox', String(issues)], {
    execArgv: ['--import', 'tsx'],
  });
  try {
    const target = TargetSchema.parse(await firstMessage(sandbox));
    const results: Partial<Record<Variant, VariantResult>> = {};
    for (const variant of variants) {
      results[variant] = await measure(sandbox, variant, target, profileDir);
      console.log(`${variant}: ${seconds(results[variant].wallMs)}`);
    }
    printReport(issues, results);
  } finally {
    sandbox.kill();
  }
}

/** Sandbox side: serve, report where, answer request-count questions. */
async function serveSandbox(issues: number): Promise<void> {
  const { startSandbox } = await import('../src/sandbox/index.ts');
  const sandbox = await startSandbox({
    flavor: 'cloud',
    issues,
    projects: 10,
    seed: 1,
    latencyMs: LATENCY_MS,
    maxConcurrent: MAX_CONCURRENT,
    pageCap: PAGE_CAP,
  });
  const { credentials } = sandbox;
  if (credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  process.on('message', (question) => {
    if (question === 'reset') sandbox.resetStats();
    const usage = process.cpuUsage();
    process.send?.({ requests: sandbox.requestCount, cpuMs: (usage.user + usage.system) / 1000 });
  });
  process.send?.({
    url: sandbox.url,
    email: credentials.email,
    apiToken: credentials.apiToken,
    issues,
    longThreads: sandbox
      .listIssues()
      .filter((issue) => issue.commentCount > EMBEDDED_COMMENTS)
      .map((issue) => ({ id: issue.id, comments: issue.commentCount })),
  } satisfies Target);
}

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '20000' },
    variants: { type: 'string', default: VARIANTS.join(',') },
    variant: { type: 'string' },
    target: { type: 'string' },
    'serve-sandbox': { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const VariantSchema = z.enum(VARIANTS);

if (values['serve-sandbox'] !== undefined) {
  await serveSandbox(Number(values['serve-sandbox']));
} else if (values.variant !== undefined) {
  const target = TargetSchema.parse(JSON.parse(values.target ?? ''));
  const result = await runVariant(VariantSchema.parse(values.variant), target);
  // Exiting by itself (not killed by the parent) lets a --cpu-prof child write its profile.
  process.send?.(result, () => process.exit(0));
} else {
  const issues = z.coerce.number().int().min(1).max(1_000_000).parse(values.issues);
  await main(issues, z.array(VariantSchema).parse(values.variants.split(',')), values['cpu-prof']);
}
