import { sql } from 'drizzle-orm';
import { ownerChainHeads, verifyAuditChain } from '../../platform/audit/audit-chain.ts';
import { type AppDb, rowsOf } from '../../platform/db/database.ts';
import type { ApiClient } from './api-client.ts';
import type { Acked } from './crash-writer.ts';

/**
 * After a restart, through the API as the user sees it: each record acknowledged in the last cycle
 * is there at (at least) its acknowledged stage with its acknowledged entries, and a move's own
 * ledger entry is there exactly when the record stands at 接洽. Returns the problems found.
 */
export async function checkThroughApi(client: ApiClient, acked: Acked, ids: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const id of ids) {
    const want = acked.records.get(id);
    const res = await client.get(`/api/recruitment/records/${id}`);
    if (res.status !== 200 || !want) {
      problems.push(`record ${id}: acknowledged but answered ${res.status}`);
      continue;
    }
    const body = res.body as { stage: string; entries: { id: string; stageTo: string | null }[] };
    const entryIds = new Set(body.entries.map((e) => e.id));
    if (want.stage === 'contacted' && body.stage !== 'contacted')
      problems.push(`record ${id}: stage move lost`);
    for (const e of want.entries) if (!entryIds.has(e)) problems.push(`record ${id}: ledger entry ${e} lost`);
    const moves = body.entries.filter((e) => e.stageTo === 'contacted').length;
    if (moves !== (body.stage === 'contacted' ? 1 : 0))
      problems.push(`record ${id}: stage ${body.stage} with ${moves} move entries (half a move)`);
  }
  return problems;
}

const count = async (db: AppDb, query: ReturnType<typeof sql>) =>
  rowsOf<{ n: number }>(await db.execute(query))[0]?.n ?? 0;

/** The whole ledger of acknowledged writes against the tables, on the owner connection (server stopped or not). */
export async function checkThroughSql(
  db: AppDb,
  acked: Acked,
): Promise<{ checked: number; problems: string[] }> {
  const problems: string[] = [];
  const institutes = [...acked.institutes];
  const records = [...acked.records.keys()];
  const entries = [...acked.records.values()].flatMap((r) => r.entries);
  const contacted = [...acked.records].filter(([, r]) => r.stage === 'contacted').map(([id]) => id);
  const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
  const missing = async (table: string, ids: string[]) =>
    ids.length -
    (await count(db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE id = ANY(${uuids(ids)})`));
  const lost = {
    institutes: await missing('institutes', institutes),
    records: await missing('recruitment_records', records),
    entries: await missing('recruitment_entries', entries),
    moves: contacted.length
      ? await count(
          db,
          sql`SELECT count(*)::int AS n FROM recruitment_records WHERE id = ANY(${uuids(contacted)}) AND stage <> 'contacted'`,
        )
      : 0,
  };
  for (const [what, n] of Object.entries(lost)) if (n > 0) problems.push(`${n} acknowledged ${what} lost`);
  // Half-written: every transaction's rows together or none (the audit row, a move's ledger entry).
  const half = await count(
    db,
    sql`SELECT count(*)::int AS n FROM institutes i WHERE i.name LIKE '崩溃测试院所%'
          AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.target_type = 'institute' AND a.target_id = i.id::text)`,
  );
  if (half) problems.push(`${half} institutes without their audit row`);
  const halfRecords = await count(
    db,
    sql`SELECT count(*)::int AS n FROM recruitment_records r JOIN institutes i ON i.id = r.institute_id
        WHERE i.name LIKE '崩溃测试院所%' AND (
          NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.target_type = 'recruitment' AND a.target_id = r.id::text)
          OR (SELECT count(*) FROM recruitment_entries e WHERE e.record_id = r.id AND e.stage_to = 'contacted')
             <> (CASE WHEN r.stage = 'contacted' THEN 1 ELSE 0 END))`,
  );
  if (halfRecords) problems.push(`${halfRecords} records half-written (audit row or the move's entry)`);
  problems.push(...(await checkSnapshots(db, acked)));
  const chain = await verifyAuditChain(db, await ownerChainHeads(db), new Date(), []);
  if (!chain.ok) problems.push(`audit chain: ${chain.problems.length} problems`);
  return { checked: institutes.length + records.length + entries.length + contacted.length, problems };
}

/** A month-end snapshot is all or nothing per top-level region: its claim and its figures together. */
async function checkSnapshots(db: AppDb, acked: Acked): Promise<string[]> {
  const problems: string[] = [];
  for (const [period, answered] of acked.periods) {
    const rows = rowsOf<{ scope: string; claimed: boolean; finished: boolean; figures: number }>(
      await db.execute(sql`
        SELECT r.code AS scope,
               EXISTS (SELECT 1 FROM job_runs j WHERE j.job = 'indicators.snapshot' AND j.scope = r.code AND j.period = ${period}) AS claimed,
               EXISTS (SELECT 1 FROM job_runs j WHERE j.job = 'indicators.snapshot' AND j.scope = r.code AND j.period = ${period} AND j.finished_at IS NOT NULL) AS finished,
               (SELECT count(*)::int FROM indicator_snapshots s WHERE s.region_code = r.code AND s.period = ${period}) AS figures
        FROM regions r WHERE r.parent_code IS NULL`),
    );
    for (const r of rows) {
      if (r.claimed !== r.finished || r.claimed !== r.figures > 0)
        problems.push(
          `snapshot ${period} ${r.scope}: claimed ${r.claimed}, finished ${r.finished}, ${r.figures} figures`,
        );
      if (answered && !r.finished) problems.push(`snapshot ${period} ${r.scope}: answered but not there`);
    }
  }
  return problems;
}
