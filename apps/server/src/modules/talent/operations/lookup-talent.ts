import { and, eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DataBox } from '../../../platform/crypto/index.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { talents } from '../talent.table.ts';
import { ID_NUMBER_LOOKUP } from './talent-rows.ts';

/** The talent of the active region with this ID number, found by keyed hash (nothing is decrypted). */
export async function lookupTalent({ box }: { box: DataBox }, tx: Tx, ctx: UserContext, idNumber: string) {
  if (!idNumber) return { talent: null };
  const hash = box.lookupHash(idNumber, ID_NUMBER_LOOKUP);
  const [row] = await tx
    .select({ id: talents.id, name: talents.name })
    .from(talents)
    .where(and(eq(talents.regionCode, ctx.user.activeRegionCode), eq(talents.idNumberHash, hash)));
  return { talent: row ?? null };
}
