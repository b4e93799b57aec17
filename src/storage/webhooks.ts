import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { IntegrationWebhooksTable, WebhookDeliveriesTable } from './webhook-schema.ts';

/** An integration's webhook row. */
export type WebhookRow = Selectable<IntegrationWebhooksTable>;
/** Columns of a webhook row that setup and checks change. */
export type WebhookRowUpdate = Partial<Omit<WebhookRow, 'integration_id'>>;
/** A stored delivery. */
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

/** The webhook row of an integration, if it has one. */
export async function findWebhookRow(
  db: Kysely<Database>,
  integrationId: string,
): Promise<WebhookRow | undefined> {
  return db
    .selectFrom('integration_webhooks')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .executeTakeFirst();
}

/** Every webhook row, for the periodic check. */
export async function listWebhookRows(db: Kysely<Database>): Promise<WebhookRow[]> {
  return db.selectFrom('integration_webhooks').selectAll().orderBy('integration_id').execute();
}

function blankRow(integrationId: string, at: string): Insertable<IntegrationWebhooksTable> {
  return {
    integration_id: integrationId,
    status: 'pending',
    jira_webhook_id: null,
    receiver_url: null,
    jql_filter: null,
    secret_ciphertext: null,
    refused: 0,
    last_delivery_at: null,
    last_checked_at: null,
    error: null,
    updated_at: at,
  };
}

/** Creates or changes an integration's webhook row (the refused counter is kept). */
export async function saveWebhookRow(
  db: Kysely<Database>,
  integrationId: string,
  changes: WebhookRowUpdate & { updated_at: string },
): Promise<void> {
  await db
    .insertInto('integration_webhooks')
    .values({ ...blankRow(integrationId, changes.updated_at), ...changes })
    .onConflict((oc) => oc.column('integration_id').doUpdateSet(changes))
    .execute();
}

/** Counts one refused delivery for an integration. */
export async function countRefusedDelivery(
  db: Kysely<Database>,
  integrationId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('integration_webhooks')
    .values({ ...blankRow(integrationId, at), refused: 1 })
    .onConflict((oc) =>
      oc
        .column('integration_id')
        .doUpdateSet((eb) => ({ refused: eb('integration_webhooks.refused', '+', 1) })),
    )
    .execute();
}

/**
 * Stores a delivery unless one with the same identifier was stored before; returns whether it is
 * new. The primary key decides, so two copies arriving at once are still stored once.
 */
export async function insertDelivery(
  db: Kysely<Database>,
  delivery: Omit<DeliveryRow, 'processed_at' | 'outcome'>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .insertInto('webhook_deliveries')
      .values({ ...delivery, processed_at: null, outcome: null })
      .onConflict((oc) => oc.columns(['integration_id', 'identifier']).doNothing())
      .executeTakeFirst();
    await trx
      .insertInto('integration_webhooks')
      .values({
        ...blankRow(delivery.integration_id, delivery.received_at),
        last_delivery_at: delivery.received_at,
      })
      .onConflict((oc) =>
        oc.column('integration_id').doUpdateSet({ last_delivery_at: delivery.received_at }),
      )
      .execute();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  });
}

/** One stored delivery. */
export async function findDelivery(
  db: Kysely<Database>,
  integrationId: string,
  identifier: string,
): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('identifier', '=', identifier)
    .executeTakeFirst();
}

/** Records how processing a delivery ended. */
export async function markDeliveryProcessed(
  db: Kysely<Database>,
  integrationId: string,
  identifier: string,
  at: string,
  outcome: string,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ processed_at: at, outcome })
    .where('integration_id', '=', integrationId)
    .where('identifier', '=', identifier)
    .execute();
}

/** Forgets deliveries received before `before` (Jira stops retrying long before); returns how many. */
export async function pruneDeliveries(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('received_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every stored webhook secret, for key rotation. */
export async function listWebhookSecrets(
  db: Kysely<Database>,
): Promise<{ id: string; secret_ciphertext: string }[]> {
  const rows = await db
    .selectFrom('integration_webhooks')
    .select(['integration_id', 'secret_ciphertext'])
    .execute();
  return rows.flatMap((r) =>
    r.secret_ciphertext === null
      ? []
      : [{ id: r.integration_id, secret_ciphertext: r.secret_ciphertext }],
  );
}

/** Replaces a webhook secret only if it is still `previous` (a new registration may have replaced it). */
export async function replaceWebhookSecret(
  db: Kysely<Database>,
  integrationId: string,
  previous: string,
  next: string,
): Promise<boolean> {
  const result = await db
    .updateTable('integration_webhooks')
    .set({ secret_ciphertext: next })
    .where('integration_id', '=', integrationId)
    .where('secret_ciphertext', '=', previous)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
