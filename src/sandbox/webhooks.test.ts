import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.ts';
import { authHeader, call } from './test-client.ts';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  body: {
    webhookEvent: string;
    issue: { key: string };
    changelog?: { items: { field: string; toString: string | null }[] };
    comment?: { id: string; body: string };
  };
}

describe('webhooks', () => {
  let sandbox: Sandbox;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, raw, body: JSON.parse(raw) as Received['body'] });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    sandbox = await startSandbox({ issues: 20, seed: 4, webhookRetryDelaysMs: [20, 40] });
  });
  afterAll(async () => {
    await sandbox.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('registers through the admin REST resource and delivers signed events in order, filtered by JQL', async () => {
    const registered = await call(sandbox, '/rest/webhooks/1.0/webhook', {
      body: {
        name: 'OwlHub',
        url: receiverUrl,
        events: [
          'jira:issue_created',
          'jira:issue_updated',
          'jira:issue_deleted',
          'comment_created',
          'comment_updated',
          'comment_deleted',
        ],
        filters: { 'issue-related-events-section': 'project = OWL' },
        secret: 's3cret',
      },
    });
    expect(registered.status).toBe(201);
    expect(((await call(sandbox, '/rest/webhooks/1.0/webhook')).body as unknown[]).length).toBe(1);

    const created = sandbox.createIssue({ projectKey: 'OWL', summary: 'Hooked' });
    sandbox.createIssue({ projectKey: 'PAY', summary: 'Filtered out' });
    sandbox.updateIssue(created.key, { status: 'In Progress' });
    const comment = sandbox.addComment(created.key, 'A comment');
    sandbox.updateComment(created.key, comment.id, 'An edited comment');
    sandbox.deleteComment(created.key, comment.id);
    sandbox.deleteIssue(created.key);
    await sandbox.flushWebhooks();

    expect(received.map((r) => r.body.webhookEvent)).toEqual([
      'jira:issue_created',
      'jira:issue_updated',
      'comment_created',
      'comment_updated',
      'comment_deleted',
      'jira:issue_deleted',
    ]);
    expect(received[3]?.body.comment).toMatchObject({ id: comment.id, body: 'An edited comment' });
    const identifiers = received.map((r) => r.headers['x-atlassian-webhook-identifier']);
    expect(new Set(identifiers).size).toBe(received.length);
    expect(received.every((r) => r.body.issue.key === created.key)).toBe(true);
    expect(received[1]?.body.changelog?.items).toContainEqual(
      expect.objectContaining({ field: 'status', toString: 'In Progress' }),
    );
    for (const delivery of received) {
      expect(delivery.headers['x-hub-signature']).toBe(
        `sha256=${createHmac('sha256', 's3cret').update(delivery.raw).digest('hex')}`,
      );
    }
    expect(sandbox.webhookDeliveries().map((d) => d.status)).toEqual([
      200, 200, 200, 200, 200, 200,
    ]);
  });

  it('is for admins only, and deletes registrations', async () => {
    const viewer = sandbox.addUser({ name: 'hookviewer', browse: ['OWL'] });
    const denied = await call(sandbox, '/rest/webhooks/1.0/webhook', { auth: authHeader(viewer) });
    expect(denied.status).toBe(403);
    expect((await call(sandbox, '/rest/webhooks/1.0/webhook/1', { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await call(sandbox, '/rest/webhooks/1.0/webhook/1', { method: 'DELETE' })).status).toBe(
      404,
    );
  });

  it('retries a failed delivery with the same identifier, then gives up without failing the change', async () => {
    const hook = sandbox.registerWebhook({
      url: 'http://127.0.0.1:9/unreachable',
      events: ['jira:issue_created'],
    });
    sandbox.createIssue({ projectKey: 'OWL', summary: 'Nobody listens' });
    await sandbox.flushWebhooks();
    const attempts = sandbox.webhookDeliveries().filter((d) => d.webhookId === hook.id);
    expect(attempts.map((d) => [d.retry, d.status])).toEqual([
      [0, null],
      [1, null],
      [2, null],
    ]);
    expect(new Set(attempts.map((d) => d.identifier)).size).toBe(1);
    expect(attempts[0]?.error).toBeTruthy();
  });

  it('retries 5xx and 429 answers but not other 4xx, marking retries with X-Atlassian-Webhook-Retry', async () => {
    const answers = [503, 429, 200, 400];
    const seen: { identifier: unknown; retry: unknown }[] = [];
    const flaky = createServer((request, response) => {
      seen.push({
        identifier: request.headers['x-atlassian-webhook-identifier'],
        retry: request.headers['x-atlassian-webhook-retry'],
      });
      request.resume();
      response.writeHead(answers.shift() ?? 200).end();
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const port = (flaky.address() as AddressInfo).port;
    sandbox.registerWebhook({
      url: `http://127.0.0.1:${port}/hook`,
      events: ['jira:issue_created'],
    });
    sandbox.createIssue({ projectKey: 'OWL', summary: 'Flaky receiver' });
    await sandbox.flushWebhooks();
    sandbox.createIssue({ projectKey: 'OWL', summary: 'Refused once' });
    await sandbox.flushWebhooks();
    await new Promise((resolve) => flaky.close(resolve));

    expect(seen.map((s) => s.retry)).toEqual([undefined, '1', '2', undefined]);
    expect(new Set(seen.slice(0, 3).map((s) => s.identifier)).size).toBe(1);
    expect(seen[3]?.identifier).not.toBe(seen[0]?.identifier);
  });
});
