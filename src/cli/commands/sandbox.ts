import { Command } from 'commander';
import { parseSandboxFlags } from '../../sandbox/cli-options.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';

function describe(sandbox: Sandbox): string {
  const { credentials } = sandbox;
  const lines = [
    `Jira sandbox (${sandbox.flavor === 'cloud' ? 'Cloud' : 'Data Center'}) running at ${sandbox.url}`,
    '',
    'Connect with:',
    `  Jira Site URL: ${sandbox.url}`,
  ];
  if (credentials.flavor === 'cloud') {
    lines.push(`  User Email:    ${credentials.email}`, `  API Token:     ${credentials.apiToken}`);
  } else {
    lines.push(
      `  Access Token (PAT): ${credentials.personalAccessToken}`,
      `  or username/password: ${credentials.username} / ${credentials.password}`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.');
  return `${lines.join('\n')}\n`;
}

/** `owlhub sandbox`: runs a local Jira-compatible server with generated data until interrupted. */
export function sandboxCommand(): Command {
  return new Command('sandbox')
    .description('Run a local Jira-compatible server (Cloud or Data Center) with generated data')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--flavor <flavor>', 'cloud or datacenter', 'cloud')
    .option('--base-path <path>', 'context path, such as /jira')
    .option('--projects <n>', 'number of projects')
    .option('--issues <n>', 'number of issues')
    .option('--seed <n>', 'seed for the generated data')
    .option('--time-zone <tz>', "the Jira user's time zone, such as Europe/Berlin")
    .option('--latency-ms <n>', 'delay added to every response')
    .option('--max-concurrent <n>', 'requests served at once before 429')
    .option('--rate-per-sec <n>', 'requests per second before 429')
    .option('--fault-rate <x>', 'share of requests answered 500/503 (0 to 1)')
    .option('--page-cap <n>', 'silent cap on full-field page sizes')
    .option(
      '--search-lag-ms <n>',
      'search sees changes only after this delay (eventual consistency)',
    )
    .option('--json', 'print the URL and credentials as one JSON object')
    .action(async (flags: Record<string, unknown>, command: Command) => {
      const { json, ...rest } = flags;
      const parsed = parseSandboxFlags(rest);
      if ('errors' in parsed) command.error(`owlhub sandbox: ${parsed.errors.join('; ')}`);
      else await run(parsed.options, json === true, command);
    });
}

async function run(
  options: Parameters<typeof startSandbox>[0],
  json: boolean,
  command: Command,
): Promise<void> {
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    command.error(`owlhub sandbox: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(
    json
      ? `${JSON.stringify({ url: sandbox.url, flavor: sandbox.flavor, credentials: sandbox.credentials })}\n`
      : describe(sandbox),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.stop();
}
