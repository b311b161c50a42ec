import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { eq } from 'drizzle-orm';
import type { DataBox } from '../../platform/crypto/data-box.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DeliveryChannel, DeliveryResult, OutboxRow } from '../../platform/notifications/outbox.ts';
import { checkTarget, TargetRefused } from './target-guard.ts';
import { webhookAllowLists, webhookSubscriptions } from './webhooks.table.ts';

/** What the receiver checks: HMAC-SHA256 over `<timestamp>.<body>` with the subscription's secret. */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The DataBox binding of a subscription's signing secret. */
export const secretPlace = (id: string) => `webhook_subscriptions.secret:${id}`;

const EXCERPT = 500;

/**
 * The outbox channel 'webhook': one signed POST per outbox row to its subscription's address,
 * connected to the address the SSRF guard checked. A 2xx answer is a delivery; anything else a
 * failure the outbox retries with back-off; a refused or cancelled target is dead at once.
 */
export function webhookChannel({ db, box }: { db: Database; box: DataBox }): DeliveryChannel {
  return {
    name: 'webhook',
    deliver: async (row: OutboxRow): Promise<DeliveryResult> => {
      const [subscription] = row.target
        ? await db.owner.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, row.target))
        : [];
      if (!subscription) return { ok: false, permanent: true, detail: '订阅已取消' };
      const [allow] = await db.owner
        .select()
        .from(webhookAllowLists)
        .where(eq(webhookAllowLists.regionCode, subscription.regionCode));
      const url = new URL(subscription.url);
      let target: { address: string; family: 4 | 6 };
      try {
        target = await checkTarget(url, allow?.hosts ?? []);
      } catch (error) {
        if (error instanceof TargetRefused) return { ok: false, permanent: true, detail: error.message };
        throw error;
      }
      const body = JSON.stringify({ deliveryId: row.id, ...row.payload });
      // Real time, not the app's clock: the receiver compares it with its own clock.
      const timestamp = String(Math.floor(Date.now() / 1000));
      const secret = box.decrypt(subscription.secret, secretPlace(subscription.id));
      const answer = await postTo(url, target, body, {
        'content-type': 'application/json',
        'user-agent': 'Gaodi-Webhook/1',
        'x-gaodi-event': row.kind,
        'x-gaodi-delivery': row.id,
        'x-gaodi-timestamp': timestamp,
        'x-gaodi-signature': signatureOf(secret, timestamp, body),
      });
      const detail = answer.text.slice(0, EXCERPT);
      const status = String(answer.status);
      return answer.status >= 200 && answer.status < 300
        ? { ok: true, status, detail }
        : { ok: false, status, detail: detail || `HTTP ${answer.status}` };
    },
  };
}

/** POSTs to the checked address (the Host header and TLS name stay the URL's), 10 s, 64 KB read. */
function postTo(
  url: URL,
  target: { address: string; family: 4 | 6 },
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: 10_000,
        lookup: (_host, options, done) => {
          if ((options as { all?: boolean }).all) done(null, [target] as never);
          else done(null, target.address, target.family);
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 65_536) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout after 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}
