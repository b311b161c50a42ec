import type { IncubateeDetail, ReportInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { lockIncubatee, readIncubatee } from '../incubation.queries.ts';
import { incubateeReports } from '../incubation.table.ts';

/** The quarterly report (revenue, staff, R&D spend, IP, financing); saving a quarter again replaces it. */
export async function saveReport(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ReportInput>,
): Promise<IncubateeDetail> {
  const now = clock.now();
  const record = await lockIncubatee(tx, ctx, id);
  await tx
    .insert(incubateeReports)
    .values({ ...input, incubateeId: id, regionCode: record.regionCode, updatedAt: now })
    .onConflictDoUpdate({
      target: [incubateeReports.incubateeId, incubateeReports.year, incubateeReports.quarter],
      set: {
        revenue: sql`excluded.revenue`,
        staff: sql`excluded.staff`,
        rdSpend: sql`excluded.rd_spend`,
        ipCount: sql`excluded.ip_count`,
        financing: sql`excluded.financing`,
        updatedAt: now,
      },
    });
  return readIncubatee(tx, ctx, id);
}
