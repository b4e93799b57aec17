import type { MirrorField, MirrorIssue } from '../../src/shared/mirror.ts';
import { formatIssueTime, isJiraTimestamp } from '../issue-time.ts';
import { displayFieldValue } from '../render/field-value.ts';
import { RichText } from '../render/RichText.tsx';

// Shown elsewhere on the page, Jira's bookkeeping, or bulky and better read in Jira.
const LEFT_OUT = new Set([
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
  'votes',
  'watches',
  'workratio',
  'progress',
  'aggregateprogress',
  'timetracking',
  'aggregatetimeoriginalestimate',
  'aggregatetimeestimate',
  'aggregatetimespent',
  'statuscategorychangedate',
  'lastViewed',
  'thumbnail',
]);

/** Every other field that has a value, named from the mirrored field definitions when known. */
export function IssueFieldTable(props: { issue: MirrorIssue; fields: MirrorField[] | undefined }) {
  const names = new Map((props.fields ?? []).map((f) => [f.id, f.name]));
  const rows = Object.entries(props.issue.fields)
    .filter(([id]) => !LEFT_OUT.has(id))
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
                    {/* API users filter by a custom field's id, so it is shown beside its name. */}
                    {row.id.startsWith('customfield_') && row.name !== row.id ? (
                      <span className="field-table__id">{row.id}</span>
                    ) : null}
                  </th>
                  <td>
                    {row.shown.kind === 'text' ? (
                      isJiraTimestamp(row.shown.text) ? (
                        <time dateTime={row.shown.text}>{formatIssueTime(row.shown.text)}</time>
                      ) : (
                        row.shown.text
                      )
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
