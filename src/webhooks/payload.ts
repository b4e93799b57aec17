import { z } from 'zod';

/** The issue and comment events OwlHub registers for. */
export const WEBHOOK_EVENTS = [
  'jira:issue_created',
  'jira:issue_updated',
  'jira:issue_deleted',
  'comment_created',
  'comment_updated',
  'comment_deleted',
] as const;

/** One changed field in an update's changelog. */
export const ChangeItemSchema = z.looseObject({
  field: z.string(),
  from: z.string().nullable().optional(),
  fromString: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  toString: z.string().nullable().optional(),
});

/**
 * What OwlHub reads of a Jira webhook body: the event and the issue it is about. The issue in the
 * body may be stale or partial (comment events carry a reduced one), so processing fetches it again.
 */
export const WebhookPayloadSchema = z.looseObject({
  webhookEvent: z.string(),
  timestamp: z.number().optional(),
  issue: z
    .looseObject({
      id: z.string(),
      key: z.string().optional(),
      fields: z.looseObject({ updated: z.string().optional() }).optional(),
    })
    .optional(),
  comment: z.looseObject({ id: z.string() }).optional(),
  changelog: z.looseObject({ items: z.array(ChangeItemSchema) }).optional(),
});

/** A parsed webhook body. */
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;
