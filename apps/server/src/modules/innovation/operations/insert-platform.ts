import type { Platform, PlatformInput } from '@gaodi/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { platforms } from '../innovation.table.ts';
import { toPlatform } from './platform-row.ts';

/** Inserts a platform in the caller's transaction (recruitment's move to 运营 creates one this way). */
export async function insertPlatform(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof PlatformInput>,
): Promise<Platform> {
  const [row] = await tx
    .insert(platforms)
    .values({
      ...input,
      regionCode: ctx.user.activeRegionCode,
      createdBy: ctx.user.id,
      createdAt: clock.now(),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    regionCode: ctx.user.activeRegionCode,
    at: clock.now(),
    actorId: ctx.user.id,
    actorName: ctx.user.username,
    action: 'create',
    targetType: 'platform',
    targetId: row.id,
    result: 'ok',
    clientAddress: ctx.clientAddress,
  });
  return toPlatform(row);
}
