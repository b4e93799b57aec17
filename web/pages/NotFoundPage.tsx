import { Link } from '../components/Link.tsx';

/** A path the app does not know. */
export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing here. Go to <Link href="/integrations">Integrations</Link>.
      </p>
    </>
  );
}
