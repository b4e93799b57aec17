import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { User } from '../api-schemas.ts';
import { logOut } from '../endpoints.ts';
import { navigate, usePath } from '../router.ts';
import { Link } from './Link.tsx';

const NAV = [
  { href: '/integrations', label: 'Integrations' },
  { href: '/issues', label: 'Issues' },
  { href: '/settings/jira', label: 'Settings' },
] as const;

/** The frame around every logged-in page: brand, navigation, who is logged in, log out. */
export function Layout(props: { user: User; children: ReactNode }) {
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  // After in-app navigation, keyboard and screen-reader users continue from the new page's start.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) main.current?.focus({ preventScroll: true });
  }, [path]);
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: logOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      navigate('/login');
    },
  });
  return (
    <div className="app">
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          // Focus rather than follow the anchor: the router owns the URL.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link href="/integrations" className="brand">
            OwlHub
          </Link>
          <nav aria-label="Main" className="topbar__nav">
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={navSection(path) === item.href ? 'page' : undefined}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="topbar__user">
            <span>
              {props.user.name} <span className="role">{props.user.role}</span>
            </span>
            <button type="button" className="button button--quiet" onClick={() => logout.mutate()}>
              Log out
            </button>
          </div>
        </div>
      </header>
      <main className="main" id="main" ref={main} tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}

/** Which navigation item a path belongs to: an integration's issues and projects are under Issues. */
function navSection(path: string): string {
  if (/^\/integrations\/[^/]+\/(issues|projects)(\/|$)/.test(path)) return '/issues';
  const first = `/${path.split('/')[1] ?? ''}`;
  return first === '/settings' ? '/settings/jira' : first;
}
