import type { CreateField } from '../../src/shared/actions.ts';
import type { FormValue } from '../create-form.ts';
import { Field, describedBy } from './Field.tsx';

const HELP: Partial<Record<CreateField['type'], string>> = {
  labels: 'Words separated by commas.',
  user: 'Account id (Jira Cloud) or username (Data Center).',
  users: 'Account ids (Cloud) or usernames (Data Center), separated by commas.',
  issue: 'An issue key, like OWL-12.',
  datetime: 'As 2026-12-01T09:00:00.000+0000.',
  unsupported: "Jira's JSON for this field.",
};

/** One field of the create form, with the control its type calls for. */
export function CreateFieldInput(props: {
  field: CreateField;
  value: FormValue | undefined;
  error: string | undefined;
  onChange: (value: FormValue) => void;
}) {
  const { field, value, error, onChange } = props;
  const id = `create-${field.id}`;
  const help = HELP[field.type];
  const aria = { ...describedBy(id, error, help !== undefined), 'aria-required': field.required };
  const text = typeof value === 'string' ? value : '';
  const label = field.required ? `${field.name} (required)` : field.name;
  const options = field.allowedValues ?? [];
  let control;
  if (field.type === 'option' && options.length > 0) {
    control = (
      <select {...aria} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">{field.hasDefaultValue ? 'Jira default' : 'Choose…'}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'options' && options.length > 0) {
    control = (
      <select
        {...aria}
        multiple
        value={Array.isArray(value) ? value : []}
        onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'rich_text') {
    control = (
      <textarea {...aria} rows={5} value={text} onChange={(e) => onChange(e.target.value)} />
    );
  } else {
    const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
    control = (
      <input
        {...aria}
        type={type}
        step={field.type === 'number' ? 'any' : undefined}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Field id={id} label={label} error={error} help={help}>
      {control}
    </Field>
  );
}
