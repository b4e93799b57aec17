import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import { createPolicyDispatcher, sendRequest } from '../net/index.ts';
import { signBody } from '../webhooks/signature.ts';

/**
 * POSTs a JSON event to a rule's outbound URL under the network policy (the same addresses are
 * refused as for Jira sites), signed `X-OwlHub-Signature: sha256=<HMAC of the body>` with the
 * rule's secret. Returns what happened, in words for the run log.
 */
export async function postSignedEvent(
  deps: IntegrationCoreDeps,
  url: string,
  secret: string,
  event: unknown,
): Promise<{ ok: boolean; detail: string }> {
  const body = JSON.stringify(event);
  const dispatcher = createPolicyDispatcher({
    policy: deps.network,
    ...(deps.proxy === undefined ? {} : { proxy: deps.proxy }),
  });
  try {
    const sent = await sendRequest(dispatcher, {
      url: new URL(url),
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'OwlHub',
        'x-owlhub-signature': signBody(body, secret),
      },
      body,
      timeoutMs: 10_000,
      maxRedirects: 0,
    });
    if (!sent.ok) return { ok: false, detail: `not delivered (${sent.error.kind})` };
    const { status } = sent.value;
    return { ok: status >= 200 && status < 300, detail: `answered ${status}` };
  } finally {
    await dispatcher.close();
  }
}
