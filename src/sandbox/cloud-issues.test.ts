import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.ts';
import { call } from './test-client.ts';

interface IdPage {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
}

describe('cloud sandbox: issues, moved keys, comments, create and transitions', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      flavor: 'cloud',
      issues: 600,
      projects: 3,
      seed: 7,
      pageCap: 100,
      timeZone: 'Australia/Sydney',
    });
  });
  afterAll(() => sandbox.stop());

  it('answers 404 with Jira bodies for unknown issues and projects', async () => {
    const issue = await call(sandbox, '/rest/api/3/issue/NOPE-1');
    expect(issue.status).toBe(404);
    expect(issue.body).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    const project = await call(sandbox, '/rest/api/3/project/NOPE');
    expect(project.status).toBe(404);
    expect((await call(sandbox, '/rest/api/3/no-such-resource')).body).toMatchObject({
      'status-code': 404,
    });
  });

  it('renders descriptions as ADF in v3 and wiki markup in v2', async () => {
    const withDescription = sandbox
      .listIssues()
      .find(
        (i) =>
          typeof (sandbox.renderIssue(i.key, '2')?.fields as { description?: unknown })
            .description === 'string',
      )!;
    const v3 = (await call(sandbox, `/rest/api/3/issue/${withDescription.key}?fields=description`))
      .body as { fields: { description: { type: string } } };
    const v2 = (await call(sandbox, `/rest/api/2/issue/${withDescription.key}?fields=description`))
      .body as { fields: { description: unknown } };
    expect(v3.fields.description.type).toBe('doc');
    expect(typeof v2.fields.description).toBe('string');
  });

  it('finds a moved issue by its old key, with the same id and a new key', async () => {
    const original = sandbox.getIssue('PAY-3')!;
    const moved = sandbox.moveIssue('PAY-3', 'MOB');
    expect(moved.id).toBe(original.id);
    expect(moved.key).toMatch(/^MOB-\d+$/);
    const byOldKey = await call(sandbox, '/rest/api/3/issue/PAY-3?fields=summary');
    expect(byOldKey.body).toMatchObject({ id: original.id, key: moved.key });
    const search = await call(
      sandbox,
      `/rest/api/3/search/jql?jql=${encodeURIComponent(`key = ${moved.key}`)}&fields=key`,
    );
    expect((search.body as IdPage).issues).toEqual([{ id: original.id, key: moved.key }]);
  });

  it('pages comments, some issues having more than one page', async () => {
    const busy = sandbox.listIssues().find((i) => i.commentCount > 100)!;
    const first = (await call(sandbox, `/rest/api/3/issue/${busy.key}/comment`)).body as {
      comments: unknown[];
      total: number;
      startAt: number;
    };
    expect(first.comments).toHaveLength(100);
    expect(first.total).toBe(busy.commentCount);
    const rest = (await call(sandbox, `/rest/api/3/issue/${busy.key}/comment?startAt=100`))
      .body as { comments: unknown[] };
    expect(rest.comments).toHaveLength(busy.commentCount - 100);
  });

  it('creates issues, transitions them and adds comments through the API', async () => {
    const description = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'From the test' }] }],
    };
    const created = await call(sandbox, '/rest/api/3/issue', {
      body: {
        fields: {
          project: { key: 'OWL' },
          issuetype: { name: 'Task' },
          summary: 'Created by a test',
          description,
        },
      },
    });
    expect(created.status).toBe(201);
    const { key } = created.body as { key: string };
    expect(sandbox.getIssue(key)?.summary).toBe('Created by a test');
    const invalid = await call(sandbox, '/rest/api/3/issue', {
      body: {
        fields: { project: { key: 'OWL' }, issuetype: { name: 'Task' }, description: 'plain' },
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      errors: { summary: 'You must specify a summary of the issue.' },
    });
    const transitions = (await call(sandbox, `/rest/api/3/issue/${key}/transitions`)).body as {
      transitions: { id: string; name: string }[];
    };
    const done = transitions.transitions.find((t) => t.name === 'Done')!;
    expect(transitions.transitions.every((t) => !('fields' in t))).toBe(true);
    const expanded = (
      await call(sandbox, `/rest/api/3/issue/${key}/transitions?expand=transitions.fields`)
    ).body as { transitions: { fields?: unknown }[] };
    expect(expanded.transitions.every((t) => JSON.stringify(t.fields) === '{}')).toBe(true);
    expect(
      (
        await call(sandbox, `/rest/api/3/issue/${key}/transitions`, {
          body: { transition: { id: done.id } },
        })
      ).status,
    ).toBe(204);
    expect(sandbox.getIssue(key)?.statusCategory).toBe('done');
    const comment = await call(sandbox, `/rest/api/3/issue/${key}/comment`, {
      body: { body: description },
    });
    expect(comment.status).toBe(201);
    const wiki = await call(sandbox, `/rest/api/3/issue/${key}/comment`, {
      body: { body: 'wiki text' },
    });
    expect(wiki.status).toBe(400);
  });
});
