import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyDispatcher } from '../net/index.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createJiraClient, type JiraClient } from './client.ts';
import { commentBody } from './endpoints/issues.ts';

describe.each([
  { flavor: 'cloud' as const, apiVersion: 3 as const },
  { flavor: 'datacenter' as const, apiVersion: 2 as const },
])('write endpoints against the $flavor sandbox', ({ flavor, apiVersion }) => {
  let sandbox: Sandbox;
  let client: JiraClient;

  beforeAll(async () => {
    // A page cap of 4 makes createmeta answer in several pages the client must follow.
    sandbox = await startSandbox({ flavor, projects: 1, issues: 5, seed: 11, pageCap: 4 });
    const c = sandbox.credentials;
    client = createJiraClient({
      baseUrl: sandbox.url,
      auth:
        c.flavor === 'cloud'
          ? { kind: 'cloud_basic', email: c.email, apiToken: c.apiToken }
          : { kind: 'bearer', token: c.personalAccessToken },
      apiVersion,
      dispatcher: createPolicyDispatcher({
        policy: { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] },
      }),
      retry: { maxAttempts: 1 },
    });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('reads every page of issue types and create-screen fields', async () => {
    const types = await client.createMetaIssueTypes('OWL');
    expect(types.ok && types.value.map((t) => t.name)).toEqual([
      'Task',
      'Bug',
      'Story',
      'Epic',
      'Sub-task',
    ]);
    const fields = await client.createMetaFields('OWL', '10003');
    if (!fields.ok) throw new Error(fields.error.kind);
    expect(fields.value).toHaveLength(13);
    expect(fields.value.find((f) => f.fieldId === 'customfield_10010')).toMatchObject({
      required: true,
      schema: { type: 'option' },
      allowedValues: expect.arrayContaining([expect.objectContaining({ value: 'Mobile' })]),
    });
    expect(await client.createMetaFields('NOPE', '10003')).toMatchObject({
      ok: false,
      error: { kind: 'bad_request' },
    });
  });

  it("creates, reports Jira's field errors, transitions, comments and assigns", async () => {
    const refused = await client.createIssue({
      project: { key: 'OWL' },
      issuetype: { id: '10003' },
      summary: 'No team',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'bad_request', fieldErrors: { customfield_10010: 'Team is required.' } },
    });
    const created = await client.createIssue({
      project: { key: 'OWL' },
      issuetype: { id: '10001' },
      summary: 'From the client',
    });
    if (!created.ok) throw new Error(created.error.kind);
    const { key } = created.value;

    const transitions = await client.getTransitions(key);
    if (!transitions.ok) throw new Error(transitions.error.kind);
    const done = transitions.value.find((t) => t.to?.name === 'Done');
    expect(await client.doTransition(key, { transitionId: done?.id ?? '' })).toMatchObject({
      ok: true,
    });
    expect(sandbox.getIssue(key)?.status).toBe('Done');

    const comment = await client.addComment(key, commentBody('Looks good', apiVersion));
    expect(comment.ok).toBe(true);
    expect(sandbox.getIssue(key)?.commentCount).toBe(1);

    const reporter = sandbox.getIssue(key)?.reporterId ?? '';
    const myself = await client.myself();
    const name = myself.ok ? (myself.value.name ?? '') : '';
    const assignee = flavor === 'cloud' ? { accountId: reporter } : { name };
    expect(await client.assignIssue(key, assignee)).toMatchObject({ ok: true });
    expect(sandbox.getIssue(key)?.assigneeId).toBe(reporter);
    const none = flavor === 'cloud' ? { accountId: null } : { name: null };
    expect(await client.assignIssue(key, none)).toMatchObject({ ok: true });
    expect(sandbox.getIssue(key)?.assigneeId).toBeNull();
  });
});
