import type { IncubateeDetail, ReportInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { readIncubatee, reportableIncubatee } from '../incubation.queries.ts';

/** Writes one quarter's report, replacing an earlier one; true when it is new. */
export async function upsertReport(
  tx: Tx,
  incubateeId: string,
  regionCode: string,
  input: z.output<typeof ReportInput>,
  now: Date,
): Promise<boolean> {
  const [row] = rowsOf<{ inserted: boolean }>(
    await tx.execute(sql`INSERT INTO incubatee_reports (region_code, incubatee_id, year, quarter, revenue, staff,
        rd_spend, ip_count, financing, updated_at)
      VALUES (${regionCode}, ${incubateeId}, ${input.year}, ${input.quarter}, ${input.revenue}, ${input.staff},
        ${input.rdSpend}, ${input.ipCount}, ${input.financing}, ${now.toISOString()})
      ON CONFLICT (incubatee_id, year, quarter) DO UPDATE SET revenue = excluded.revenue, staff = excluded.staff,
        rd_spend = excluded.rd_spend, ip_count = excluded.ip_count, financing = excluded.financing,
        updated_at = excluded.updated_at
      RETURNING (xmax = 0) AS inserted`),
  );
  return row?.inserted ?? false;
}

/**
 * The quarterly report (revenue, staff, R&D spend, IP, financing), by the carrier's office or the
 * incubatee's own enterprise user; saving a quarter again replaces it.
 */
export async function saveReport(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ReportInput>,
): Promise<IncubateeDetail> {
  const record = await reportableIncubatee(tx, ctx, id);
  await upsertReport(tx, id, record.regionCode, input, clock.now());
  return readIncubatee(tx, ctx, id);
}
