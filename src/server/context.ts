import type { IntegrationDeps } from '../integrations/deps.ts';
import type { Role, UserRow } from '../storage/schema.ts';

/** What every request handler may use; built once in main.ts. */
export type AppDeps = IntegrationDeps;

/** Who is calling: a browser session (with its CSRF token) or an API key. */
export type Principal =
  | { via: 'session'; user: UserRow; sessionCookie: string; csrfToken: string }
  | { via: 'api_key'; user: UserRow; apiKey: { id: string; name: string } };

/** Hono's environment for OwlHub's app. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal | undefined;
  };
}

export type { Role };
