import { readSecret } from './read-secret.ts';

/** How a command was told to read a secret: never from argv. */
export interface SecretSourceOptions {
  tokenStdin?: boolean;
  tokenEnv?: string;
}

/** Reads the token from stdin (or a prompt) or from a named environment variable. */
export async function readTokenOption(
  options: SecretSourceOptions,
  prompt: string,
): Promise<string> {
  if (options.tokenEnv !== undefined) {
    const value = process.env[options.tokenEnv];
    if (value === undefined || value.trim() === '') {
      throw new CliInputError(`The environment variable ${options.tokenEnv} is not set or empty.`);
    }
    return value;
  }
  if (options.tokenStdin === true) return readSecret(prompt);
  throw new CliInputError(
    'Give the token with --token-stdin (pipe it in, or type it) or --token-env VARIABLE.',
  );
}

/** A mistake in what the user typed: printed as is, exit code 2. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}
