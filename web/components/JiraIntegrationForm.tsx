import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { CreateIntegrationRequest, JiraAuthType } from '../../src/shared/integrations.ts';
import { createIntegration } from '../endpoints.ts';
import { toFormErrors } from '../form-errors.ts';
import { keys, useSiteDetection } from '../queries.ts';
import { integrationHref } from '../routes.ts';
import { navigate } from '../router.ts';
import { guessDeployment, isHttpUrl } from '../site-url.ts';
import { CredentialFields } from './CredentialFields.tsx';
import type { Credentials } from './CredentialFields.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field, describedBy } from './Field.tsx';
import { CONFIRM_HTTP_MESSAGE, InsecureHttpConfirm } from './InsecureHttpConfirm.tsx';
import { SiteDetectionNote } from './SiteDetectionNote.tsx';

const FIELDS = [
  'name',
  'siteUrl',
  'authType',
  'email',
  'token',
  'username',
  'password',
  'allowInsecureHttp',
] as const;

const EMPTY: Credentials = {
  serverAuth: 'personal_access_token',
  email: '',
  token: '',
  username: '',
  password: '',
};

/** The Add New Integration › Jira form: Name, Jira Site URL, credentials that fit the site, Create Integration. */
export function JiraIntegrationForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [siteUrl, setSiteUrl] = useState('');
  const [credentials, setCredentials] = useState(EMPTY);
  const [insecureConfirmed, setInsecureConfirmed] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const detection = useSiteDetection(siteUrl);
  const deployment = detection.query.data?.deployment ?? guessDeployment(siteUrl);
  const create = useMutation({
    mutationFn: createIntegration,
    onSuccess: (integration) => {
      void queryClient.invalidateQueries({ queryKey: keys.integrations });
      // The page opens on the answer (Pending) at once; polling then takes it to Connected or Failed.
      queryClient.setQueryData(keys.integration(integration.id), integration);
      navigate(integrationHref(integration.id));
    },
  });
  const errors = toFormErrors(create.error, FIELDS);
  const http = isHttpUrl(siteUrl);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (http && !insecureConfirmed) {
      setConfirmMissing(true);
      return;
    }
    create.mutate({
      type: 'jira',
      ...(name.trim() === '' ? {} : { name }),
      siteUrl,
      ...credentialsRequest(deployment === null ? null : deployment === 'cloud', credentials),
      ...(http ? { allowInsecureHttp: true } : {}),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Jira integration">
      <Field id="new-name" label="Name" error={errors.fields.name}>
        <input
          {...describedBy('new-name', errors.fields.name)}
          placeholder="Jira Production"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id="new-site-url" label="Jira Site URL" error={errors.fields.siteUrl}>
        <input
          {...describedBy('new-site-url', errors.fields.siteUrl)}
          aria-describedby={`new-site-url-detect${errors.fields.siteUrl === undefined ? '' : ' new-site-url-error'}`}
          type="url"
          placeholder="https://your-domain.atlassian.net"
          autoComplete="url"
          spellCheck={false}
          value={siteUrl}
          onChange={(e) => setSiteUrl(e.target.value)}
        />
        <SiteDetectionNote
          id="new-site-url-detect"
          siteUrl={detection.settledUrl}
          query={detection.query}
        />
      </Field>
      {http ? (
        <InsecureHttpConfirm
          id="new-insecure"
          checked={insecureConfirmed}
          onChange={(checked) => {
            setInsecureConfirmed(checked);
            setConfirmMissing(false);
          }}
          error={confirmMissing ? CONFIRM_HTTP_MESSAGE : errors.fields.allowInsecureHttp}
        />
      ) : null}
      <CredentialFields
        deployment={deployment}
        value={credentials}
        onChange={setCredentials}
        errors={errors.fields}
      />
      {errors.other.length > 0 ? (
        <ul className="notice notice--error" role="alert">
          {errors.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {create.isError && Object.keys(errors.fields).length === 0 && errors.other.length === 0 ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <button
        type="submit"
        className="button"
        disabled={create.isPending}
        aria-busy={create.isPending}
      >
        Create Integration
      </button>
    </form>
  );
}

/** The credential part of the request; `cloud` is null while the deployment is unknown. */
function credentialsRequest(
  cloud: boolean | null,
  credentials: Credentials,
): Pick<CreateIntegrationRequest, 'authType' | 'email' | 'token' | 'username' | 'password'> {
  if (cloud === true) {
    return { authType: 'cloud_token', email: credentials.email, token: credentials.token };
  }
  const authType: JiraAuthType = credentials.serverAuth;
  if (cloud === false && authType === 'basic_password') {
    return { authType, username: credentials.username, password: credentials.password };
  }
  return cloud === false ? { authType, token: credentials.token } : { token: credentials.token };
}
