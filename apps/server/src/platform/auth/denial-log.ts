import type { Clock } from '../clock.ts';
import type { RequestContext } from './context.ts';

type Write = (ctx: RequestContext, action: string, targetType: string, detail?: unknown) => Promise<void>;
type Bucket = { minute: number; count: number; ctx: RequestContext; action: string; targetType: string };

/** More keys than this in one minute: the older ones are written out at once (memory stays bounded). */
const MAX_KEYS = 5_000;

/**
 * Refused requests (403) aggregated per user (or client address) and route per minute: the first
 * of a minute is written at once, the repeats of that minute as one row `{ repeated, minute }`
 * when a later minute's denial comes in. A burst of thousands of denials is two audit rows.
 */
export function createDenialLog(clock: Clock, write: Write) {
  const buckets = new Map<string, Bucket>();
  async function flush(before: number) {
    for (const [key, b] of buckets) {
      if (b.minute >= before) continue;
      buckets.delete(key);
      if (b.count > 1)
        await write(b.ctx, b.action, b.targetType, {
          repeated: b.count - 1,
          minute: new Date(b.minute * 60_000).toISOString(),
        });
    }
  }
  return async function recordDenied(ctx: RequestContext, action: string, targetType: string) {
    const minute = Math.floor(clock.now().getTime() / 60_000);
    await flush(buckets.size > MAX_KEYS ? Number.POSITIVE_INFINITY : minute);
    const key = `${ctx.user?.id ?? ctx.clientAddress}|${action}`;
    const bucket = buckets.get(key);
    if (bucket) {
      bucket.count++;
      return;
    }
    buckets.set(key, { minute, count: 1, ctx, action, targetType });
    await write(ctx, action, targetType);
  };
}
