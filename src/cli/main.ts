import { Command } from 'commander';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { usersCommand } from './commands/users.ts';

const program = new Command('owlhub')
  .description('OwlHub: connect Jira, mirror it, act on it')
  .addCommand(serveCommand())
  .addCommand(migrateCommand())
  .addCommand(usersCommand());

await program.parseAsync(process.argv);
