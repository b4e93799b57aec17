import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../../src/sandbox/index.ts';

const BIN = fileURLToPath(new URL('../../bin/owlhub.js', import.meta.url));

/** What one CLI run printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `owlhub ARGS` as a user would, with `env` added and `stdin` piped in. */
export function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Adds the Cloud sandbox through `owlhub integrations add` and answers the new integration's id. */
export async function addCloudIntegrationByCli(
  env: Record<string, string>,
  jira: Sandbox,
): Promise<string> {
  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  const { email, apiToken } = jira.credentials;
  const args = ['integrations', 'add', 'jira', '--site', jira.url, '--email', email];
  const add = await runCli(
    [...args, '--token-stdin', '--allow-insecure-http'],
    env,
    `${apiToken}\n`,
  );
  if (add.code !== 0) throw new Error(`integrations add failed: ${add.stderr}`);
  return (await runCli(['integrations', 'list'], env)).stdout.split(' ')[0] ?? '';
}
