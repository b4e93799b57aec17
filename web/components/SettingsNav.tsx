import { useUser } from '../queries.ts';
import { usePath } from '../router.ts';
import { Link } from './Link.tsx';

/** The sections of Settings; Users and the audit log only for admins, who are the ones who manage accounts. */
export function SettingsNav() {
  const path = usePath();
  const admin = useUser()?.role === 'admin';
  const items = [
    { href: '/settings/jira', label: 'Jira Integration' },
    ...(admin
      ? [
          { href: '/settings/users', label: 'Users' },
          { href: '/settings/audit', label: 'Audit log' },
        ]
      : []),
  ];
  return (
    <nav aria-label="Settings" className="subnav">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={path === item.href ? 'page' : undefined}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
