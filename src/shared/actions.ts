/** The API shapes of actions on Jira: create metadata as a form needs it, transitions. Types only. */

/**
 * How a form asks for a field: `option`/`options` pick from `allowedValues`, `labels` are words,
 * `user`/`users` are account ids (Cloud) or usernames (Data Center), `issue` is an issue key,
 * `rich_text` is plain text OwlHub converts for Jira, `unsupported` takes Jira's JSON as is.
 */
export type FormFieldType =
  | 'string'
  | 'rich_text'
  | 'number'
  | 'date'
  | 'datetime'
  | 'option'
  | 'options'
  | 'labels'
  | 'user'
  | 'users'
  | 'issue'
  | 'unsupported';

/** A value a field accepts: `id` is what to send, `label` what to show. */
export interface AllowedValue {
  id: string;
  label: string;
}

/** A field of Jira's create screen for one project and issue type. */
export interface CreateField {
  id: string;
  name: string;
  required: boolean;
  type: FormFieldType;
  allowedValues: AllowedValue[] | null;
  hasDefaultValue: boolean;
  /** Jira's schema type, for clients that know Jira. */
  jiraType: string | null;
}

/** An issue type one may create in a project. */
export interface CreateIssueType {
  id: string;
  name: string;
  subtask: boolean;
  description: string | null;
}

/** A transition available on an issue now. */
export interface IssueTransition {
  id: string;
  name: string;
  toStatus: string | null;
  toStatusCategory: string | null;
}
