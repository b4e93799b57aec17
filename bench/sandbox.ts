/**
 * Full-field issues served per second by a 100,000-issue sandbox: search/jql pages and bulkfetch,
 * against a baseline of GET /issue one at a time. The sandbox runs in a child process, so the
 * client's JSON parsing is not counted against it, and its own CPU time is measured too: the
 * sandbox is single-threaded, so issues per CPU-second is its throughput on one core even when
 * other work shares the machine.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { startSandbox } from '../src/sandbox/index.ts';
import { authHeader } from '../src/sandbox/test-client.ts';

const TargetSchema = z.object({
  url: z.string(),
  credentials: z.discriminatedUnion('flavor', [
    z.object({
      flavor: z.literal('cloud'),
      email: z.string(),
      apiToken: z.string(),
      accountId: z.string(),
    }),
    z.object({
      flavor: z.literal('datacenter'),
      username: z.string(),
      password: z.string(),
      personalAccessToken: z.string(),
    }),
  ]),
  keys: z.array(z.string()),
});
type Target = z.infer<typeof TargetSchema>;
const PageSchema = z.object({ issues: z.array(z.unknown()), nextPageToken: z.string().optional() });

interface Measurement {
  readonly label: string;
  readonly issues: number;
  readonly wallPerSec: number;
  readonly cpuPerSec: number;
}

const ISSUES = 100_000;
const GOAL = 2_000;
const SEARCH_ISSUES = 20_000;
const BULK_ISSUES = 20_000;
const BASELINE_ISSUES = 1_000;
const SERVE_FLAG = '--serve-sandbox';

async function post(target: Target, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { Authorization: authHeader(target.credentials), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function searchPages(target: Target): Promise<number> {
  let served = 0;
  let token: string | undefined;
  while (served < SEARCH_ISSUES) {
    const page = PageSchema.parse(
      await post(target, '/rest/api/3/search/jql', {
        jql: 'project is not EMPTY ORDER BY key',
        fields: ['*all'],
        maxResults: 100,
        ...(token === undefined ? {} : { nextPageToken: token }),
      }),
    );
    served += page.issues.length;
    token = page.nextPageToken;
    if (token === undefined) break;
  }
  return served;
}

async function bulkFetch(target: Target): Promise<number> {
  let served = 0;
  const keys = target.keys.slice(50_000, 50_000 + BULK_ISSUES);
  for (let i = 0; i < keys.length; i += 100) {
    const page = PageSchema.parse(
      await post(target, '/rest/api/3/issue/bulkfetch', {
        issueIdsOrKeys: keys.slice(i, i + 100),
        fields: ['*all'],
      }),
    );
    served += page.issues.length;
  }
  return served;
}

async function oneByOne(target: Target): Promise<number> {
  for (const key of target.keys.slice(90_000, 90_000 + BASELINE_ISSUES)) {
    const response = await fetch(`${target.url}/rest/api/3/issue/${key}`, {
      headers: { Authorization: authHeader(target.credentials) },
    });
    if (response.status !== 200) throw new Error(`GET issue answered ${response.status}`);
    await response.json();
  }
  return BASELINE_ISSUES;
}

/** Asks the child for its CPU time (user + system) in seconds. */
function childCpuSeconds(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(Number(message)));
    child.send('cpu');
  });
}

async function measure(
  child: ChildProcess,
  label: string,
  run: () => Promise<number>,
): Promise<Measurement> {
  const cpuBefore = await childCpuSeconds(child);
  const started = performance.now();
  const issues = await run();
  const wall = (performance.now() - started) / 1000;
  const cpu = (await childCpuSeconds(child)) - cpuBefore;
  const measurement = { label, issues, wallPerSec: issues / wall, cpuPerSec: issues / cpu };
  console.log(
    `${label.padEnd(44)} ${String(issues).padStart(6)} issues: ${Math.round(measurement.wallPerSec)}/s wall clock, ${Math.round(measurement.cpuPerSec)}/s per sandbox CPU-second`,
  );
  return measurement;
}

/** Child side: start the sandbox, report where it listens, answer CPU-time questions. */
async function serveSandbox(): Promise<void> {
  const sandbox = await startSandbox({ issues: ISSUES, projects: 10, seed: 1 });
  const keys = sandbox.listIssues().map((issue) => issue.key);
  process.on('message', () => {
    const usage = process.cpuUsage();
    process.send?.(String((usage.user + usage.system) / 1e6));
  });
  process.send?.({ url: sandbox.url, credentials: sandbox.credentials, keys } satisfies Target);
}

async function main(): Promise<void> {
  const started = performance.now();
  const child = fork(fileURLToPath(import.meta.url), [SERVE_FLAG], {
    execArgv: ['--import', 'tsx'],
  });
  try {
    const target = await new Promise<Target>((resolve, reject) => {
      child.once('message', (message) => resolve(TargetSchema.parse(message)));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`sandbox with ${ISSUES} issues ready in ${seconds} s at ${target.url}`);
    const search = await measure(child, 'search/jql, fields=*all, pages of <=100', () =>
      searchPages(target),
    );
    const bulk = await measure(child, 'issue/bulkfetch, fields=*all, 100 a request', () =>
      bulkFetch(target),
    );
    const baseline = await measure(child, 'baseline: GET /issue/{key} one at a time', () =>
      oneByOne(target),
    );
    const best = [search, bulk].reduce((a, b) => (b.cpuPerSec > a.cpuPerSec ? b : a));
    const load = os.loadavg()[0]?.toFixed(1) ?? '?';
    console.log('');
    console.log(
      `cores: ${os.availableParallelism()} (os.availableParallelism); load average during the run: ${load}`,
    );
    console.log(
      `full-field issues served per second on one core: ${Math.round(best.cpuPerSec)} (${best.label}); ` +
        `wall clock ${Math.round(best.wallPerSec)}/s; goal >= ${GOAL}/s: ${best.cpuPerSec >= GOAL ? 'met' : 'NOT met'}`,
    );
    console.log(
      `baseline, one GET per issue: ${Math.round(baseline.cpuPerSec)}/s per CPU-second, ${Math.round(baseline.wallPerSec)}/s wall clock`,
    );
  } finally {
    child.kill();
  }
}

if (process.argv.includes(SERVE_FLAG)) await serveSandbox();
else await main();
