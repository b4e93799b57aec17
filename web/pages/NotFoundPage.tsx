import { Link } from '../components/Link.tsx';
import { usePageTitle } from '../use-page-title.ts';

/** A path the app does not know. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing here. Go to <Link href="/integrations">Integrations</Link>.
      </p>
    </>
  );
}
