import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Field, describedBy } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { setUp } from '../endpoints.ts';
import { toFormErrors } from '../form-errors.ts';
import { keys } from '../queries.ts';
import { navigate } from '../router.ts';

const FIELDS = ['name', 'email', 'password'] as const;

/** First run: creates the first admin account. A 409 means OwlHub is set up already: go log in. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const setup = useMutation({
    mutationFn: setUp,
    onSuccess: (user) => {
      queryClient.setQueryData(keys.me, user);
      navigate('/integrations', { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        navigate('/login?notice=already-set-up', { replace: true });
      }
    },
  });
  const errors = toFormErrors(setup.error, FIELDS);
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setup.mutate({ name, email, password });
  }
  return (
    <AuthFrame title="Set up OwlHub">
      <p>Create the first admin account. You can invite others once you are in.</p>
      <form onSubmit={submit} noValidate>
        <Field id="setup-name" label="Name" error={errors.fields.name}>
          <input
            {...describedBy('setup-name', errors.fields.name)}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field id="setup-email" label="Email" error={errors.fields.email}>
          <input
            {...describedBy('setup-email', errors.fields.email)}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field
          id="setup-password"
          label="Password"
          error={errors.fields.password}
          help="At least 12 characters."
        >
          <input
            {...describedBy('setup-password', errors.fields.password, true)}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {setup.isError && Object.keys(errors.fields).length === 0 ? (
          <ErrorNotice error={setup.error} />
        ) : null}
        <button type="submit" className="button" disabled={setup.isPending}>
          Create admin account
        </button>
      </form>
      <p className="auth__switch">
        Already set up? <Link href="/login">Log in</Link>
      </p>
    </AuthFrame>
  );
}
