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
    sandbox = await startSandbox({ issues: 20, seed: 4 });
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
    sandbox.addComment(created.key, 'A comment');
    sandbox.deleteIssue(created.key);
    await sandbox.flushWebhooks();

    expect(received.map((r) => r.body.webhookEvent)).toEqual([
      'jira:issue_created',
      'jira:issue_updated',
      'comment_created',
      'jira:issue_deleted',
    ]);
    expect(received.every((r) => r.body.issue.key === created.key)).toBe(true);
    expect(received[1]?.body.changelog?.items).toContainEqual(
      expect.objectContaining({ field: 'status', toString: 'In Progress' }),
    );
    for (const delivery of received) {
      expect(delivery.headers['x-hub-signature']).toBe(
        `sha256=${createHmac('sha256', 's3cret').update(delivery.raw).digest('hex')}`,
      );
    }
    expect(sandbox.webhookDeliveries().map((d) => d.status)).toEqual([200, 200, 200, 200]);
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

  it('records failed deliveries without failing the change', async () => {
    sandbox.registerWebhook({
      url: 'http://127.0.0.1:9/unreachable',
      events: ['jira:issue_created'],
    });
    sandbox.createIssue({ projectKey: 'OWL', summary: 'Nobody listens' });
    await sandbox.flushWebhooks();
    const last = sandbox.webhookDeliveries().at(-1);
    expect(last).toMatchObject({ event: 'jira:issue_created', status: null });
    expect(last?.error).toBeTruthy();
  });
});
