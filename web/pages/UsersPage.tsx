import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { NewUserForm } from '../components/NewUserForm.tsx';
import { SettingsNav } from '../components/SettingsNav.tsx';
import { UserRow } from '../components/UserRow.tsx';
import { useUser, useUsers } from '../queries.ts';
import { usePageTitle } from '../use-page-title.ts';

/** Settings › Users: who can use this OwlHub, and with which role (admins only). */
export function UsersPage() {
  usePageTitle('Users');
  const me = useUser();
  const users = useUsers();
  return (
    <>
      <SettingsNav />
      <h1>Users</h1>
      <p className="lead">
        Viewers read, members also run syncs and act on Jira, admins also manage integrations and
        users.
      </p>
      {users.isPending ? <p className="muted">Loading users…</p> : null}
      {users.isError ? <ErrorNotice error={users.error} title="Could not load users" /> : null}
      {users.isSuccess ? (
        <ul className="user-list boxed-list" aria-label="Users">
          {users.data.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === me?.id} />
          ))}
        </ul>
      ) : null}
      <section className="card section" aria-labelledby="add-user-heading">
        <h2 id="add-user-heading">Add a user</h2>
        <NewUserForm />
      </section>
    </>
  );
}
