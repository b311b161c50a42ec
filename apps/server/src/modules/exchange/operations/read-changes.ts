import {
  type ChangeFeedPage,
  type ChangeFeedQuery,
  can,
  FEED_ENTITIES,
  type FeedEntity,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { rowsOf } from '../../../platform/db/rows.ts';

/** The fed kinds the caller may read: its role's read permission, and its key's when it is a key. */
export function readableEntities(ctx: UserContext): FeedEntity[] {
  return (Object.keys(FEED_ENTITIES) as FeedEntity[]).filter((entity) => {
    const resource = FEED_ENTITIES[entity];
    const key = ctx.user.apiKey;
    return can(ctx.user.role, resource, 'read') && (!key || key.permissions.has(`${resource}:read`));
  });
}

type Row = {
  id: string;
  txid: string;
  region_code: string;
  entity: string;
  entity_id: string;
  op: 'insert' | 'update' | 'delete';
  at: string | Date;
  data: Record<string, unknown> | null;
  changed: string[] | null;
};

/**
 * The changes after `after` in (txid, id) order, only those of transactions below this statement's
 * snapshot xmin: every transaction with a smaller id has ended, so no later commit can land behind
 * the cursor. Row-level security keeps the caller's region and the regions below. ORDER BY names
 * the table's columns: a bare `txid` would sort by the selected text ("3926" before "737").
 */
export async function readChanges(
  { db }: { db: Database },
  ctx: UserContext,
  query: ChangeFeedQuery,
): Promise<ChangeFeedPage> {
  const [afterTx, afterId] = (query.after ?? '0.0').split('.');
  const entities = readableEntities(ctx);
  if (entities.length === 0) return { items: [], next: query.after ?? null, hasMore: false };
  const rows = await db.transaction(ctx.scope, async (tx) =>
    rowsOf<Row>(
      await tx.execute(sql`
        SELECT id::text, txid::text, region_code, entity, entity_id, op, at, data, changed
        FROM change_feed
        WHERE (txid, id) > (${afterTx}::bigint, ${afterId}::bigint)
          AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
          AND entity = ANY(${`{${entities.join(',')}}`}::text[])
        ORDER BY change_feed.txid, change_feed.id
        LIMIT ${query.limit + 1}`),
    ),
  );
  const page = rows.slice(0, query.limit);
  const items = page.map((r) => ({
    cursor: `${r.txid}.${r.id}`,
    entity: r.entity,
    id: r.entity_id,
    op: r.op,
    regionCode: r.region_code,
    at: new Date(r.at).toISOString(),
    changed: r.changed ?? null,
    data: r.data,
  }));
  return { items, next: items.at(-1)?.cursor ?? query.after ?? null, hasMore: rows.length > query.limit };
}
