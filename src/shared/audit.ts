/** The API shape of the audit log (who did what, when, with what outcome). Types only. */

/** Who acted: a person in a browser session, a person's API key, an automation rule, or OwlHub. */
export type AuditActorView =
  | { type: 'user' | 'api_key'; id: string; label: string | null }
  | { type: 'rule'; id: string; label: string | null }
  | { type: 'system'; id: null; label: string | null };

/** One entry of `GET /api/audit`. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: AuditActorView;
  integrationId: string | null;
  /** What was done, such as `integration.create` or `jira.issue.create`. */
  action: string;
  /** What it was done to: an integration id, an issue key... */
  target: string | null;
  /** The input, secrets replaced by `[redacted]`. */
  summary: Record<string, unknown>;
  outcome: 'ok' | 'error';
  /** The API error code when the outcome is `error`. */
  errorCode: string | null;
}
