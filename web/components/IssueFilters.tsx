import type { SyntheticEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { IssueFilters as Filters } from '../issue-filter.ts';
import { useProjects, useSeenUsers, useStatuses } from '../mirror-queries.ts';

// Long enough that typing a word sends one request, short enough to feel live.
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The issue list's search box and filters. Choosing a filter applies it at once; the search box
 * applies what was typed once typing pauses (or on Enter), replacing the history entry so Back
 * does not step through every word.
 */
export function IssueFilters(props: {
  integrationId: string;
  filters: Filters;
  onChange: (change: Partial<Filters>, options: { replace: boolean }) => void;
}) {
  const { integrationId, filters, onChange } = props;
  const id = useId();
  const projects = useProjects(integrationId);
  const statuses = useStatuses(integrationId);
  const users = useSeenUsers(integrationId);
  const [text, setText] = useState(filters.q);
  // Back and Forward change the URL's q: the box follows it (state adjusted while rendering, as React advises).
  const [shownQ, setShownQ] = useState(filters.q);
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setText(filters.q);
  }
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The timer applies the search with the filters as they are then, not as they were when typing began.
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  function search(value: string) {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      latestOnChange.current({ q: value }, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
  }
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    window.clearTimeout(timer.current);
    onChange({ q: text }, { replace: true });
  }
  const statusNames = [...new Set((statuses.data ?? []).map((s) => s.name))];
  const filtered = filters.project !== '' || filters.status !== '' || filters.assignee !== '';

  return (
    <form className="issue-filters" role="search" aria-label="Issues" onSubmit={submit}>
      <div className="issue-filters__search">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          placeholder="Key or words, e.g. checkout timeout"
          onChange={(event) => search(event.target.value)}
        />
      </div>
      <div className="issue-filters__row">
        <Select
          id={`${id}-project`}
          label="Project"
          value={filters.project}
          onChange={(project) => onChange({ project }, { replace: false })}
          options={(projects.data ?? []).flatMap((p) =>
            p.key === null ? [] : [{ value: p.key, label: `${p.name} (${p.key})` }],
          )}
        />
        <Select
          id={`${id}-status`}
          label="Status"
          value={filters.status}
          onChange={(status) => onChange({ status }, { replace: false })}
          options={statusNames.map((name) => ({ value: name, label: name }))}
        />
        <Select
          id={`${id}-assignee`}
          label="Assignee"
          value={filters.assignee}
          onChange={(assignee) => onChange({ assignee }, { replace: false })}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName ?? u.id }))}
        />
        {filtered ? (
          <button
            type="button"
            className="button button--quiet issue-filters__clear"
            onClick={() => onChange({ project: '', status: '', assignee: '' }, { replace: false })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  // A value from a shared URL that the metadata does not (yet) list must still show as selected.
  const known = props.value === '' || props.options.some((o) => o.value === props.value);
  return (
    <div className="issue-filters__field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">Any</option>
        {known ? null : <option value={props.value}>{props.value}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
