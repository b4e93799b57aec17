import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { MirrorIssueDetail } from '../../src/shared/mirror.ts';
import { assignIssue, commentIssue, transitionIssue } from '../action-endpoints.ts';
import { useTransitions } from '../action-queries.ts';
import { useIdempotencyKey } from '../idempotency-key.ts';
import { mirrorKeys } from '../mirror-queries.ts';
import { useIntegration, useUser } from '../queries.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import '../actions.css';
import { Field } from './Field.tsx';

/**
 * Acting on the issue in Jira: move it, comment, assign. Each answer is the issue as the mirror
 * now holds it, shown at once. Viewers see none of it (the server refuses them anyway).
 */
export function IssueActions(props: { id: string; issue: MirrorIssueDetail }) {
  const { id, issue } = props;
  const user = useUser();
  const canAct = user !== null && user.role !== 'viewer';
  const queryClient = useQueryClient();
  const transitions = useTransitions(id, issue.key, canAct);
  const deployment = useIntegration(id).data?.deployment;
  const commentKey = useIdempotencyKey();
  const [transitionId, setTransitionId] = useState('');
  const [comment, setComment] = useState('');
  const [assignee, setAssignee] = useState('');
  const show = async (updated: MirrorIssueDetail) => {
    queryClient.setQueryData(mirrorKeys.issue(id, issue.key), updated);
    // The page may show the issue under a key it had before a move: refresh that copy too.
    await queryClient.invalidateQueries({ queryKey: ['integrations', id, 'issue'] });
    await queryClient.invalidateQueries({
      queryKey: ['integrations', id, 'transitions', issue.key],
    });
    await queryClient.invalidateQueries({ queryKey: ['integrations', id, 'issues'] });
  };
  const move = useMutation({
    mutationFn: (to: string) => transitionIssue(id, issue.key, to),
    onSuccess: async (updated) => {
      setTransitionId('');
      await show(updated);
    },
  });
  const addComment = useMutation({
    mutationFn: (body: string) =>
      commentIssue(id, issue.key, body, commentKey({ key: issue.key, body })),
    onSuccess: async (updated) => {
      setComment('');
      await show(updated);
    },
  });
  const assign = useMutation({
    mutationFn: (who: string | null) =>
      assignIssue(id, issue.key, deployment === 'cloud' ? { accountId: who } : { name: who }),
    onSuccess: async (updated) => {
      setAssignee('');
      await show(updated);
    },
  });
  if (!canAct) return null;
  const onMove = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (transitionId !== '') move.mutate(transitionId);
  };
  const onComment = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (comment.trim() !== '') addComment.mutate(comment);
  };
  const onAssign = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (assignee.trim() !== '') assign.mutate(assignee.trim());
  };
  return (
    <section className="section issue-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Act in Jira</h2>
      <form className="form form--inline" onSubmit={onMove} aria-label="Transition">
        <Field id="action-transition" label="Move to">
          <select
            id="action-transition"
            value={transitionId}
            onChange={(e) => setTransitionId(e.target.value)}
          >
            <option value="">{transitions.isPending ? 'Loading…' : 'Choose a transition…'}</option>
            {(transitions.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.toStatus !== null && t.toStatus !== t.name ? ` → ${t.toStatus}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button" disabled={transitionId === '' || move.isPending}>
          Move
        </button>
        {move.isError ? <ErrorNotice error={move.error} /> : null}
      </form>
      <form className="form" onSubmit={onComment} aria-label="Comment">
        <Field id="action-comment" label="New comment">
          <textarea
            id="action-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Field>
        <button
          type="submit"
          className="button"
          disabled={comment.trim() === '' || addComment.isPending}
        >
          Add comment
        </button>
        {addComment.isError ? <ErrorNotice error={addComment.error} /> : null}
      </form>
      <form className="form form--inline" onSubmit={onAssign} aria-label="Assign">
        <Field
          id="action-assignee"
          label="Assign to"
          help={deployment === 'cloud' ? 'A Jira account id.' : 'A Jira username.'}
        >
          <input
            id="action-assignee"
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
          />
        </Field>
        <button
          type="submit"
          className="button"
          disabled={assignee.trim() === '' || assign.isPending}
        >
          Assign
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={issue.assignee === null || assign.isPending}
          onClick={() => assign.mutate(null)}
        >
          Unassign
        </button>
        {assign.isError ? <ErrorNotice error={assign.error} /> : null}
      </form>
    </section>
  );
}
