import type { Config } from '../server/config.ts';
import { parseConfig } from '../server/config.ts';

/** The config from this process's environment, or a listed explanation and exit code 2. */
export function configFromEnvironment(): Config {
  const result = parseConfig(process.env);
  if (result.ok) return result.config;
  process.stderr.write(
    `OwlHub cannot start: the environment has problems.\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n` +
      'Fix or unset these variables and start again (README.md lists every setting).\n',
  );
  process.exit(2);
}
