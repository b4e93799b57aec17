/** Whether this browser has logged in to OwlHub before: it then sees Log in rather than first-run setup. */

const KEY = 'owlhub.returning';

/** True once someone has logged in or set up OwlHub from this browser. */
export function isReturningBrowser(): boolean {
  return window.localStorage.getItem(KEY) === 'yes';
}

/** Remembers that this browser has logged in. */
export function markReturningBrowser(): void {
  window.localStorage.setItem(KEY, 'yes');
}
