import type { Insertable, Selectable } from 'kysely';

/** An Idempotency-Key a user sent for a write to one integration, and the answer to replay. */
export interface IdempotencyKeysTable {
  user_id: string;
  integration_id: string;
  key: string;
  /** SHA-256 of the action and its input: the same key with other input is refused. */
  request_hash: string;
  /** Null while the first request is still running. */
  status_code: number | null;
  response_json: string | null;
  created_at: string;
  completed_at: string | null;
}

/** Who did something: a person (in a session or with an API key), an automation rule, or OwlHub itself. */
export type AuditActorType = 'user' | 'api_key' | 'rule' | 'system';

/** One audited change: who, when, what (action, target, input without secrets), outcome. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_type: AuditActorType;
  actor_id: string | null;
  /** A readable name of the actor at the time (an email), kept since the actor may be deleted. */
  actor_label: string | null;
  integration_id: string | null;
  action: string;
  target: string | null;
  summary_json: string;
  outcome: 'ok' | 'error';
  error_code: string | null;
}

/** The tables of actions on Jira and of the audit log. */
export interface ActionTables {
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
}

/** A stored idempotency key. */
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;
/** A stored audit entry. */
export type AuditRow = Selectable<AuditLogTable>;
/** An audit entry to insert. */
export type NewAuditRow = Insertable<AuditLogTable>;
