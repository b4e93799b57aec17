import { Command } from 'commander';
import { allSecretsOnCurrentKey, reencryptAllSecrets } from '../../integrations/reencrypt.ts';
import type { ReencryptionReport } from '../../integrations/reencrypt.ts';
import { describeKeyError, keyFilePath } from '../../server/keyring.ts';
import { retireOldKeys, rotateKeyFile } from '../../secrets/index.ts';
import { withCoreDeps } from '../core-deps.ts';
import { configFromEnvironment } from '../environment.ts';

/** `owlhub secrets …`: rotate the key that encrypts Jira credentials. */
export function secretsCommand(): Command {
  const rotate = new Command('rotate-key')
    .description('Add a new key to the key file and re-encrypt every credential with it')
    .action(async () => {
      const config = configFromEnvironment();
      if (config.keyring) {
        process.stderr.write(
          'OWLHUB_SECRET_KEY is set, so the key lives in your environment. To rotate it: set\n' +
            'OWLHUB_SECRET_KEY=NEW_KEY,OLD_KEY (make one with `openssl rand -base64 32`), run\n' +
            '`owlhub secrets reencrypt`, then set OWLHUB_SECRET_KEY=NEW_KEY.\n',
        );
        process.exitCode = 2;
        return;
      }
      const rotated = await rotateKeyFile(keyFilePath(config));
      if (!rotated.ok) throw new Error(describeKeyError(rotated.error));
      const outcome = await withCoreDeps((deps) => reencryptAllSecrets(deps.db, rotated.value));
      report(outcome, `New key ${rotated.value.current.id} is current. `);
      process.stdout.write(
        'Older keys still decrypt; remove them with `owlhub secrets retire-old-keys` later.\n',
      );
    });

  const reencrypt = new Command('reencrypt')
    .description(
      'Re-encrypt every credential with the current key (after changing OWLHUB_SECRET_KEY)',
    )
    .action(async () => {
      report(await withCoreDeps((deps) => reencryptAllSecrets(deps.db, deps.keys.current())), '');
    });

  const retire = new Command('retire-old-keys')
    .description('Re-encrypt once more, then drop every key but the current one from the key file')
    .action(async () => {
      const config = configFromEnvironment();
      const done = await withCoreDeps(async (deps) => {
        const keyring = deps.keys.current();
        const outcome = await reencryptAllSecrets(deps.db, keyring);
        report(outcome, '');
        return outcome.failed.length === 0 && (await allSecretsOnCurrentKey(deps.db, keyring));
      });
      if (!done) {
        process.stderr.write('Old keys kept: some credentials are not on the current key yet.\n');
        process.exitCode = 1;
        return;
      }
      const retired = await retireOldKeys(keyFilePath(config));
      if (!retired.ok) throw new Error(describeKeyError(retired.error));
      process.stdout.write(`Only key ${retired.value.current.id} remains.\n`);
    });

  return new Command('secrets')
    .description('Manage the key that encrypts credentials')
    .addCommand(rotate)
    .addCommand(reencrypt)
    .addCommand(retire);
}

function report(outcome: ReencryptionReport, prefix: string): void {
  process.stdout.write(
    `${prefix}Re-encrypted ${outcome.reencrypted} credential(s); ${outcome.alreadyCurrent} already on the current key.\n`,
  );
  for (const failure of outcome.failed) {
    process.stderr.write(
      `Could not decrypt the credentials of ${failure.integrationId} (${failure.reason}).\n`,
    );
  }
  if (outcome.failed.length > 0) process.exitCode = 1;
}
