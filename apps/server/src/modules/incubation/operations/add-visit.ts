import type { IncubateeDetail, VisitInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { invalid } from '../../../platform/http/errors.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { lockIncubatee, readIncubatee } from '../incubation.queries.ts';
import { incubateeVisits } from '../incubation.table.ts';

/** A visit (走访): date, who, notes, the problems raised (recorded; service requests come with the concierge module). */
export async function addVisit(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof VisitInput>,
): Promise<IncubateeDetail> {
  const now = clock.now();
  if (input.on > chinaDay(now)) throw invalid([{ path: 'on', message: '走访日期不能晚于今天' }], ctx.lang);
  const record = await lockIncubatee(tx, ctx, id);
  await tx
    .insert(incubateeVisits)
    .values({ ...input, incubateeId: id, regionCode: record.regionCode, createdAt: now });
  return readIncubatee(tx, ctx, id);
}
