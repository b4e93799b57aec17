/** Names the browser tab (and what screen readers announce on navigation) after the page. */
import { useEffect } from 'react';

/** Sets document.title to "`title` · OwlHub" while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · OwlHub`;
  }, [title]);
}
