import { z } from 'zod';

/** An admin webhook as `/rest/webhooks/1.0/webhook` lists it; its id is the last segment of `self`. */
export const WebhookSchema = z.looseObject({
  self: z.string(),
  name: z.string().optional(),
  url: z.string(),
  events: z.array(z.string()).optional(),
  filters: z.record(z.string(), z.string()).optional(),
  enabled: z.boolean().optional(),
});

/** A parsed admin webhook. */
export type JiraWebhook = z.infer<typeof WebhookSchema>;

/** Every admin webhook of the site. */
export const WebhookListSchema = z.array(WebhookSchema);

/** The webhook's id, from its `self` URL (Jira's answer has no separate id field). */
export function webhookIdOf(webhook: JiraWebhook): string {
  return webhook.self.replace(/\/+$/, '').split('/').at(-1) ?? '';
}
