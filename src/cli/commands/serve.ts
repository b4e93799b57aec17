import { Command } from 'commander';
import { createLogger } from '../../server/logger.ts';
import { startServer } from '../../server/main.ts';
import { configFromEnvironment } from '../environment.ts';

/** `owlhub serve`: runs the server until SIGINT or SIGTERM. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the OwlHub server (settings from the environment)')
    .action(async () => {
      const config = configFromEnvironment();
      const logger = createLogger(config.logLevel);
      const server = await startServer(config, logger);
      const shutdown = (): void => {
        logger.info('shutting down');
        server.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
