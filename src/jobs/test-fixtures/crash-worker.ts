// Started by job-queue-crash.test.ts as a child process that is killed mid-job: it opens the
// database named in argv, enqueues one long job, reports when the job starts, and waits forever.
import { z } from 'zod';
import { openStorage } from '../../storage/connect.ts';
import { createJobQueue } from '../create-job-queue.ts';

const TargetSchema = z.discriminatedUnion('dialect', [
  z.object({ dialect: z.literal('sqlite'), path: z.string() }),
  z.object({ dialect: z.literal('postgres'), url: z.string() }),
]);

const target = TargetSchema.parse(JSON.parse(process.argv[2] ?? ''));
const storage = openStorage(target);
const queue = createJobQueue(storage, {
  logger: { error: (details, message) => process.stderr.write(`${message}\n`) },
  pollIntervalMs: 100,
  maintenanceIntervalSeconds: 1,
});
queue.register(
  'long',
  async ({ id, attempt }) => {
    process.stdout.write(`started ${id} ${attempt}\n`);
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  },
  { leaseSeconds: 1, retryLimit: 2, retryDelaySeconds: 0 },
);
await queue.start();
await queue.enqueue('long', { step: 'interrupted' });
