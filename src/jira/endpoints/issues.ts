import type { JiraResult } from '../errors.ts';
import {
  CommentPageSchema,
  CommentSchema,
  type CommentPage,
  type JiraComment,
} from '../schemas/comment.ts';
import {
  CreatedIssueSchema,
  IssueSchema,
  type CreatedIssue,
  type JiraIssue,
} from '../schemas/issue.ts';
import { TransitionListSchema, type JiraTransition } from '../schemas/transition.ts';
import type { Transport } from '../transport.ts';

/** The body of a transition: the transition id plus any fields its screen asks for. */
export interface TransitionRequest {
  transitionId: string;
  fields?: Record<string, unknown>;
  update?: Record<string, unknown>;
}

/** Who to assign: `accountId` on Cloud, `name` (username) on Data Center; null unassigns. */
export type AssigneeRef = { accountId: string | null } | { name: string | null };

/** Reading and changing single issues. */
export interface IssueEndpoints {
  /** `GET issue/{idOrKey}`; a moved issue answers under its old key too. */
  getIssue(
    idOrKey: string,
    options?: { fields?: readonly string[]; expand?: readonly string[] },
  ): Promise<JiraResult<JiraIssue>>;
  /** `GET issue/{idOrKey}/comment`: one startAt/total page. */
  getComments(
    idOrKey: string,
    page?: { startAt?: number; maxResults?: number },
  ): Promise<JiraResult<CommentPage>>;
  /** `POST issue`: `fields` in the API version's representation (ADF description on v3). Never retried on network errors. */
  createIssue(fields: Record<string, unknown>): Promise<JiraResult<CreatedIssue>>;
  /** `GET issue/{idOrKey}/transitions` with their screen fields. */
  getTransitions(idOrKey: string): Promise<JiraResult<JiraTransition[]>>;
  /** `POST issue/{idOrKey}/transitions` → 204. */
  doTransition(idOrKey: string, request: TransitionRequest): Promise<JiraResult<undefined>>;
  /** `POST issue/{idOrKey}/comment`; `body` is ADF on v3 (see `commentBody`) and text on v2. */
  addComment(idOrKey: string, body: unknown): Promise<JiraResult<JiraComment>>;
  /** `PUT issue/{idOrKey}/assignee` → 204. */
  assignIssue(idOrKey: string, assignee: AssigneeRef): Promise<JiraResult<undefined>>;
}

/** Binds the issue endpoints to a transport. */
export function issueEndpoints(transport: Transport): IssueEndpoints {
  return {
    getIssue: (idOrKey, options = {}) =>
      transport.json(
        {
          method: 'GET',
          segments: ['issue', idOrKey],
          query: { fields: options.fields, expand: options.expand },
          idempotent: true,
        },
        IssueSchema,
      ),
    getComments: (idOrKey, page = {}) =>
      transport.json(
        {
          method: 'GET',
          segments: ['issue', idOrKey, 'comment'],
          query: { startAt: page.startAt, maxResults: page.maxResults, orderBy: 'created' },
          idempotent: true,
        },
        CommentPageSchema,
      ),
    createIssue: (fields) =>
      transport.json(
        { method: 'POST', segments: ['issue'], body: { fields }, idempotent: false },
        CreatedIssueSchema,
      ),
    getTransitions: async (idOrKey) => {
      const result = await transport.json(
        {
          method: 'GET',
          segments: ['issue', idOrKey, 'transitions'],
          query: { expand: 'transitions.fields' },
          idempotent: true,
        },
        TransitionListSchema,
      );
      return result.ok ? { ...result, value: result.value.transitions } : result;
    },
    doTransition: (idOrKey, request) =>
      transport.empty({
        method: 'POST',
        segments: ['issue', idOrKey, 'transitions'],
        body: {
          transition: { id: request.transitionId },
          ...(request.fields === undefined ? {} : { fields: request.fields }),
          ...(request.update === undefined ? {} : { update: request.update }),
        },
        idempotent: false,
      }),
    addComment: (idOrKey, body) =>
      transport.json(
        {
          method: 'POST',
          segments: ['issue', idOrKey, 'comment'],
          body: { body },
          idempotent: false,
        },
        CommentSchema,
      ),
    assignIssue: (idOrKey, assignee) =>
      transport.empty({
        method: 'PUT',
        segments: ['issue', idOrKey, 'assignee'],
        body: assignee,
        // Setting the same assignee twice leaves the same state.
        idempotent: true,
      }),
  };
}

/** A plain-text comment body for the API version: an ADF document on v3, the text itself on v2. */
export function commentBody(text: string, apiVersion: 2 | 3): unknown {
  if (apiVersion === 2) {
    return text;
  }
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => ({
    type: 'paragraph',
    content: paragraph === '' ? [] : [{ type: 'text', text: paragraph }],
  }));
  return { type: 'doc', version: 1, content: paragraphs };
}
