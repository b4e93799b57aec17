/** Which fields the create screen of each issue type shows, and which of them are required. */
import { CUSTOM_FIELDS, SUBTASK_TYPE_ID, type CustomFieldDef } from './catalog.ts';

/** A field on a create screen: a system field id or a custom field. */
export type ScreenField =
  | {
      readonly kind: 'system';
      readonly id: SystemCreateField;
      readonly required: boolean;
    }
  | { readonly kind: 'custom'; readonly def: CustomFieldDef; readonly required: boolean };

/** The system fields a create screen may show. */
export type SystemCreateField =
  | 'summary'
  | 'issuetype'
  | 'project'
  | 'description'
  | 'priority'
  | 'assignee'
  | 'labels'
  | 'parent';

/** The issue type whose create screen makes every custom field required (as a strict field configuration would). */
export const STRICT_TYPE_ID = '10003';

const system = (id: SystemCreateField, required = false): ScreenField => ({
  kind: 'system',
  id,
  required,
});

/** The create screen of an issue type, in screen order; the same in every project. */
export function createScreen(issueTypeId: string): readonly ScreenField[] {
  const fields: ScreenField[] = [
    system('summary', true),
    system('issuetype', true),
    system('project', true),
    system('description'),
    system('priority'),
    system('assignee'),
    system('labels'),
  ];
  if (issueTypeId === SUBTASK_TYPE_ID) fields.push(system('parent', true));
  for (const def of CUSTOM_FIELDS)
    fields.push({ kind: 'custom', def, required: issueTypeId === STRICT_TYPE_ID });
  return fields;
}

/** A screen field's id as Jira names it in `fields`. */
export function screenFieldId(field: ScreenField): string {
  return field.kind === 'system' ? field.id : field.def.id;
}
