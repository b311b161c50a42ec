import type { HomeWork, WorkKind } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Database, rowsOf } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { WORK_SOURCES, type WorkRow } from '../home-work.sources.ts';

/** How many rows of each kind the home page lists (the count covers all of them). */
const SHOWN = 5;

/**
 * 待我处理: every kind of work the user's role has, in one read transaction under the user's
 * row-level security, so nobody sees a row their role may not read. Empty kinds are left out.
 */
export function readHomeWork(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
): Promise<HomeWork> {
  const today = chinaDay(clock.now());
  return db.transaction(ctx.scope, async (tx) => {
    const groups: HomeWork['groups'] = [];
    for (const source of WORK_SOURCES.filter((s) => s.has(ctx.user))) {
      const query = sql`${source.rows(ctx.user, today)} LIMIT ${SHOWN}`;
      const rows = rowsOf<WorkRow>(await tx.execute(query));
      if (rows.length === 0) continue;
      groups.push({
        kind: source.kind,
        href: source.href,
        total: Number(rows[0]?.total ?? 0),
        items: rows.map((r) => ({
          id: String(r.id),
          title: r.title || '—',
          note: r.note ?? '',
          stage: r.stage,
          due: r.due,
          isOverdue: DUE_KINDS.has(source.kind) && r.due !== null && r.due < today,
          href: r.href,
        })),
      });
    }
    return { groups };
  });
}

/** Kinds whose date is a deadline (for the others it is the day the item arrived). */
const DUE_KINDS = new Set<WorkKind>(['decision', 'recruitment', 'service_request', 'need', 'project']);
