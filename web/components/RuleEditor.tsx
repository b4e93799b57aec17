import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { RuleView } from '../../src/shared/automation.ts';
import { RULE_EVENTS } from '../../src/shared/automation.ts';
import { toFormErrors } from '../form-errors.ts';
import type { RuleDraft } from '../rule-form.ts';
import {
  controlId,
  draftOf,
  emptyDraft,
  EVENT_LABELS,
  FILTER_FIELDS,
  knownPaths,
  newAction,
  toRuleInput,
} from '../rule-form.ts';
import type { SavedRule } from '../rule-queries.ts';
import { useSaveRule } from '../rule-queries.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { describedBy, Field } from './Field.tsx';
import { RuleActionFields } from './RuleActionFields.tsx';

const MAX_ACTIONS = 10;

/**
 * The form that creates a rule, or changes `rule`; the server checks it and its field errors show
 * beside the fields.
 */
export function RuleEditor(props: {
  integrationId: string;
  rule?: RuleView;
  onSaved: (saved: SavedRule) => void;
  onCancel: () => void;
}) {
  const { rule } = props;
  const [draft, setDraft] = useState<RuleDraft>(() =>
    rule === undefined ? emptyDraft() : draftOf(rule),
  );
  const save = useSaveRule(props.integrationId, rule?.id ?? null);
  // Ids of controls are unique per editor, as several may be open at once.
  const prefix = rule === undefined ? 'rule' : `rule-${rule.id}`;
  const { fields: errors, other } = toFormErrors(save.error, knownPaths(draft));
  const set = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(toRuleInput(draft), {
      onSuccess: props.onSaved,
      onError: (error) => {
        // Keyboard and screen-reader users land on the first field to fix.
        const first = Object.keys(toFormErrors(error, knownPaths(draft)).fields)[0];
        if (first !== undefined)
          requestAnimationFrame(() => document.getElementById(controlId(prefix, first))?.focus());
      },
    });
  }

  const eventsError = errors['trigger.events'];
  const nextKey = Math.max(-1, ...draft.actions.map((a) => a.key)) + 1;
  return (
    <form
      className="form rule-editor"
      onSubmit={submit}
      noValidate
      aria-label={rule === undefined ? 'New rule' : `Edit ${rule.name}`}
    >
      <Field id={`${prefix}-name`} label="Name" error={errors.name}>
        <input
          {...describedBy(`${prefix}-name`, errors.name)}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <div className="choice">
        <label>
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />{' '}
          Enabled
        </label>
      </div>
      <fieldset className="choice rule-editor__group">
        <legend>Trigger</legend>
        <label>
          <input
            type="radio"
            name={`${prefix}-trigger`}
            checked={draft.triggerType === 'event'}
            onChange={() => set({ triggerType: 'event' })}
          />{' '}
          A Jira event
        </label>
        <label>
          <input
            type="radio"
            name={`${prefix}-trigger`}
            checked={draft.triggerType === 'api'}
            onChange={() => set({ triggerType: 'api' })}
          />{' '}
          An API call (or Run now)
        </label>
        {draft.triggerType === 'event' ? (
          <>
            <fieldset
              className="choice rule-editor__events"
              id={controlId(prefix, 'trigger.events')}
              tabIndex={-1}
              aria-describedby={eventsError === undefined ? undefined : `${prefix}-events-error`}
            >
              <legend>Events</legend>
              {RULE_EVENTS.map((name) => (
                <label key={name}>
                  <input
                    type="checkbox"
                    checked={draft.events.includes(name)}
                    onChange={(e) =>
                      set({
                        events: e.target.checked
                          ? RULE_EVENTS.filter((n) => n === name || draft.events.includes(n))
                          : draft.events.filter((n) => n !== name),
                      })
                    }
                  />{' '}
                  {EVENT_LABELS[name]}
                </label>
              ))}
              {eventsError === undefined ? null : (
                <p className="field__error" id={`${prefix}-events-error`} role="alert">
                  {eventsError}
                </p>
              )}
            </fieldset>
            <p className="field__help">
              Only events matching every filter below; empty matches any.
            </p>
            <div className="rule-editor__filters">
              {FILTER_FIELDS.map(([name, label]) => {
                const id = controlId(prefix, `trigger.filter.${name}`);
                const error = errors[`trigger.filter.${name}`];
                return (
                  <Field key={name} id={id} label={label} error={error}>
                    <input
                      {...describedBy(id, error)}
                      value={draft.filter[name]}
                      onChange={(e) => set({ filter: { ...draft.filter, [name]: e.target.value } })}
                    />
                  </Field>
                );
              })}
            </div>
          </>
        ) : null}
      </fieldset>
      <fieldset className="choice rule-editor__group">
        <legend>Actions, in order</legend>
        <ol className="rule-editor__actions">
          {draft.actions.map((action, index) => (
            <li key={action.key} className="rule-editor__action">
              <RuleActionFields
                idPrefix={prefix}
                index={index}
                action={action}
                errors={errors}
                onChange={(changed) =>
                  set({ actions: draft.actions.map((a, i) => (i === index ? changed : a)) })
                }
              />
              {draft.actions.length > 1 ? (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove action ${index + 1}`}
                  onClick={() => set({ actions: draft.actions.filter((_, i) => i !== index) })}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {draft.actions.length < MAX_ACTIONS ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => set({ actions: [...draft.actions, newAction(nextKey)] })}
          >
            Add action
          </button>
        ) : null}
      </fieldset>
      {other.length > 0 ? (
        <div className="notice notice--error" role="alert">
          {other.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {save.isError && Object.keys(errors).length === 0 && other.length === 0 ? (
        <ErrorNotice error={save.error} title="Could not save the rule" />
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save rule'}
        </button>
        <button type="button" className="button button--quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
