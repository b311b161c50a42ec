import type { Carrier, CarrierInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { selectCarriers } from '../incubation.queries.ts';
import { incubationCarriers } from '../incubation.table.ts';

/** Registers a carrier in the user's active region (409 on a name already used there). */
export async function createCarrier(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof CarrierInput>,
): Promise<Carrier> {
  const now = clock.now();
  const [row] = await tx
    .insert(incubationCarriers)
    .values({ ...input, regionCode: ctx.user.activeRegionCode, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: incubationCarriers.id });
  if (!row)
    throw new AppError(409, 'DUPLICATE', '同名载体已登记', [{ path: 'name', message: '同名载体已登记' }]);
  await recordUserAction(tx, ctx, now, {
    action: 'create',
    targetType: 'incubation_carrier',
    targetId: row.id,
  });
  const [carrier] = await selectCarriers(tx, sql`c.id = ${row.id}`, { limit: 1, offset: 0 });
  return carrier as Carrier;
}
