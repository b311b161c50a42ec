import type { TalentCatalogue, TalentGroupInput, TalentProgrammeInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { talentGroups, talentProgrammes } from '../talent.table.ts';

/** The region's programmes and groups (with member counts the caller sees). */
export async function readCatalogue(tx: Tx): Promise<TalentCatalogue> {
  const programmes = rowsOf<TalentCatalogue['programmes'][number]>(
    await tx.execute(sql`SELECT id, name, level, is_leading AS "isLeading", sort_order AS "sortOrder"
      FROM talent_programmes ORDER BY sort_order, name`),
  );
  const groups = rowsOf<TalentCatalogue['groups'][number]>(
    await tx.execute(sql`SELECT g.id, g.name, g.kind,
      (SELECT count(*)::int FROM talents t WHERE t.group_ids @> ARRAY[g.id]) AS members
      FROM talent_groups g ORDER BY g.name`),
  );
  return { programmes, groups };
}

const refuseTaken = (error: unknown): never => {
  if (
    (error as { code?: string }).code === '23505' ||
    (error as { cause?: { code?: string } }).cause?.code === '23505'
  )
    throw new AppError(409, 'DUPLICATE', '名称已存在', [{ path: 'name', message: '名称已存在' }]);
  throw error;
};

/** Adds a programme to the region's catalogue (names unique per region). */
export async function addProgramme(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof TalentProgrammeInput>,
): Promise<TalentCatalogue> {
  const [row] = await tx
    .insert(talentProgrammes)
    .values({ ...input, regionCode: ctx.user.activeRegionCode })
    .onConflictDoNothing()
    .returning({ id: talentProgrammes.id });
  if (!row) refuseTaken({ code: '23505' });
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'create',
    targetType: 'talent_programme',
    targetId: row?.id ?? '',
  });
  return readCatalogue(tx);
}

/** Adds a group (人才联盟, 博士团…) to the region's catalogue. */
export async function addGroup(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof TalentGroupInput>,
): Promise<TalentCatalogue> {
  const [row] = await tx
    .insert(talentGroups)
    .values({ ...input, regionCode: ctx.user.activeRegionCode })
    .onConflictDoNothing()
    .returning({ id: talentGroups.id });
  if (!row) refuseTaken({ code: '23505' });
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'create',
    targetType: 'talent_group',
    targetId: row?.id ?? '',
  });
  return readCatalogue(tx);
}
