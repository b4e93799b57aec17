/** Idempotency keys for writes that must not happen twice when a form is sent again. */
import { useRef } from 'react';

// crypto.randomUUID exists only in secure contexts; getRandomValues works on plain-HTTP OwlHubs too.
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The key for sending `body`: the same key while the same body is sent again (a double click, a
 * retry after a lost answer), a new one once the body changes (which the server would refuse).
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: newKey() };
    return last.current.key;
  };
}
