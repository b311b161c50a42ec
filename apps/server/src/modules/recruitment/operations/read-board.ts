import { type BoardQuery, GRADES, type RecruitmentSummary, STAGES } from '@gaodi/contracts';
import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { institutes } from '../../directory/index.ts';
import { supervisionLights } from '../../supervision/index.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import {
  LIGHT_RANK,
  lightJoin,
  listWhere,
  summaryQuery,
  todayOf,
  toSummary,
} from '../recruitment.queries.ts';
import { recruitmentRecords } from '../recruitment.table.ts';

type BoardInput = z.output<typeof BoardQuery>;
type Column = { key: string; label?: string; total: number; items: RecruitmentSummary[] };

/** The board's grouping expressions: a record's column key ('' for a record without an owner). */
const BOARD_KEY: Record<BoardInput['groupBy'], SQL> = {
  stage: sql`${recruitmentRecords.stage}`,
  grade: sql`${recruitmentRecords.grade}`,
  light: sql`coalesce(${supervisionLights.light}, 'none')`,
  owner: sql`coalesce(${recruitmentRecords.ownerId}::text, '')`,
};
/** The columns shown even when empty, in order (stages: the main line, then the side exits). */
const FIXED_BOARD_KEYS: Record<Exclude<BoardInput['groupBy'], 'owner'>, readonly string[]> = {
  stage: STAGES,
  grade: GRADES,
  light: ['red', 'yellow', 'green', 'none'],
};
const BY_NAME = new Intl.Collator('zh-CN');

/** Per column key: the ids of its first `perColumn` cards and its total, ranked by one window in SQL. */
async function topCards(tx: Tx, query: BoardInput, day: string) {
  const key = BOARD_KEY[query.groupBy];
  const base = tx
    .select({
      id: sql<string>`${recruitmentRecords.id}`.as('card_id'),
      key: sql<string>`${key}`.as('card_key'),
      rn: sql<number>`row_number() OVER (PARTITION BY ${key} ORDER BY ${LIGHT_RANK} DESC, ${recruitmentRecords.updatedAt} ASC, ${recruitmentRecords.id})`.as(
        'rn',
      ),
      total: sql<number>`count(*) OVER (PARTITION BY ${key})`.as('total'),
    })
    .from(recruitmentRecords)
    .leftJoin(supervisionLights, lightJoin)
    .$dynamic();
  // The institute is joined only to search its name: on a large region every join costs a row-level-security scan.
  const ranked = (
    query.q ? base.innerJoin(institutes, eq(institutes.id, recruitmentRecords.instituteId)) : base
  )
    .where(listWhere(query, day))
    .as('ranked');
  return tx
    .select({ id: ranked.id, key: ranked.key, total: ranked.total })
    .from(ranked)
    .where(sql`${ranked.rn} <= ${query.perColumn}`);
}

/**
 * The board: per value of the grouping field its count and its first cards, worst light first,
 * then least recently touched. Ranked in SQL (one window partitioned by the grouping expression),
 * so only the cards shown are read in full.
 */
export function readBoard(
  { db, clock }: Pick<RecruitmentDeps, 'db' | 'clock'>,
  ctx: UserContext,
  query: BoardInput,
) {
  const day = todayOf(clock);
  return db.transaction(ctx.scope, async (tx) => {
    const top = await topCards(tx, query, day);
    const totals = new Map(top.map((t) => [t.key, Number(t.total)]));
    const keyOf = new Map(top.map((t) => [t.id, t.key]));
    const rows =
      top.length === 0
        ? []
        : await summaryQuery(
            tx,
            day,
            inArray(
              recruitmentRecords.id,
              top.map((t) => t.id),
            ),
          ).orderBy(desc(LIGHT_RANK), asc(recruitmentRecords.updatedAt), asc(recruitmentRecords.id));
    const items = new Map<string, RecruitmentSummary[]>();
    for (const row of rows) {
      const k = keyOf.get(row.r.id) ?? '';
      const list = items.get(k) ?? [];
      list.push(toSummary(row));
      items.set(k, list);
    }
    const column = (k: string, label?: string): Column => ({
      key: k,
      ...(label === undefined ? {} : { label }),
      total: totals.get(k) ?? 0,
      items: items.get(k) ?? [],
    });
    if (query.groupBy !== 'owner') {
      return { groupBy: query.groupBy, columns: FIXED_BOARD_KEYS[query.groupBy].map((k) => column(k)) };
    }
    // Owners with cards, by name (every such column shows at least one card, which names its owner).
    const owners = [...totals.keys()]
      .filter((k) => k !== '')
      .map((k) => ({ k, name: items.get(k)?.[0]?.owner?.name ?? k }))
      .sort((a, b) => BY_NAME.compare(a.name, b.name) || a.k.localeCompare(b.k));
    return { groupBy: query.groupBy, columns: [...owners.map((o) => column(o.k, o.name)), column('')] };
  });
}
