import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WebhookStatus } from './WebhookStatus.tsx';

const render = (webhook: Parameters<typeof WebhookStatus>[0]['webhook']) =>
  renderToStaticMarkup(createElement(WebhookStatus, { webhook }));

describe('WebhookStatus', () => {
  it('says why there is no webhook and that polling keeps the mirror fresh', () => {
    const html = render({
      status: 'not_admin',
      registered: false,
      receiverUrl: null,
      lastDeliveryAt: null,
      lastCheckedAt: '2026-11-23T10:00:00.000Z',
      refused: 2,
      error: 'The account is not a Jira administrator.',
    });
    expect(html).toContain('not a Jira administrator, so OwlHub cannot register a webhook');
    expect(html).toContain('Scheduled syncs keep the mirror fresh');
    expect(html).toContain('<dt>Refused deliveries</dt><dd>2</dd>');
    // The reason is said once, not again in the error's words.
    expect(html).not.toContain('The account is not a Jira administrator.');
  });

  it('shows a registered webhook without an error, and a missing one as not set up', () => {
    const registered = render({
      status: 'registered',
      registered: true,
      receiverUrl: 'https://owlhub.example.com/webhooks/jira/1',
      lastDeliveryAt: null,
      lastCheckedAt: null,
      refused: 0,
      error: null,
    });
    expect(registered).toContain('Jira sends changes to OwlHub as they happen.');
    expect(render(null)).toContain('Not set up yet.');
    const missing = render({
      status: 'missing',
      registered: false,
      receiverUrl: null,
      lastDeliveryAt: null,
      lastCheckedAt: null,
      refused: 0,
      error: 'Jira answered 403.',
    });
    expect(missing).toContain('Jira answered 403.');
  });
});
