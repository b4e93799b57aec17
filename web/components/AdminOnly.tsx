import type { ReactNode } from 'react';
import { useUser } from '../queries.ts';

/** Shows `children` to admins; others read why they cannot (the server refuses them anyway). */
export function AdminOnly(props: { children: ReactNode }) {
  const user = useUser();
  if (user?.role === 'admin') return props.children;
  return (
    <>
      <h1>Admins only</h1>
      <p>Only admins manage integrations and users. Ask an admin of this OwlHub.</p>
    </>
  );
}
