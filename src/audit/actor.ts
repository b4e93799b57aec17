import type { Principal } from '../server/context.ts';

/** Who an audit entry names; `label` is a readable name at the time (an email, a rule's name). */
export type AuditActor =
  | { type: 'user' | 'api_key'; id: string; label: string }
  | { type: 'rule'; id: string; label?: string }
  | { type: 'system'; label?: string };

/**
 * The actor behind a request: the user, or the API key acting for its owner (named, so that a
 * leaked or misused key can be told apart from its owner's other keys).
 */
export function actorOf(principal: Principal): AuditActor {
  if (principal.via === 'session')
    return { type: 'user', id: principal.user.id, label: principal.user.email };
  const { apiKey, user } = principal;
  return { type: 'api_key', id: apiKey.id, label: `${user.email} (API key "${apiKey.name}")` };
}
