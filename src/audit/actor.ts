import type { Principal } from '../server/context.ts';

/** Who an audit entry names; `label` is a readable name at the time (an email, a rule's name). */
export type AuditActor =
  | { type: 'user' | 'api_key'; id: string; label: string }
  | { type: 'rule'; id: string; label?: string }
  | { type: 'system'; label?: string };

/** The actor behind a request: the user, marked as acting through an API key when it is one. */
export function actorOf(principal: Principal): AuditActor {
  return {
    type: principal.via === 'api_key' ? 'api_key' : 'user',
    id: principal.user.id,
    label: principal.user.email,
  };
}
