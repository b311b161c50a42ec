import type { Platform, PlatformInput } from '@gaodi/contracts';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { platforms } from './platform.table.ts';

export type PlatformService = ReturnType<typeof createPlatformService>;

const toPlatform = (r: typeof platforms.$inferSelect): Platform => ({
  id: r.id,
  regionCode: r.regionCode,
  name: r.name,
  kind: r.kind as Platform['kind'],
  level: r.level as Platform['level'],
  industryId: r.industryId,
  partners: r.partners,
  city: r.city,
  createdAt: r.createdAt.toISOString(),
});

/** Minimal platform registry: what recruitment links an operating institute to. */
export function createPlatformService({ db, clock }: { db: Database; clock: Clock }) {
  /** Inserts in the caller's transaction (used by recruitment when a record moves to 运营). */
  async function insertPlatform(
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

  async function findPlatform(tx: Tx, id: string): Promise<Platform | null> {
    const [row] = await tx.select().from(platforms).where(eq(platforms.id, id));
    return row ? toPlatform(row) : null;
  }

  const listPlatforms = (ctx: UserContext) =>
    db.transaction(ctx.scope, async (tx) =>
      (await tx.select().from(platforms).orderBy(asc(platforms.name))).map(toPlatform),
    );

  const createPlatform = (ctx: UserContext, input: z.output<typeof PlatformInput>) =>
    db.transaction(ctx.scope, (tx) => insertPlatform(tx, ctx, input));

  return { insertPlatform, findPlatform, listPlatforms, createPlatform };
}
