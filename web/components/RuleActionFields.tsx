import type { ActionDraft, ActionType } from '../rule-form.ts';
import { ACTION_LABELS, controlId } from '../rule-form.ts';
import { describedBy, Field } from './Field.tsx';

/** The inputs of one action of the rule editor, by its kind, with the server's errors beside them. */
export function RuleActionFields(props: {
  idPrefix: string;
  index: number;
  action: ActionDraft;
  errors: Partial<Record<string, string>>;
  onChange: (action: ActionDraft) => void;
}) {
  const { idPrefix, index, action, errors, onChange } = props;
  const path = (name: string) => `actions.${index}.${name}`;
  // The summary goes into the action's `fields`, so an error about `fields` belongs beside it.
  const text = (
    name: Exclude<keyof ActionDraft, 'key' | 'type' | 'otherFields'>,
    label: string,
    help?: string,
    errorOf?: string,
  ) => {
    const id = controlId(idPrefix, path(name));
    const error = errors[path(errorOf ?? name)];
    return (
      <Field id={id} label={label} error={error} help={help}>
        <input
          {...describedBy(id, error, help !== undefined)}
          value={action[name]}
          onChange={(e) => onChange({ ...action, [name]: e.target.value })}
        />
      </Field>
    );
  };
  const typeId = controlId(idPrefix, path('type'));
  const bodyId = controlId(idPrefix, path('body'));
  return (
    <>
      <Field id={typeId} label="Action" error={errors[path('type')]}>
        <select
          {...describedBy(typeId, errors[path('type')])}
          value={action.type}
          onChange={(e) => onChange({ ...action, type: e.target.value as ActionType })}
        >
          {Object.entries(ACTION_LABELS).map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {action.type === 'comment' ? (
        <Field id={bodyId} label="Comment" error={errors[path('body')]}>
          <textarea
            {...describedBy(bodyId, errors[path('body')])}
            rows={3}
            value={action.body}
            onChange={(e) => onChange({ ...action, body: e.target.value })}
          />
        </Field>
      ) : null}
      {action.type === 'transition'
        ? text('toStatus', 'Target status', 'By name, e.g. Done.')
        : null}
      {action.type === 'create_issue' ? (
        <>
          {text('projectKey', 'Project key')}
          {text('issueTypeId', 'Issue type id', 'Jira’s id of the issue type, e.g. 10001.')}
          {text('summary', 'Summary', undefined, 'fields')}
        </>
      ) : null}
      {action.type === 'post_event'
        ? text('url', 'URL', 'OwlHub POSTs a signed JSON event here (http or https).')
        : null}
    </>
  );
}
