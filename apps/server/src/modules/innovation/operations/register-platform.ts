import type { PlatformDetail, PlatformRegisterInput, PlatformUpdateInput } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { platforms } from '../innovation.table.ts';
import { yearOf } from './operating.ts';
import { readPlatform } from './read-platform.ts';
import { checkIndustry, writePartners } from './write-partners.ts';

type Input = z.output<typeof PlatformRegisterInput>;

const columnsOf = (input: Input) => ({
  name: input.name,
  kind: input.kind,
  level: input.level,
  tier: input.tier,
  industryId: input.industryId,
  city: input.city,
  establishedOn: input.establishedOn,
  description: input.description,
});

/** Registers a platform with its partners (校地企, each with a role), in the caller's region. */
export async function registerPlatform(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: Input,
): Promise<PlatformDetail> {
  await checkIndustry(tx, input.industryId);
  const [row] = await tx
    .insert(platforms)
    .values({
      ...columnsOf(input),
      regionCode: ctx.user.activeRegionCode,
      createdBy: ctx.user.id,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    })
    .returning({ id: platforms.id });
  if (!row) throw new Error('insert returned nothing');
  await writePartners(tx, row.id, ctx.user.activeRegionCode, input.partners);
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'create',
    targetType: 'platform',
    targetId: row.id,
  });
  return readPlatform(tx, row.id, yearOf(clock));
}

/** Changes a platform and replaces its partners. */
export async function updatePlatform(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof PlatformUpdateInput>,
): Promise<PlatformDetail> {
  await checkIndustry(tx, input.industryId);
  const [before] = await tx.select().from(platforms).where(eq(platforms.id, id));
  const [row] = await tx
    .update(platforms)
    .set({ ...columnsOf(input), updatedAt: clock.now() })
    .where(eq(platforms.id, id))
    .returning();
  if (!before || !row) throw notFound(ctx.lang);
  await writePartners(tx, id, row.regionCode, input.partners);
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'update',
    targetType: 'platform',
    targetId: id,
    detail: changeOf(before, row),
  });
  return readPlatform(tx, id, yearOf(clock));
}
