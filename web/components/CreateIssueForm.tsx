import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { CreateField } from '../../src/shared/actions.ts';
import { createIssue } from '../action-endpoints.ts';
import { fieldsToSend, missingRequired, type FormValue } from '../create-form.ts';
import { toFormErrors } from '../form-errors.ts';
import { useIdempotencyKey } from '../idempotency-key.ts';
import { navigate } from '../router.ts';
import { issueHref } from '../routes.ts';
import { CreateFieldInput } from './CreateFieldInput.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/**
 * The create form built from Jira's create screen: required fields are asked for before anything
 * is sent, and Jira's own field errors are shown beside their fields.
 */
export function CreateIssueForm(props: {
  id: string;
  projectKey: string;
  issueTypeId: string;
  fields: readonly CreateField[];
}) {
  const { id, projectKey, issueTypeId, fields } = props;
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [values, setValues] = useState<Record<string, FormValue>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (input: {
      projectKey: string;
      issueTypeId: string;
      fields: Record<string, unknown>;
    }) => createIssue(id, input, keyFor(input)),
    onSuccess: async (issue) => {
      await queryClient.invalidateQueries({ queryKey: ['integrations', id, 'issues'] });
      navigate(issueHref(id, issue.key));
    },
  });
  const server = toFormErrors(
    create.error,
    fields.map((f) => f.id),
  );
  function change(fieldId: string, value: FormValue) {
    setValues((current) => ({ ...current, [fieldId]: value }));
    setMissing((current) =>
      Object.fromEntries(Object.entries(current).filter(([f]) => f !== fieldId)),
    );
  }
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const stillMissing = missingRequired(fields, values);
    setMissing(stillMissing);
    const first = Object.keys(stillMissing)[0];
    if (first !== undefined) {
      document.getElementById(`create-${first}`)?.focus();
      return;
    }
    create.mutate({ projectKey, issueTypeId, fields: fieldsToSend(fields, values) });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Create issue">
      {fields.map((field) => (
        <CreateFieldInput
          key={field.id}
          field={field}
          value={values[field.id]}
          error={missing[field.id] ?? server.fields[field.id]}
          onChange={(value) => change(field.id, value)}
        />
      ))}
      {server.other.map((message) => (
        <p key={message} className="field__error" role="alert">
          {message}
        </p>
      ))}
      {create.isError && Object.keys(server.fields).length === 0 && server.other.length === 0 ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create issue'}
      </button>
    </form>
  );
}
