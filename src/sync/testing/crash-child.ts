// Started by crash.integration.test.ts as a child process that is killed mid-sync: it opens the
// database named in argv and runs one sync run there, as a job worker would.
import { pino } from 'pino';
import { z } from 'zod';
import { LOOPBACK_ALLOWED } from '../../../test/support/api.ts';
import { fixedKeySource } from '../../integrations/key-source.ts';
import { keyringFromEnv } from '../../secrets/index.ts';
import { openStorage } from '../../storage/connect.ts';
import { runSync } from '../run-sync.ts';

const TargetSchema = z.discriminatedUnion('dialect', [
  z.object({ dialect: z.literal('sqlite'), path: z.string() }),
  z.object({ dialect: z.literal('postgres'), url: z.string() }),
]);

const target = TargetSchema.parse(JSON.parse(process.argv[2] ?? ''));
const [integrationId = '', runId = ''] = process.argv.slice(3);
const keyring = keyringFromEnv(process.env.OWLHUB_TEST_SECRET_KEY ?? '');
if (!keyring.ok) throw new Error('bad key');
const storage = openStorage(target);
const outcome = await runSync(
  {
    db: storage.db,
    keys: fixedKeySource(keyring.value),
    jobs: {
      register: () => undefined,
      schedule: () => undefined,
      cancel: () => Promise.resolve(false),
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(),
      enqueue: () => Promise.resolve(null),
    },
    network: LOOPBACK_ALLOWED,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  },
  { integrationId, runId, mode: 'full' },
  new AbortController().signal,
  { concurrency: 2 },
);
process.stdout.write(`${JSON.stringify(outcome)}\n`);
await storage.close();
