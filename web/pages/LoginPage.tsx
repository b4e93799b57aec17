import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Field, describedBy } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { logIn } from '../endpoints.ts';
import { toFormErrors } from '../form-errors.ts';
import { keys } from '../queries.ts';
import { useSearchParams } from '../router.ts';

const FIELDS = ['email', 'password'] as const;

/** Log in with email and password; the page asked for stays in the address bar and opens after. */
export function LoginPage() {
  const queryClient = useQueryClient();
  const alreadySetUp = useSearchParams().get('notice') === 'already-set-up';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: logIn,
    onSuccess: (user) => {
      queryClient.setQueryData(keys.me, user);
    },
  });
  const errors = toFormErrors(login.error, FIELDS);
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate({ email, password });
  }
  return (
    <AuthFrame title="Log in">
      {alreadySetUp ? (
        <p className="notice" role="status">
          OwlHub is already set up. Log in with your account.
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field id="login-email" label="Email" error={errors.fields.email}>
          <input
            {...describedBy('login-email', errors.fields.email)}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field id="login-password" label="Password" error={errors.fields.password}>
          <input
            {...describedBy('login-password', errors.fields.password)}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {login.isError && Object.keys(errors.fields).length === 0 ? (
          <ErrorNotice error={login.error} />
        ) : null}
        <button type="submit" className="button" disabled={login.isPending}>
          Log in
        </button>
      </form>
      <p className="auth__switch">
        First run? <Link href="/setup">Set up OwlHub</Link>
      </p>
    </AuthFrame>
  );
}
