import type { MirrorField, MirrorIssue } from '../../src/shared/mirror.ts';
import { displayFieldValue } from '../render/field-value.ts';
import { RichText } from '../render/RichText.tsx';

// Shown elsewhere on the page, or bulky and better read in Jira.
const SHOWN_ELSEWHERE = new Set([
  'summary',
  'description',
  'comment',
  'status',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'created',
  'updated',
  'worklog',
  'attachment',
]);

/** Every other field that has a value, named from the mirrored field definitions when known. */
export function IssueFieldTable(props: { issue: MirrorIssue; fields: MirrorField[] | undefined }) {
  const names = new Map((props.fields ?? []).map((f) => [f.id, f.name]));
  const rows = Object.entries(props.issue.fields)
    .filter(([id]) => !SHOWN_ELSEWHERE.has(id))
    .flatMap(([id, value]) => {
      const shown = displayFieldValue(value);
      return shown === null ? [] : [{ id, name: names.get(id) ?? id, shown }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section className="section" aria-labelledby="fields-heading">
      <h2 id="fields-heading">Other fields</h2>
      {rows.length === 0 ? (
        <p className="muted">No other fields have a value.</p>
      ) : (
        <div className="field-table">
          <table>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    {row.name}
                    {row.name === row.id ? null : <span className="field-table__id">{row.id}</span>}
                  </th>
                  <td>
                    {row.shown.kind === 'text' ? (
                      row.shown.text
                    ) : (
                      <RichText value={row.shown.doc} empty="—" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
