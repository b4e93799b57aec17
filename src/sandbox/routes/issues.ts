import { Hono } from 'hono';
import { z } from 'zod';
import { requireWriter } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { intParam, jiraError, readBody } from '../http/respond.ts';
import { renderComment, renderCommentPage } from '../render/comment.ts';
import { selectFields } from '../render/fields.ts';
import { fieldNames, renderIssue } from '../render/issue.ts';
import { assigneeRoutes } from './assignee.ts';
import { createIssueRoute } from './create-issue.ts';
import { createMetaRoutes } from './create-meta.ts';
import { NOT_ADF, readRichText } from './rich-text.ts';
import {
  ISSUE_NOT_FOUND,
  renderContextFor,
  requestScope,
  visibleIssue,
  type ApiScope,
} from './route-context.ts';
import { transitionRoutes } from './transitions.ts';

/** GET issue, comments (paged, and adding one), create issue with its metadata, transitions and assignee. */
export function issueRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime, version } = scope;
  const app = new Hono<SandboxEnv>();
  app.route('/', createIssueRoute(scope));
  app.route('/', transitionRoutes(scope));
  app.route('/', createMetaRoutes(scope));
  app.route('/', assigneeRoutes(scope));

  app.get('/issue/:issueIdOrKey', (c) => {
    const { account, render } = requestScope(c, scope);
    const issue = visibleIssue(runtime, account, c.req.param('issueIdOrKey'));
    if (issue === undefined) return jiraError(c, 404, [ISSUE_NOT_FOUND]);
    const rendered = renderIssue(
      issue,
      render,
      // Only Cloud's /search/jql leaves out self, key and fields; GET issue always sends them.
      { ...selectFields(c.req.queries('fields') ?? [], '*all'), idOnly: false },
    );
    const expand = (c.req.query('expand') ?? '').split(',');
    return c.json(expand.includes('names') ? { ...rendered, names: fieldNames() } : rendered);
  });

  app.get('/issue/:issueIdOrKey/comment', (c) => {
    const { account, render } = requestScope(c, scope);
    const issue = visibleIssue(runtime, account, c.req.param('issueIdOrKey'));
    if (issue === undefined) return jiraError(c, 404, [ISSUE_NOT_FOUND]);
    const startAt = Math.max(0, intParam(c.req.query('startAt'), 0));
    const asked = intParam(c.req.query('maxResults'), runtime.flavor === 'cloud' ? 100 : 5000);
    const maxResults = Math.min(Math.max(0, asked), runtime.limits.pageCap);
    const newestFirst = c.req.query('orderBy') === '-created';
    const page = renderCommentPage(render, issue, startAt, maxResults, newestFirst);
    // Cloud's comment page has no `self`; Data Center's does.
    if (runtime.flavor === 'cloud') delete page.self;
    return c.json({ ...page, maxResults });
  });

  app.post('/issue/:issueIdOrKey/comment', async (c) => {
    const account = requireWriter(c);
    if (account instanceof Response) return account;
    const issue = visibleIssue(runtime, account, c.req.param('issueIdOrKey'));
    if (issue === undefined) return jiraError(c, 404, [ISSUE_NOT_FOUND]);
    const body = await readBody(c, z.looseObject({ body: z.unknown() }));
    if (body instanceof Response) return body;
    const blocks = readRichText(version, body.body);
    if (blocks === null || blocks.length === 0) {
      return jiraError(c, 400, [], {
        comment: version === '3' ? NOT_ADF : 'Comment body can not be empty!',
      });
    }
    const comment = runtime.store.addComment(issue, account.user.id, blocks, runtime.now());
    return c.json(renderComment(renderContextFor(scope, account), issue, comment), 201);
  });
  return app;
}
