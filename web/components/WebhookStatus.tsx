import type { IntegrationWebhook, WebhookStatus as Status } from '../../src/shared/integrations.ts';
import { formatTime } from '../labels.ts';
import { Fact } from './Fact.tsx';

/** What each webhook status means for the mirror, in the integration page's words. */
const STATUS_TEXT: Record<Status, string> = {
  pending: 'Not set up yet. The mirror is kept fresh by scheduled syncs meanwhile.',
  registered: 'Jira sends changes to OwlHub as they happen.',
  not_admin:
    'The account is not a Jira administrator, so OwlHub cannot register a webhook. Scheduled syncs keep the mirror fresh.',
  no_public_url:
    'OWLHUB_PUBLIC_URL is not set, so Jira has no address to call. Scheduled syncs keep the mirror fresh.',
  missing:
    'The webhook is missing in Jira and could not be registered again. Scheduled syncs keep the mirror fresh.',
};

/** The integration's Jira webhook: whether Jira calls OwlHub, the last delivery, refusals. */
export function WebhookStatus(props: { webhook: IntegrationWebhook | null | undefined }) {
  const { webhook } = props;
  return (
    <section className="card" aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">Webhook</h2>
      {webhook === null || webhook === undefined ? (
        <p className="muted">{STATUS_TEXT.pending}</p>
      ) : (
        <>
          <p>{STATUS_TEXT[webhook.status]}</p>
          {/* The reasons above already say what not_admin and no_public_url errors would repeat. */}
          {webhook.error !== null &&
          (webhook.status === 'missing' || webhook.status === 'pending') ? (
            <p className="muted">{webhook.error}</p>
          ) : null}
          <dl>
            <Fact term="Last delivery" value={formatTime(webhook.lastDeliveryAt)} />
            <Fact term="Last checked" value={formatTime(webhook.lastCheckedAt)} />
            <Fact term="Refused deliveries" value={webhook.refused} />
          </dl>
        </>
      )}
    </section>
  );
}
