import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import {
  backoffMs,
  DEFAULT_RETRY,
  type DeliveryChannel,
  type DeliveryResult,
  type OutboxRow,
  type RetryPolicy,
} from './outbox.ts';

export type DeliveryRound = {
  claimed: number;
  delivered: number;
  failed: number;
  dead: number;
  held: number;
};

export type DeliveryWorker = {
  /** Delivers continuously (main.ts): drains, waits `idleMs`, drains again; stop() ends it. */
  start: (log: { error: (obj: object, msg: string) => void }, idleMs?: number) => void;
  stop: () => Promise<void>;
  /** Claims one batch of due rows, delivers them, records the outcomes. */
  runOnce: () => Promise<DeliveryRound>;
  /** Rounds until nothing is due (or `maxRounds`); the totals. */
  drain: (maxRounds?: number) => Promise<DeliveryRound>;
};

type Options = {
  db: Database;
  clock: Clock;
  channels: readonly DeliveryChannel[];
  retry?: RetryPolicy;
  batchSize?: number;
  /** How long a claim keeps other workers off a row; a worker that died is replaced after it. */
  leaseMs?: number;
};

type Claimed = {
  id: string;
  region_code: string;
  channel: string;
  recipient_id: string | null;
  target: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: string | Date;
};

type Outcome = {
  id: string;
  region_code: string;
  channel: string;
  attempt: number;
  outcome: 'delivered' | 'failed' | 'dead' | 'held';
  status: string | null;
  detail: string | null;
  ms: number;
  next_at: string | null;
};

/**
 * Claims due rows on the owner connection (deliveries cross regions, like the other jobs):
 * `FOR UPDATE SKIP LOCKED` lets concurrent workers — other processes on PostgreSQL — take disjoint
 * rows, and the claim pushes next_attempt_at past a lease, so a row is in one worker's hands until
 * it records the outcome. The attempt count rises with the claim.
 */
async function claim(db: Database, channels: string[], now: Date, lease: Date, limit: number) {
  // In a transaction of its own: on PGlite that is what queues it behind a request's transaction.
  const result = await db.owner.transaction((tx) =>
    tx.execute(sql`UPDATE outbox o SET attempts = o.attempts + 1,
      next_attempt_at = ${lease.toISOString()}::timestamptz
    FROM (SELECT id FROM outbox
          WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
            AND channel = ANY(${`{${channels.join(',')}}`}::text[])
          ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) due
    WHERE o.id = due.id
    RETURNING o.id, o.region_code, o.channel, o.recipient_id, o.target, o.kind, o.payload, o.attempts, o.created_at`),
  );
  return rowsOf<Claimed>(result);
}

/** The outcomes of one batch: the rows' new state and the delivery log, two statements in one transaction. */
async function record(db: Database, outcomes: Outcome[], now: Date) {
  const json = JSON.stringify(outcomes);
  await db.owner.transaction(async (tx) => {
    await tx.execute(sql`UPDATE outbox o SET
        status = CASE r.outcome WHEN 'delivered' THEN 'delivered' WHEN 'dead' THEN 'dead' ELSE 'pending' END,
        delivered_at = CASE WHEN r.outcome = 'delivered' THEN ${now.toISOString()}::timestamptz END,
        attempts = CASE WHEN r.outcome = 'held' THEN o.attempts - 1 ELSE o.attempts END,
        next_attempt_at = coalesce(r.next_at, o.next_attempt_at),
        last_error = CASE WHEN r.outcome IN ('failed', 'dead') THEN r.detail ELSE o.last_error END
      FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, outcome text, detail text, next_at timestamptz)
      WHERE o.id = r.id`);
    await tx.execute(sql`INSERT INTO outbox_attempts (region_code, outbox_id, channel, attempt, at, outcome, status,
        detail, ms)
      SELECT r.region_code, r.id, r.channel, r.attempt, ${now.toISOString()}::timestamptz, r.outcome, r.status,
        r.detail, r.ms
      FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, region_code text, channel text, attempt int,
        outcome text, status text, detail text, ms int)`);
  });
}

const excerpt = (text: string | undefined | null) => (text ? text.slice(0, 500) : null);

async function attempt(channel: DeliveryChannel, row: OutboxRow): Promise<DeliveryResult> {
  try {
    return await channel.deliver(row);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

type Context = { byName: Map<string, DeliveryChannel>; retry: RetryPolicy; clock: Clock };

/** One claimed row: held back (quiet hours), or sent, and what that came to. */
async function deliverOne({ byName, retry, clock }: Context, c: Claimed): Promise<Outcome> {
  const channel = byName.get(c.channel) as DeliveryChannel;
  const row: OutboxRow = {
    id: c.id,
    regionCode: c.region_code,
    channel: c.channel,
    recipientId: c.recipient_id,
    target: c.target,
    kind: c.kind,
    payload: c.payload,
    attempt: c.attempts,
    createdAt: new Date(c.created_at),
  };
  const base = { id: c.id, region_code: c.region_code, channel: c.channel, attempt: c.attempts };
  const hold = channel.holdUntil?.(row, clock.now());
  if (hold) {
    const detail = `held until ${hold.toISOString()}`;
    return { ...base, outcome: 'held', status: null, detail, ms: 0, next_at: hold.toISOString() };
  }
  const started = performance.now();
  const result = await attempt(channel, row);
  const ms = Math.round(performance.now() - started);
  const status = result.status ?? null;
  if (result.ok)
    return { ...base, outcome: 'delivered', status, detail: excerpt(result.detail), ms, next_at: null };
  const dead = result.permanent === true || c.attempts >= retry.maxAttempts;
  const next = dead ? null : new Date(clock.now().getTime() + backoffMs(retry, c.attempts)).toISOString();
  return {
    ...base,
    outcome: dead ? 'dead' : 'failed',
    status,
    detail: excerpt(result.detail),
    ms,
    next_at: next,
  };
}

/** Drains, waits `idleMs` (or a stop), drains again, until stopped. */
function createLoop(drain: (maxRounds?: number) => Promise<DeliveryRound>) {
  let loop: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  return {
    start(log: { error: (obj: object, msg: string) => void }, idleMs = 1_000) {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          await drain(100).catch((err) => log.error({ err }, 'notification delivery round failed'));
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, idleMs).unref();
          });
        }
      })();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = null;
    },
  };
}

/** The delivery workers' loop body: any number of them, in any number of processes, on one database. */
export function createDeliveryWorker(options: Options): DeliveryWorker {
  const { db, clock } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 120_000;
  const ctx: Context = {
    byName: new Map(options.channels.map((c) => [c.name, c])),
    retry: options.retry ?? DEFAULT_RETRY,
    clock,
  };

  async function runOnce(): Promise<DeliveryRound> {
    const now = clock.now();
    const claimed = await claim(
      db,
      [...ctx.byName.keys()],
      now,
      new Date(now.getTime() + leaseMs),
      batchSize,
    );
    const round: DeliveryRound = { claimed: claimed.length, delivered: 0, failed: 0, dead: 0, held: 0 };
    if (claimed.length === 0) return round;
    const outcomes = await Promise.all(claimed.map((c) => deliverOne(ctx, c)));
    await record(db, outcomes, clock.now());
    for (const o of outcomes) round[o.outcome]++;
    return round;
  }

  async function drain(maxRounds = 1_000_000): Promise<DeliveryRound> {
    const total: DeliveryRound = { claimed: 0, delivered: 0, failed: 0, dead: 0, held: 0 };
    for (let i = 0; i < maxRounds; i++) {
      const round = await runOnce();
      for (const k of Object.keys(total) as (keyof DeliveryRound)[]) total[k] += round[k];
      if (round.claimed < batchSize) break;
    }
    return total;
  }

  return { runOnce, drain, ...createLoop(drain) };
}
