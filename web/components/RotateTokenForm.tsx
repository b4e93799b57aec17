import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { IntegrationView } from '../../src/shared/integrations.ts';
import { updateIntegration } from '../endpoints.ts';
import { toFormErrors } from '../form-errors.ts';
import { keys } from '../queries.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field, describedBy } from './Field.tsx';

/** Replaces the token (or the password, for username + password); the server then re-verifies. */
export function RotateTokenForm(props: { integration: IntegrationView; onDone: () => void }) {
  const { integration, onDone } = props;
  const queryClient = useQueryClient();
  const password = integration.authType === 'basic_password';
  const field = password ? 'password' : 'token';
  const [secret, setSecret] = useState('');
  const rotate = useMutation({
    mutationFn: () =>
      updateIntegration(integration.id, password ? { password: secret } : { token: secret }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.integration(integration.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.integrations });
      onDone();
    },
  });
  const errors = toFormErrors(rotate.error, [field]);
  const error = errors.fields[field];
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    rotate.mutate();
  }
  return (
    <form className="form card" onSubmit={submit} noValidate aria-label="Rotate token">
      <Field id="rotate-secret" label={password ? 'New password' : 'New token'} error={error}>
        <input
          {...describedBy('rotate-secret', error)}
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </Field>
      {rotate.isError && error === undefined ? <ErrorNotice error={rotate.error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={rotate.isPending}>
          Save and verify
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
