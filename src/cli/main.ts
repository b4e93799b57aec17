import { Command } from 'commander';
import { ApiError } from '../server/errors.ts';
import { integrationsCommand } from './commands/integrations.ts';
import { issueActionsCommand } from './commands/issue-actions.ts';
import { issuesCommand } from './commands/issues.ts';
import { migrateCommand } from './commands/migrate.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { secretsCommand } from './commands/secrets.ts';
import { serveCommand } from './commands/serve.ts';
import { syncCommand } from './commands/sync.ts';
import { usersCommand } from './commands/users.ts';
import { CliInputError } from './secret-input.ts';

// `owlhub integrations list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('owlhub')
  .description('OwlHub: connect Jira, mirror it, act on it')
  .addCommand(serveCommand())
  .addCommand(migrateCommand())
  .addCommand(usersCommand())
  .addCommand(integrationsCommand())
  .addCommand(syncCommand())
  .addCommand(issuesCommand())
  .addCommand(issueActionsCommand())
  .addCommand(secretsCommand())
  .addCommand(sandboxCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Mistakes and expected refusals read as one plain sentence; anything else keeps its stack.
  if (error instanceof CliInputError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof ApiError) {
    process.stderr.write(
      `${error.message}${error.details.hint ? `\n${error.details.hint}` : ''}\n`,
    );
    process.exitCode = 1;
  } else {
    throw error;
  }
}
