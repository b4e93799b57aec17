import { useState } from 'react';
import type { AuditEntryView } from '../../src/shared/audit.ts';
import { useAuditLog } from '../action-queries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SettingsNav } from '../components/SettingsNav.tsx';
import { usePageTitle } from '../use-page-title.ts';
import '../actions.css';

function actorText(entry: AuditEntryView): string {
  const { actor } = entry;
  const who = actor.label ?? actor.id ?? 'OwlHub';
  if (actor.type === 'api_key') return `${who} (API key)`;
  if (actor.type === 'rule') return `rule ${who}`;
  return who;
}

/** The audit log for admins: who changed integrations or wrote to Jira, when, and how it ended. */
export function AuditLogPage() {
  usePageTitle('Audit log');
  // Cursors of the pages shown so far, so "Newer" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const page = useAuditLog(cursor);
  return (
    <>
      <SettingsNav />
      <h1>Audit log</h1>
      {page.isPending ? <p className="muted">Loading…</p> : null}
      {page.isError ? (
        <ErrorNotice error={page.error} title="Could not load the audit log" />
      ) : null}
      {page.data === undefined ? null : page.data.items.length === 0 ? (
        <p className="muted">Nothing has been recorded yet.</p>
      ) : (
        <div className="audit-table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Outcome</th>
                <th scope="col">Input</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
                  </td>
                  <td>{actorText(entry)}</td>
                  <td>{entry.action}</td>
                  <td>{entry.target ?? ''}</td>
                  <td>{entry.outcome === 'ok' ? 'ok' : `error: ${entry.errorCode ?? ''}`}</td>
                  <td>
                    <code className="audit__summary">{JSON.stringify(entry.summary)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager">
        <button
          type="button"
          className="button button--quiet"
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={page.data?.nextCursor == null}
          onClick={() => {
            const next = page.data?.nextCursor;
            if (next != null) setCursors((c) => [...c, next]);
          }}
        >
          Older
        </button>
      </div>
    </>
  );
}
