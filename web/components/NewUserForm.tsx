import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { Role } from '../api-schemas.ts';
import { ROLES } from '../api-schemas.ts';
import { createUser } from '../endpoints.ts';
import { toFormErrors } from '../form-errors.ts';
import { keys } from '../queries.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field, describedBy } from './Field.tsx';

const FIELDS = ['name', 'email', 'role', 'password'] as const;

/** What each role may do, shown where the role is picked. */
export const ROLE_HELP: Record<Role, string> = {
  viewer: 'Viewer: reads everything, changes nothing.',
  member: 'Member: also runs syncs and acts on Jira.',
  admin: 'Admin: also manages integrations and users.',
};

/** Adds an account with a role and a first password to hand over. */
export function NewUserForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      setName('');
      setEmail('');
      setPassword('');
      return queryClient.invalidateQueries({ queryKey: keys.users });
    },
  });
  const errors = toFormErrors(create.error, FIELDS);
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name, email, role, password });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a user">
      <Field id="user-name" label="Name" error={errors.fields.name}>
        <input
          {...describedBy('user-name', errors.fields.name)}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id="user-email" label="Email" error={errors.fields.email}>
        <input
          {...describedBy('user-email', errors.fields.email)}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field id="user-role" label="Role" error={errors.fields.role} help={ROLE_HELP[role]}>
        <select
          {...describedBy('user-role', errors.fields.role, true)}
          value={role}
          onChange={(e) => setRole(ROLES.find((r) => r === e.target.value) ?? 'viewer')}
        >
          <option value="viewer">Viewer</option>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </select>
      </Field>
      <Field
        id="user-password"
        label="Password"
        error={errors.fields.password}
        help="At least 12 characters; they can change it later."
      >
        <input
          {...describedBy('user-password', errors.fields.password, true)}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      {create.isError && Object.keys(errors.fields).length === 0 ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <button type="submit" className="button" disabled={create.isPending}>
        Add user
      </button>
    </form>
  );
}
