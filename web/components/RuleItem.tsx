import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { RuleView } from '../../src/shared/automation.ts';
import { useUser } from '../queries.ts';
import { useDeleteRule, useRunRule } from '../rule-queries.ts';
import { describeAction, describeTrigger } from '../rule-summary.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field } from './Field.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { RuleRuns } from './RuleRuns.tsx';

/**
 * One rule: what triggers it, what it does, its recent runs. Members may run an API-triggered rule,
 * admins may change and delete it (as src/server/routes/rules.ts enforces); viewers only read.
 */
export function RuleItem(props: { integrationId: string; rule: RuleView }) {
  const { integrationId, rule } = props;
  const role = useUser()?.role;
  const [editing, setEditing] = useState(false);
  const headingId = `rule-${rule.id}-heading`;
  return (
    <li className="card rule" aria-labelledby={headingId}>
      <div className="rule__head">
        <h2 id={headingId}>{rule.name}</h2>
        <span className={`badge ${rule.enabled ? 'badge--connected' : 'badge--pending'}`}>
          {rule.enabled ? 'Enabled' : 'Disabled'}
        </span>
      </div>
      {editing ? (
        <RuleEditor
          integrationId={integrationId}
          rule={rule}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <RuleFacts rule={rule} />
      )}
      {!editing && rule.trigger.type === 'api' && role !== undefined && role !== 'viewer' ? (
        <RunNow integrationId={integrationId} rule={rule} />
      ) : null}
      <h3>Recent runs</h3>
      <RuleRuns integrationId={integrationId} ruleId={rule.id} ruleName={rule.name} />
      {role === 'admin' && !editing ? (
        <div className="actions">
          <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
            Edit rule
          </button>
          <DeleteRule integrationId={integrationId} rule={rule} />
        </div>
      ) : null}
    </li>
  );
}

function RuleFacts(props: { rule: RuleView }) {
  const { rule } = props;
  return (
    <dl className="rule__facts">
      <dt>Trigger</dt>
      <dd>{describeTrigger(rule.trigger)}</dd>
      <dt>Actions</dt>
      <dd>
        <ol>
          {rule.actions.map((action, index) => (
            <li key={index}>{describeAction(action)}</li>
          ))}
        </ol>
      </dd>
    </dl>
  );
}

function RunNow(props: { integrationId: string; rule: RuleView }) {
  const [issueKey, setIssueKey] = useState('');
  const run = useRunRule(props.integrationId, props.rule.id);
  const id = `rule-${props.rule.id}-issue`;
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    run.mutate(issueKey.trim());
  }
  return (
    <form className="rule__run-now" onSubmit={submit} aria-label={`Run ${props.rule.name}`}>
      <Field id={id} label="Issue key (optional)">
        <input id={id} value={issueKey} onChange={(e) => setIssueKey(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={run.isPending}>
        {run.isPending ? 'Running…' : 'Run now'}
      </button>
      {run.isError ? <ErrorNotice error={run.error} title="Could not run the rule" /> : null}
    </form>
  );
}

function DeleteRule(props: { integrationId: string; rule: RuleView }) {
  const remove = useDeleteRule(props.integrationId, props.rule.id);
  return (
    <ConfirmDelete
      title={`Delete the rule ${props.rule.name}?`}
      confirmLabel="Delete rule"
      buttonLabel="Delete rule"
      busy={remove.isPending}
      onConfirm={() => remove.mutate()}
    >
      <p>The rule stops running and its run log is deleted. This cannot be undone.</p>
      {remove.isError ? <ErrorNotice error={remove.error} title="Could not delete" /> : null}
    </ConfirmDelete>
  );
}
