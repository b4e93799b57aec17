import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { IntegrationView } from '../../src/shared/integrations.ts';
import { createIntegration } from '../endpoints.ts';
import { toFormErrors } from '../form-errors.ts';
import { keys } from '../queries.ts';
import { splitUrl } from '../split-url.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field, describedBy } from './Field.tsx';
import { CONFIRM_HTTP_MESSAGE, InsecureHttpConfirm } from './InsecureHttpConfirm.tsx';

const FIELDS = ['token', 'protocol', 'hostname', 'email', 'allowInsecureHttp'] as const;

/** The "Connect using API Token" form: API Token, Protocol, Hostname, User Email, Connect. */
export function ConnectTokenForm(props: { onCreated: (integration: IntegrationView) => void }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState('');
  const [protocol, setProtocol] = useState<'https' | 'http'>('https');
  const [hostname, setHostname] = useState('');
  const [pathNote, setPathNote] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [insecureConfirmed, setInsecureConfirmed] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const connect = useMutation({
    mutationFn: createIntegration,
    onSuccess: (integration) => {
      setToken('');
      void queryClient.invalidateQueries({ queryKey: keys.integrations });
      // The page opens on the answer (Pending) at once; polling then takes it to Connected or Failed.
      queryClient.setQueryData(keys.integration(integration.id), integration);
      props.onCreated(integration);
    },
  });
  const errors = toFormErrors(connect.error, FIELDS);
  const confirmError = confirmMissing ? CONFIRM_HTTP_MESSAGE : errors.fields.allowInsecureHttp;

  // A pasted https://host/... becomes protocol + host, which is what these two fields mean.
  function changeHostname(value: string) {
    const split = splitUrl(value);
    if (split === null) {
      setHostname(value);
      setPathNote(null);
      return;
    }
    setProtocol(split.protocol);
    setHostname(split.hostname);
    setPathNote(split.path);
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (protocol === 'http' && !insecureConfirmed) {
      setConfirmMissing(true);
      return;
    }
    connect.mutate({
      type: 'jira',
      protocol,
      hostname,
      email,
      token,
      authType: 'cloud_token',
      ...(protocol === 'http' ? { allowInsecureHttp: true } : {}),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field id="jira-token" label="API Token" error={errors.fields.token}>
        <input
          {...describedBy('jira-token', errors.fields.token)}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </Field>
      <Field id="jira-protocol" label="Protocol" error={errors.fields.protocol}>
        <select
          {...describedBy('jira-protocol', errors.fields.protocol)}
          value={protocol}
          onChange={(e) => setProtocol(e.target.value === 'http' ? 'http' : 'https')}
        >
          <option value="https">HTTPS</option>
          <option value="http">HTTP</option>
        </select>
      </Field>
      {protocol === 'http' ? (
        <InsecureHttpConfirm
          id="jira-insecure"
          checked={insecureConfirmed}
          onChange={(checked) => {
            setInsecureConfirmed(checked);
            setConfirmMissing(false);
          }}
          error={confirmError}
        />
      ) : null}
      <Field
        id="jira-hostname"
        label="Hostname"
        error={errors.fields.hostname}
        help={
          pathNote === null
            ? 'The domain name or IP address of your Jira, without https://.'
            : `The path ${pathNote} was left out: a hostname has none. If your Jira lives under a path, add it under Integrations › Add New Integration, which takes the full site URL.`
        }
      >
        <input
          {...describedBy('jira-hostname', errors.fields.hostname, true)}
          placeholder="yourcompany.atlassian.net"
          autoComplete="off"
          spellCheck={false}
          value={hostname}
          onChange={(e) => changeHostname(e.target.value)}
        />
      </Field>
      <Field id="jira-email" label="User Email" error={errors.fields.email}>
        <input
          {...describedBy('jira-email', errors.fields.email)}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      {errors.other.length > 0 ? (
        <ul className="notice notice--error" role="alert">
          {errors.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {connect.isError && Object.keys(errors.fields).length === 0 && errors.other.length === 0 ? (
        <ErrorNotice error={connect.error} />
      ) : null}
      <button
        type="submit"
        className="button"
        disabled={connect.isPending}
        aria-busy={connect.isPending}
      >
        Connect
      </button>
    </form>
  );
}
