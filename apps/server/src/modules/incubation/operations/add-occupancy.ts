import type { OccupancyInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { carrierOf } from '../incubation.queries.ts';
import { carrierOccupancy } from '../incubation.table.ts';
import { readCarrier } from './read-carrier.ts';

/** Records the seats and m² used on a day (a second record on the same day replaces the first). */
export async function addOccupancy(
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof OccupancyInput>,
) {
  const carrier = await carrierOf(tx, id);
  if (!carrier || !ctx.user.visibleRegions.includes(carrier.regionCode)) throw notFound(ctx.lang);
  await tx
    .insert(carrierOccupancy)
    .values({ ...input, carrierId: id, regionCode: carrier.regionCode })
    .onConflictDoUpdate({
      target: [carrierOccupancy.carrierId, carrierOccupancy.on],
      set: { seatsUsed: sql`excluded.seats_used`, areaUsed: sql`excluded.area_used` },
    });
  return readCarrier(tx, ctx, id);
}
