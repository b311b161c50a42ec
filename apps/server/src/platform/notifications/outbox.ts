import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';

/** One outbox row as a delivery channel gets it. */
export type OutboxRow = {
  id: string;
  regionCode: string;
  channel: string;
  recipientId: string | null;
  target: string | null;
  kind: string;
  payload: Record<string, unknown>;
  /** This attempt's number, 1 for the first. */
  attempt: number;
  createdAt: Date;
};

/** What one attempt came to. A refusal is a value; a throw counts as a failure too. */
export type DeliveryResult =
  | { ok: true; status?: string; detail?: string }
  | {
      ok: false;
      status?: string;
      detail: string;
      /** No retry can help (no endpoint configured, no address): dead-lettered at once. */
      permanent?: boolean;
    };

/**
 * A kind of delivery. The worker claims rows of the channels it was given and calls `deliver`
 * outside any transaction; `holdUntil` may put a row back until a time without counting an
 * attempt (quiet hours). Another module plugs in by writing rows with its channel name
 * (enqueueDeliveries) and passing its DeliveryChannel to the worker in app.ts.
 */
export type DeliveryChannel = {
  name: string;
  deliver: (row: OutboxRow) => Promise<DeliveryResult>;
  holdUntil?: (row: OutboxRow, now: Date) => Date | null;
};

export type NewDelivery = {
  regionCode: string;
  channel: string;
  kind: string;
  payload: Record<string, unknown>;
  recipientId?: string | null;
  target?: string | null;
  /** Not before (default: at once). */
  notBefore?: Date;
};

/** Rows per statement: each chunk travels as one JSON parameter. */
const CHUNK = 5000;

/**
 * Writes deliveries into the outbox inside the caller's transaction: they exist exactly when the
 * change that caused them commits. (Notifications need no call: their trigger writes their rows.)
 */
export async function enqueueDeliveries(tx: Tx, deliveries: readonly NewDelivery[], at: Date) {
  for (let i = 0; i < deliveries.length; i += CHUNK) {
    const rows = deliveries.slice(i, i + CHUNK).map((d) => ({
      region_code: d.regionCode,
      channel: d.channel,
      kind: d.kind,
      payload: d.payload,
      recipient_id: d.recipientId ?? null,
      target: d.target ?? null,
      next_attempt_at: (d.notBefore ?? at).toISOString(),
    }));
    await tx.execute(sql`INSERT INTO outbox (region_code, channel, kind, payload, recipient_id, target,
        next_attempt_at, created_at)
      SELECT x.region_code, x.channel, x.kind, x.payload, x.recipient_id, x.target, x.next_attempt_at,
        ${at.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(region_code text, channel text, kind text,
        payload jsonb, recipient_id uuid, target text, next_attempt_at timestamptz)`);
  }
}

export type RetryPolicy = {
  /** Failures after which a row is dead-lettered. */
  maxAttempts: number;
  /** The first retry's delay; each next one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** Exponential back-off: the delay before attempt `failed + 1` after `failed` failures. */
export function backoffMs(policy: RetryPolicy, failed: number): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, failed - 1), policy.maxDelayMs);
}
