import type { CarrierDetail } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { selectCarriers, selectIncubatees } from '../incubation.queries.ts';

/** The carrier page: the carrier, its occupancy over time, the incubatees in it now. */
export async function readCarrier(
  tx: Tx,
  ctx: UserContext,
  id: string,
): Promise<z.output<typeof CarrierDetail>> {
  const [carrier] = await selectCarriers(tx, sql`c.id = ${id}`, { limit: 1, offset: 0 });
  if (!carrier) throw notFound(ctx.lang);
  const occupancy = rowsOf<{ on: string; seatsUsed: number; areaUsed: number }>(
    await tx.execute(sql`SELECT "on"::text AS "on", seats_used AS "seatsUsed", area_used AS "areaUsed"
      FROM carrier_occupancy WHERE carrier_id = ${id} ORDER BY "on"`),
  );
  const incubatees = await selectIncubatees(
    tx,
    sql`n.carrier_id = ${id} AND n.stage IN ('maker_space', 'incubator', 'accelerator', 'park')`,
    { limit: 500, offset: 0 },
  );
  return { ...carrier, occupancy, incubatees };
}
