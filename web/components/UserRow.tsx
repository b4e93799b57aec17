import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role, User } from '../api-schemas.ts';
import { ROLES } from '../api-schemas.ts';
import { changeRole, deleteUser } from '../endpoints.ts';
import { keys } from '../queries.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/** One account: its role (changeable, except one's own) and Delete. */
export function UserRow(props: { user: User; isSelf: boolean }) {
  const { user, isSelf } = props;
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.users });
  const role = useMutation({
    mutationFn: (next: Role) => changeRole(user.id, next),
    // Shown at once: the select is controlled, and would otherwise jump back until the refetch.
    onMutate: (next) =>
      queryClient.setQueryData<User[]>(keys.users, (users) =>
        users?.map((u) => (u.id === user.id ? { ...u, role: next } : u)),
      ),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteUser(user.id), onSuccess: refresh });
  const roleId = `role-${user.id}`;
  return (
    <li className="user-row">
      <div className="user-row__who">
        <span className="user-row__name">
          {user.name}
          {isSelf ? <span className="muted"> (you)</span> : null}
        </span>
        <span className="muted">{user.email}</span>
      </div>
      <div className="user-row__controls">
        <label htmlFor={roleId} className="sr-only">
          Role of {user.name}
        </label>
        <select
          id={roleId}
          value={user.role}
          disabled={isSelf || role.isPending}
          onChange={(e) => {
            const next = ROLES.find((r) => r === e.target.value);
            if (next !== undefined) role.mutate(next);
          }}
        >
          <option value="viewer">Viewer</option>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </select>
        {isSelf ? null : (
          <ConfirmDelete
            title={`Delete ${user.name}?`}
            confirmLabel="Delete user"
            busy={remove.isPending}
            onConfirm={() => remove.mutate()}
          >
            <p>Their sessions and API keys stop working at once.</p>
          </ConfirmDelete>
        )}
      </div>
      {role.isError ? <ErrorNotice error={role.error} /> : null}
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
    </li>
  );
}
