import { Command, Option } from 'commander';
import { z } from 'zod';
import { createUser } from '../../accounts/users.ts';
import { ApiError } from '../../server/errors.ts';
import { EmailSchema, NameSchema, PasswordSchema, RoleSchema } from '../../server/schemas.ts';
import { storageTargetFor } from '../../server/storage-target.ts';
import { openStorage } from '../../storage/connect.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { configFromEnvironment } from '../environment.ts';
import { readSecret } from '../read-secret.ts';

const NewUserSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: RoleSchema,
  password: PasswordSchema,
});

/** `owlhub users create`: makes an account; the password comes from stdin or a prompt, never argv. */
export function usersCommand(): Command {
  const create = new Command('create')
    .description('Create an account (password read from stdin, or prompted for)')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--name <name>', 'display name')
    .addOption(
      new Option('--role <role>', 'role').choices(['admin', 'member', 'viewer']).default('member'),
    )
    .action(async (options: Record<string, unknown>) => {
      const password = await readSecret('Password (12+ characters): ');
      const parsed = NewUserSchema.safeParse({ ...options, password });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
        process.exitCode = 2;
        return;
      }
      const storage = openStorage(storageTargetFor(configFromEnvironment()));
      try {
        const migrated = await migrateToLatest(storage.db);
        if (migrated.error) throw migrated.error;
        const user = await createUser(storage.db, parsed.data, new Date());
        process.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      } finally {
        await storage.close();
      }
    });
  return new Command('users').description('Manage OwlHub accounts').addCommand(create);
}
