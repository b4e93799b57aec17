// Started by takeover.integration.test.ts as one of two OwlHub servers sharing a PostgreSQL
// database: the real server (startServer), configured by the environment, with job timings short
// enough that a killed process's sync run is taken over within seconds. Logs JSON to stdout.
import { parseConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer } from '../../server/main.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
await startServer(parsed.config, createLogger(parsed.config.logLevel), {
  jobs: { pollIntervalMs: 200, maintenanceIntervalSeconds: 1 },
  // One unit at a time, so that the sandbox's latency spreads the run over several seconds.
  sync: { leaseSeconds: 3, retryDelaySeconds: 0, concurrency: 1 },
});
