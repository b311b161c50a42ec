import type { EntryKind, Grade, Light, Stage } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { regions } from '../../../platform/tenancy/region.table.ts';
import { readStageNames } from '../../settings/index.ts';
import { type LedgerEntryRow, type LedgerRecordRow, writeRecruitmentLedger } from '../recruitment.report.ts';

/** The bare SQL of the ledger export (the bench times it alone to show the application's overhead). */
export const LEDGER_RECORDS_SQL = sql`
  SELECT r.id, i.name AS institute, r.grade, r.stage, coalesce(l.light, 'none') AS light, l.reasons,
         r.cooperation_mode AS mode, coalesce(ind.name, '') AS industry, r.next_step, r.next_date::text AS next_date,
         coalesce(o.display_name, '') AS owner, coalesce(ld.display_name, '') AS lead, r.is_green_channel,
         r.signed_on::text AS signed_on
  FROM recruitment_records r
  JOIN institutes i ON i.id = r.institute_id
  LEFT JOIN industries ind ON ind.id = r.industry_id
  LEFT JOIN users o ON o.id = r.owner_id
  LEFT JOIN users ld ON ld.id = r.task_force_lead_id
  LEFT JOIN supervision_lights l ON l.item_type = 'recruitment' AND l.item_id = r.id
  ORDER BY r.grade, i.name, r.id`;

export function ledgerEntriesSql(from: string | null, to: string) {
  return sql`
    SELECT e.id, e.record_id, e.entry_on::text AS entry_on, e.kind, e.participants, e.content, e.result, e.next_step,
           e.next_date::text AS next_date, e.stage_from, e.stage_to, e.corrects_id, e.author_name
    FROM recruitment_entries e
    WHERE e.entry_on < ${to}::date ${from ? sql`AND e.entry_on >= ${from}::date` : sql``}
    ORDER BY e.record_id, e.entry_on, e.created_at, e.id`;
}

type RecordSql = {
  id: string;
  institute: string;
  grade: Grade;
  stage: Stage;
  light: Light;
  reasons: { message: string }[] | null;
  mode: string;
  industry: string;
  next_step: string;
  next_date: string | null;
  owner: string;
  lead: string;
  is_green_channel: boolean;
  signed_on: string | null;
};
type EntrySql = {
  id: string;
  record_id: string;
  entry_on: string;
  kind: EntryKind;
  participants: string;
  content: string;
  result: string;
  next_step: string;
  next_date: string | null;
  stage_from: Stage | null;
  stage_to: Stage | null;
  corrects_id: string | null;
  author_name: string;
};

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: next };
}

const toEntryRow = (e: EntrySql): LedgerEntryRow => ({
  id: e.id,
  recordId: e.record_id,
  entryOn: e.entry_on,
  kind: e.kind,
  participants: e.participants,
  content: e.content,
  result: e.result,
  nextStep: e.next_step,
  nextDate: e.next_date,
  stageFrom: e.stage_from,
  stageTo: e.stage_to,
  correctsId: e.corrects_id,
  author: e.author_name,
});

/** Reads the ledger in one transaction (what the caller may see), audits the export, writes the .xlsx. */
export async function exportRecruitmentLedger(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  query: { month: string; isFullHistory?: boolean },
): Promise<{ buffer: Buffer; regionName: string }> {
  const at = clock.now();
  const { from, to } = monthRange(query.month);
  const data = await db.transaction(ctx.scope, async (tx: Tx) => {
    const records = rowsOf<RecordSql>(await tx.execute(LEDGER_RECORDS_SQL));
    const entries = rowsOf<EntrySql>(
      await tx.execute(ledgerEntriesSql(query.isFullHistory ? null : from, to)),
    );
    const [region] = await tx
      .select({ name: regions.name })
      .from(regions)
      .where(eq(regions.code, ctx.user.activeRegionCode));
    await recordAudit(tx, {
      regionCode: ctx.user.activeRegionCode,
      at,
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action: 'export',
      targetType: 'recruitment',
      result: 'ok',
      clientAddress: ctx.clientAddress,
      detail: {
        month: query.month,
        isFullHistory: query.isFullHistory === true,
        records: records.length,
        entries: entries.length,
      },
    });
    const stageNames = await readStageNames(tx, ctx.user.activeRegionCode, 'recruitment');
    return { records, entries, stageNames, regionName: region?.name ?? ctx.user.activeRegionCode };
  });
  const records: LedgerRecordRow[] = data.records.map((r) => ({
    id: r.id,
    institute: r.institute,
    grade: r.grade,
    stage: r.stage,
    light: r.light,
    lightReason: (r.reasons ?? []).map((x) => x.message).join('；'),
    mode: r.mode,
    industry: r.industry,
    nextStep: r.next_step,
    nextDate: r.next_date,
    owner: r.owner,
    lead: r.lead,
    isGreenChannel: r.is_green_channel,
    signedOn: r.signed_on,
  }));
  // Detail rows follow the summary's order of records, then date.
  const order = new Map(records.map((r, i) => [r.id, i]));
  const entries = data.entries
    .map(toEntryRow)
    .sort((a, b) => (order.get(a.recordId) ?? 0) - (order.get(b.recordId) ?? 0));
  const monthEntries = query.isFullHistory
    ? entries.filter((e) => e.entryOn >= from && e.entryOn < to)
    : entries;
  const buffer = await writeRecruitmentLedger({
    regionName: data.regionName,
    month: query.month,
    at,
    records,
    entries,
    monthEntries,
    stageNames: data.stageNames,
  });
  return { buffer, regionName: data.regionName };
}
