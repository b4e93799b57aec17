import { Command, Option } from 'commander';
import { parseCreateIntegration } from '../../integrations/input.ts';
import {
  createIntegration,
  getIntegrationRow,
  listIntegrationViews,
  removeIntegration,
} from '../../integrations/manage.ts';
import { integrationRowToView } from '../../integrations/records.ts';
import { replaceSecret } from '../../integrations/update.ts';
import { verifyAndStore } from '../../integrations/verify-job.ts';
import type { IntegrationView } from '../../shared/integrations.ts';
import { withCoreDeps } from '../core-deps.ts';
import { describeIntegration, listLine } from '../print-integration.ts';
import { CliInputError, readTokenOption } from '../secret-input.ts';
import type { SecretSourceOptions } from '../secret-input.ts';

const tokenOptions = (command: Command): Command =>
  command
    .option('--token-stdin', 'read the token (or password) from stdin, or prompt for it')
    .option(
      '--token-env <variable>',
      'read the token (or password) from this environment variable',
    );

interface AddOptions extends SecretSourceOptions {
  site: string;
  email?: string;
  username?: string;
  name?: string;
  allowInsecureHttp?: boolean;
}

/** `owlhub integrations …`: add, list, show, verify, rotate-token, remove. */
export function integrationsCommand(): Command {
  const add = tokenOptions(
    new Command('add')
      .argument('<type>', 'integration type (jira)')
      .description('Add an integration and verify it at once')
      .requiredOption('--site <url>', 'Jira site URL, e.g. https://your-domain.atlassian.net')
      .option('--email <email>', 'account email (Jira Cloud)')
      .option('--username <name>', 'username, with a password as the secret (old Jira servers)')
      .option('--name <name>', 'a name for the integration')
      .addOption(
        new Option('--allow-insecure-http', 'accept that the token travels over plain HTTP'),
      ),
  ).action(async (type: string, options: AddOptions) => {
    const secret = await readTokenOption(options, options.username ? 'Password: ' : 'API token: ');
    const parsed = parseCreateIntegration({
      type,
      siteUrl: options.site,
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.email === undefined ? {} : { email: options.email }),
      ...(options.username === undefined
        ? { token: secret }
        : { username: options.username, password: secret }),
      allowInsecureHttp: options.allowInsecureHttp === true,
    });
    if (!parsed.ok) {
      throw new CliInputError(
        Object.entries(parsed.fields)
          .map(([field, message]) => `${field}: ${message}`)
          .join('\n'),
      );
    }
    const view = await withCoreDeps(async (deps) => {
      const row = await createIntegration(deps, parsed.value, null);
      await verifyAndStore(deps, row.id, row.settings_version);
      return integrationRowToView(await getIntegrationRow(deps, row.id));
    });
    finish(view);
  });

  const list = new Command('list')
    .description('List integrations with their status')
    .action(async () => {
      const views = await withCoreDeps((deps) => listIntegrationViews(deps));
      if (views.length === 0)
        process.stdout.write('No integrations yet: add one with `owlhub integrations add jira`.\n');
      for (const view of views) process.stdout.write(listLine(view));
    });

  const show = new Command('show')
    .argument('<id>')
    .description('Show an integration with its last verification checklist')
    .action(async (id: string) => {
      const view = await withCoreDeps(async (deps) =>
        integrationRowToView(await getIntegrationRow(deps, id)),
      );
      process.stdout.write(describeIntegration(view));
    });

  const verify = new Command('verify')
    .argument('<id>')
    .description('Verify an integration now and print the checklist')
    .action(async (id: string) => {
      const view = await withCoreDeps(async (deps) => {
        const row = await getIntegrationRow(deps, id);
        await verifyAndStore(deps, row.id, row.settings_version);
        return integrationRowToView(await getIntegrationRow(deps, id));
      });
      finish(view);
    });

  const rotateToken = tokenOptions(
    new Command('rotate-token')
      .argument('<id>')
      .description('Replace the token; the new one is verified before it is used'),
  ).action(async (id: string, options: SecretSourceOptions) => {
    const secret = await readTokenOption(options, 'New token: ');
    finish(await withCoreDeps((deps) => replaceSecret(deps, id, secret)));
  });

  const remove = new Command('remove')
    .argument('<id>')
    .description('Delete an integration, its credentials and its mirrored data')
    .action(async (id: string) => {
      await withCoreDeps((deps) => removeIntegration(deps, id));
      process.stdout.write(`Removed ${id}.\n`);
    });

  return new Command('integrations')
    .description('Manage integrations')
    .addCommand(add)
    .addCommand(list)
    .addCommand(show)
    .addCommand(verify)
    .addCommand(rotateToken)
    .addCommand(remove);
}

function finish(view: IntegrationView): void {
  process.stdout.write(describeIntegration(view));
  if (view.status !== 'connected') process.exitCode = 1;
}
