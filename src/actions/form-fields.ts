import type { CreateMetaField } from '../jira/index.ts';
import type { AllowedValue, CreateField, FormFieldType } from '../shared/actions.ts';

/** Fields the create request sets from its own parameters, not from the form. */
export const CONTEXT_FIELDS = new Set(['project', 'issuetype']);

const RICH_TEXT_CUSTOM = /:textarea$/;

/** How a form should ask for a Jira field, from its schema. */
export function formFieldType(field: CreateMetaField): FormFieldType {
  const schema = field.schema;
  if (schema === undefined) return 'unsupported';
  const { type, items, custom, system } = schema;
  if (type === 'string')
    return system === 'description' ||
      system === 'environment' ||
      (custom !== undefined && RICH_TEXT_CUSTOM.test(custom))
      ? 'rich_text'
      : 'string';
  if (type === 'array') {
    if (items === 'string') return 'labels';
    if (items === 'user') return 'users';
    if (items === 'option' || items === 'component' || items === 'version') return 'options';
    return 'unsupported';
  }
  const single: Record<string, FormFieldType> = {
    number: 'number',
    date: 'date',
    datetime: 'datetime',
    option: 'option',
    priority: 'option',
    resolution: 'option',
    user: 'user',
    issuelink: 'issue',
  };
  return single[type] ?? 'unsupported';
}

function allowedValue(value: unknown): AllowedValue | null {
  if (typeof value !== 'object' || value === null) return null;
  const ref: { id?: unknown; name?: unknown; value?: unknown; key?: unknown } = value;
  const id =
    typeof ref.id === 'string' ? ref.id : typeof ref.id === 'number' ? String(ref.id) : null;
  const label = [ref.value, ref.name, ref.key].find((l): l is string => typeof l === 'string');
  return id === null ? null : { id, label: label ?? id };
}

/** A create-screen field in the form-friendly shape of the API. */
export function toCreateField(field: CreateMetaField): CreateField {
  const values = field.allowedValues
    ?.map(allowedValue)
    .filter((v): v is AllowedValue => v !== null);
  return {
    id: field.fieldId,
    name: field.name,
    required: field.required,
    type: formFieldType(field),
    allowedValues: values === undefined || values.length === 0 ? null : values,
    hasDefaultValue: field.hasDefaultValue ?? false,
    jiraType: field.schema?.type ?? null,
  };
}
