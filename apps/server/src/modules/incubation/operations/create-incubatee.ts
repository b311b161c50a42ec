import type { IncubateeDetail, IncubateeInput } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, invalid } from '../../../platform/http/errors.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { carrierOf, readIncubatee } from '../incubation.queries.ts';
import { incubateeMoves, incubatees } from '../incubation.table.ts';

/** 409 on `creditCode` when another incubatee of the region already has it. */
export async function refuseDuplicateCode(tx: Tx, regionCode: string, creditCode: string | null) {
  if (!creditCode) return;
  const [other] = await tx
    .select({ name: incubatees.name })
    .from(incubatees)
    .where(and(eq(incubatees.regionCode, regionCode), eq(incubatees.creditCode, creditCode)));
  if (other)
    throw new AppError(409, 'DUPLICATE', '该统一社会信用代码已登记', [
      { path: 'creditCode', message: `该统一社会信用代码已登记：${other.name}` },
    ]);
}

/** Entry (入驻): a team or an enterprise enters a carrier; its stage is the carrier's kind. */
export async function createIncubatee(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof IncubateeInput>,
): Promise<IncubateeDetail> {
  const now = clock.now();
  const carrier = await carrierOf(tx, input.carrierId);
  if (!carrier || !ctx.user.visibleRegions.includes(carrier.regionCode))
    throw invalid([{ path: 'carrierId', message: '载体不存在或不属于本地区' }], ctx.lang);
  if (input.enteredOn > chinaDay(now))
    throw invalid([{ path: 'enteredOn', message: '入驻日期不能晚于今天' }], ctx.lang);
  await refuseDuplicateCode(tx, carrier.regionCode, input.creditCode);
  const [row] = await tx
    .insert(incubatees)
    .values({
      regionCode: carrier.regionCode,
      name: input.name,
      creditCode: input.creditCode,
      stage: carrier.kind,
      stageChangedAt: now,
      carrierId: carrier.id,
      space: input.space,
      contact: input.contact,
      enteredOn: input.enteredOn,
      rdRegionCode: carrier.locationRegionCode,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: incubatees.id });
  const id = row?.id as string;
  await tx.insert(incubateeMoves).values({
    regionCode: carrier.regionCode,
    incubateeId: id,
    on: input.enteredOn,
    fromStage: null,
    toStage: carrier.kind,
    carrierId: carrier.id,
    text: '入驻',
    at: now,
  });
  await recordUserAction(tx, ctx, now, { action: 'create', targetType: 'incubatee', targetId: id });
  return readIncubatee(tx, ctx, id);
}
