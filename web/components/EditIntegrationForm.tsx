import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { IntegrationView, UpdateIntegrationRequest } from '../../src/shared/integrations.ts';
import { updateIntegration } from '../endpoints.ts';
import { toFormErrors } from '../form-errors.ts';
import { keys } from '../queries.ts';
import { integrationHref } from '../routes.ts';
import { navigate } from '../router.ts';
import { isHttpUrl } from '../site-url.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field, describedBy } from './Field.tsx';
import { InsecureHttpConfirm } from './InsecureHttpConfirm.tsx';
import { Link } from './Link.tsx';

const FIELDS = [
  'name',
  'siteUrl',
  'email',
  'username',
  'token',
  'password',
  'allowInsecureHttp',
] as const;

/**
 * Rename, or change the site or who signs in. A token must not follow a URL to a new host, so a
 * changed URL asks for the token (or password) again.
 */
export function EditIntegrationForm(props: { integration: IntegrationView }) {
  const { integration } = props;
  const queryClient = useQueryClient();
  const [name, setName] = useState(integration.name);
  const [siteUrl, setSiteUrl] = useState(integration.siteUrl);
  const [email, setEmail] = useState(integration.email ?? '');
  const [username, setUsername] = useState(integration.username ?? '');
  const [secret, setSecret] = useState('');
  const [insecureConfirmed, setInsecureConfirmed] = useState(integration.allowInsecureHttp);
  const basic = integration.authType === 'basic_password';
  const siteChanged = siteUrl.trim() !== integration.siteUrl;
  const http = isHttpUrl(siteUrl);
  const save = useMutation({
    mutationFn: (input: UpdateIntegrationRequest) => updateIntegration(integration.id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.integration(integration.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.integrations });
      navigate(integrationHref(integration.id));
    },
  });
  const errors = toFormErrors(save.error, FIELDS);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      ...(name !== integration.name ? { name } : {}),
      ...(siteChanged ? { siteUrl } : {}),
      ...(siteChanged && http ? { allowInsecureHttp: insecureConfirmed } : {}),
      ...(integration.authType === 'cloud_token' && email !== integration.email ? { email } : {}),
      ...(basic && username !== integration.username ? { username } : {}),
      ...(secret === '' ? {} : basic ? { password: secret } : { token: secret }),
    });
  }

  const secretField = basic ? 'password' : 'token';
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Edit integration">
      <Field id="edit-name" label="Name" error={errors.fields.name}>
        <input
          {...describedBy('edit-name', errors.fields.name)}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id="edit-site-url" label="Jira Site URL" error={errors.fields.siteUrl}>
        <input
          {...describedBy('edit-site-url', errors.fields.siteUrl)}
          type="url"
          spellCheck={false}
          value={siteUrl}
          onChange={(e) => setSiteUrl(e.target.value)}
        />
      </Field>
      {siteChanged && http ? (
        <InsecureHttpConfirm
          id="edit-insecure"
          checked={insecureConfirmed}
          onChange={setInsecureConfirmed}
          error={errors.fields.allowInsecureHttp}
        />
      ) : null}
      {integration.authType === 'cloud_token' ? (
        <Field id="edit-email" label="User Email" error={errors.fields.email}>
          <input
            {...describedBy('edit-email', errors.fields.email)}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
      ) : null}
      {basic ? (
        <Field id="edit-username" label="Username" error={errors.fields.username}>
          <input
            {...describedBy('edit-username', errors.fields.username)}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
      ) : null}
      {siteChanged ? (
        <Field
          id="edit-secret"
          label={basic ? 'Password' : 'Access Token'}
          error={errors.fields[secretField]}
          help="A new site needs the credentials again: OwlHub never sends a token to a host it was not given for."
        >
          <input
            {...describedBy('edit-secret', errors.fields[secretField], true)}
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </Field>
      ) : null}
      {save.isError && Object.keys(errors.fields).length === 0 ? (
        <ErrorNotice error={save.error} />
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          Save changes
        </button>
        <Link href={integrationHref(integration.id)} className="button button--quiet">
          Cancel
        </Link>
      </div>
    </form>
  );
}
