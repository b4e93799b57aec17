import type { JiraDeployment } from '../../src/shared/integrations.ts';
import { Field, describedBy } from './Field.tsx';

/** What the credential fields hold; which of them count depends on the deployment. */
export interface Credentials {
  serverAuth: 'personal_access_token' | 'basic_password';
  email: string;
  token: string;
  username: string;
  password: string;
}

/**
 * Cloud: User Email + Access Token (HTTP Basic). Server/DC: a personal access token, or username +
 * password for old servers. Unknown yet: the Access Token alone, which the server then places.
 */
export function CredentialFields(props: {
  deployment: JiraDeployment | null;
  value: Credentials;
  onChange: (value: Credentials) => void;
  errors: Partial<Record<string, string>>;
}) {
  const { deployment, value, onChange, errors } = props;
  const set = (patch: Partial<Credentials>) => onChange({ ...value, ...patch });
  const server = deployment === 'server' || deployment === 'datacenter';
  const basic = server && value.serverAuth === 'basic_password';
  return (
    <>
      {deployment === 'cloud' ? (
        <Field
          id="new-email"
          label="User Email"
          error={errors.email}
          help="Jira Cloud API tokens work together with the account's email."
        >
          <input
            {...describedBy('new-email', errors.email, true)}
            type="email"
            autoComplete="email"
            value={value.email}
            onChange={(e) => set({ email: e.target.value })}
          />
        </Field>
      ) : null}
      {server ? (
        <fieldset className="field choice">
          <legend>Sign in with</legend>
          <label>
            <input
              type="radio"
              name="server-auth"
              checked={!basic}
              onChange={() => set({ serverAuth: 'personal_access_token' })}
            />{' '}
            Personal access token
          </label>
          <label>
            <input
              type="radio"
              name="server-auth"
              checked={basic}
              onChange={() => set({ serverAuth: 'basic_password' })}
            />{' '}
            Username and password
          </label>
        </fieldset>
      ) : null}
      {basic ? (
        <>
          <Field id="new-username" label="Username" error={errors.username}>
            <input
              {...describedBy('new-username', errors.username)}
              autoComplete="username"
              value={value.username}
              onChange={(e) => set({ username: e.target.value })}
            />
          </Field>
          <Field id="new-password" label="Password" error={errors.password}>
            <input
              {...describedBy('new-password', errors.password)}
              type="password"
              autoComplete="current-password"
              value={value.password}
              onChange={(e) => set({ password: e.target.value })}
            />
          </Field>
        </>
      ) : (
        <Field id="new-token" label="Access Token" error={errors.token}>
          <input
            {...describedBy('new-token', errors.token)}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value.token}
            onChange={(e) => set({ token: e.target.value })}
          />
        </Field>
      )}
    </>
  );
}
