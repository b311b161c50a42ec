import { randomBytes } from 'node:crypto';
import {
  type Webhook,
  type WebhookAllowList,
  type WebhookCreateInput,
  type WebhookDelivery,
  WebhookEvent,
} from '@gaodi/contracts';
import { desc, eq, sql } from 'drizzle-orm';
import { recordUserAction } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataBox } from '../../platform/crypto/data-box.ts';
import type { Database } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { checkTarget, TargetRefused } from './target-guard.ts';
import { secretPlace } from './webhook-channel.ts';
import { webhookAllowLists, webhookSubscriptions } from './webhooks.table.ts';

type Deps = { db: Database; clock: Clock; box: DataBox };
export type WebhookService = ReturnType<typeof createWebhookService>;

/** The system administrator's webhook subscriptions, their delivery log and the allow-list. */
export function createWebhookService(deps: Deps) {
  return {
    list: (ctx: UserContext) => listWebhooks(deps, ctx),
    create: (ctx: UserContext, input: WebhookCreateInput) => createWebhook(deps, ctx, input),
    remove: (ctx: UserContext, id: string) => removeWebhook(deps, ctx, id),
    deliveries: (ctx: UserContext, id: string) => listDeliveries(deps, ctx, id),
    redeliver: (ctx: UserContext, id: string) => redeliver(deps, ctx, id),
    allowList: (ctx: UserContext) => readAllowList(deps, ctx),
    saveAllowList: (ctx: UserContext, input: WebhookAllowList) => saveAllowList(deps, ctx, input),
  };
}

const toWebhook = (r: typeof webhookSubscriptions.$inferSelect): Webhook => ({
  id: r.id,
  regionCode: r.regionCode,
  url: r.url,
  events: r.events.map((e) => WebhookEvent.parse(e)),
  createdAt: r.createdAt.toISOString(),
  createdByName: r.createdByName,
});

async function listWebhooks({ db }: Deps, ctx: UserContext): Promise<Webhook[]> {
  const rows = await db.transaction(ctx.scope, (tx) =>
    tx.select().from(webhookSubscriptions).orderBy(desc(webhookSubscriptions.createdAt)),
  );
  return rows.map(toWebhook);
}

async function readAllowList({ db }: Deps, ctx: UserContext): Promise<WebhookAllowList> {
  const [row] = await db.transaction(ctx.scope, (tx) =>
    tx.select().from(webhookAllowLists).where(eq(webhookAllowLists.regionCode, ctx.user.activeRegionCode)),
  );
  return { hosts: row?.hosts ?? [] };
}

async function createWebhook({ db, clock, box }: Deps, ctx: UserContext, input: WebhookCreateInput) {
  const url = new URL(input.url);
  try {
    await checkTarget(url, (await readAllowList({ db, clock, box }, ctx)).hosts);
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error;
    throw new AppError(400, 'VALIDATION', error.message, [{ path: 'url', message: error.message }]);
  }
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const now = clock.now();
  const row = await db.transaction(ctx.scope, async (tx) => {
    const id = crypto.randomUUID();
    const [created] = await tx
      .insert(webhookSubscriptions)
      .values({
        id,
        regionCode: ctx.user.activeRegionCode,
        url: url.toString(),
        events: [...new Set(input.events)],
        secret: box.encrypt(secret, secretPlace(id)),
        createdAt: now,
        createdByName: ctx.user.username,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await recordUserAction(tx, ctx, now, {
      action: 'create',
      targetType: 'webhook',
      targetId: id,
      detail: { url: created.url, events: created.events },
    });
    return created;
  });
  return { webhook: toWebhook(row), secret };
}

async function removeWebhook({ db, clock }: Deps, ctx: UserContext, id: string) {
  await db.transaction(ctx.scope, async (tx) => {
    const [gone] = await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).returning();
    if (!gone) throw notFound(ctx.lang);
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'delete',
      targetType: 'webhook',
      targetId: id,
      detail: { url: gone.url },
    });
  });
  return { ok: true as const };
}

type DeliveryRow = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  created_at: string | Date;
  delivered_at: string | Date | null;
  last_error: string | null;
  payload: Record<string, unknown>;
};
type AttemptRow = {
  outbox_id: string;
  attempt: number;
  at: string | Date;
  outcome: string;
  status: string | null;
  detail: string | null;
};
const iso = (v: string | Date) => new Date(v).toISOString();

async function listDeliveries({ db }: Deps, ctx: UserContext, id: string): Promise<WebhookDelivery[]> {
  return db.transaction(ctx.scope, async (tx) => {
    const [subscription] = await tx
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, id));
    if (!subscription) throw notFound(ctx.lang);
    const rows = rowsOf<DeliveryRow>(
      await tx.execute(sql`SELECT id, kind, status, attempts, created_at, delivered_at, last_error, payload
        FROM outbox WHERE channel = 'webhook' AND target = ${id} ORDER BY created_at DESC, id LIMIT 100`),
    );
    const ids = rows.map((r) => r.id);
    const attempts = ids.length
      ? rowsOf<AttemptRow>(
          await tx.execute(sql`SELECT outbox_id, attempt, at, outcome, status, detail FROM outbox_attempts
            WHERE outbox_id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY at, attempt`),
        )
      : [];
    return rows.map((r) => ({
      id: r.id,
      event: r.kind,
      status: r.status,
      attempts: r.attempts,
      createdAt: iso(r.created_at),
      deliveredAt: r.delivered_at ? iso(r.delivered_at) : null,
      lastError: r.last_error,
      payload: r.payload,
      log: attempts
        .filter((a) => a.outbox_id === r.id)
        .map((a) => ({
          attempt: a.attempt,
          at: iso(a.at),
          outcome: a.outcome,
          status: a.status,
          detail: a.detail,
        })),
    }));
  });
}

/** Manual redelivery: the row is due again at once with a fresh count of attempts; its log stays. */
async function redeliver({ db, clock }: Deps, ctx: UserContext, id: string) {
  const now = clock.now();
  await db.transaction(ctx.scope, async (tx) => {
    const rows = rowsOf<{ id: string }>(
      await tx.execute(sql`UPDATE outbox SET status = 'pending', attempts = 0,
          next_attempt_at = ${now.toISOString()}::timestamptz
        WHERE id = ${id} AND channel = 'webhook' RETURNING id`),
    );
    if (rows.length === 0) throw notFound(ctx.lang);
    await recordUserAction(tx, ctx, now, { action: 'redeliver', targetType: 'webhook', targetId: id });
  });
  return { ok: true as const };
}

async function saveAllowList({ db, clock }: Deps, ctx: UserContext, input: WebhookAllowList) {
  const hosts = [...new Set(input.hosts.map((h) => h.trim().toLowerCase()))];
  const regionCode = ctx.user.activeRegionCode;
  await db.transaction(ctx.scope, async (tx) => {
    const [before] = await tx
      .select()
      .from(webhookAllowLists)
      .where(eq(webhookAllowLists.regionCode, regionCode));
    await tx
      .insert(webhookAllowLists)
      .values({ regionCode, hosts })
      .onConflictDoUpdate({ target: webhookAllowLists.regionCode, set: { hosts } });
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'update',
      targetType: 'webhook',
      targetId: regionCode,
      detail: { allowList: { before: before?.hosts ?? [], after: hosts } },
    });
  });
  return { hosts };
}
