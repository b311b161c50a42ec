import type { EnterpriseInput, InstituteInput } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { changeOf, recordUserAction } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { searchTextOf } from '../../platform/text/search-text.ts';
import type { DirectoryDeps } from './directory.deps.ts';
import { enterpriseValues, toInstitute } from './directory.queries.ts';
import { enterprises, institutes } from './directory.table.ts';
import { COMMON_ALIASES } from './institute-aliases.ts';

/** Writers in the caller's transaction: the create operations and the imports share them. */

/** Inserts in the caller's transaction (used by create and by import). */
export async function insertEnterprise(
  { clock }: Pick<DirectoryDeps, 'clock'>,
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof EnterpriseInput>,
): Promise<string> {
  const [row] = await tx
    .insert(enterprises)
    .values({ ...enterpriseValues(input), regionCode: ctx.user.activeRegionCode, createdBy: ctx.user.id })
    .returning({ id: enterprises.id });
  if (!row) throw new Error('insert returned nothing');
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'create',
    targetType: 'enterprise',
    targetId: row.id,
  });
  return row.id;
}

export async function updateEnterpriseIn(
  { clock }: Pick<DirectoryDeps, 'clock'>,
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof EnterpriseInput>,
) {
  const [before] = await tx.select().from(enterprises).where(eq(enterprises.id, id));
  const [after] = await tx
    .update(enterprises)
    .set({ ...enterpriseValues(input), updatedAt: clock.now() })
    .where(eq(enterprises.id, id))
    .returning();
  if (!before || !after) throw notFound(ctx.lang);
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'update',
    targetType: 'enterprise',
    targetId: id,
    detail: changeOf(before, after),
  });
}

/** Inserts in the caller's transaction (create, and the imports that create missing institutes). */
export async function insertInstitute(
  { clock }: Pick<DirectoryDeps, 'clock'>,
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof InstituteInput>,
) {
  const [row] = await tx
    .insert(institutes)
    .values({
      ...input,
      aliases: COMMON_ALIASES[input.name] ?? [],
      searchText: searchTextOf(input.name, ...(COMMON_ALIASES[input.name] ?? [])),
      regionCode: ctx.user.activeRegionCode,
      createdBy: ctx.user.id,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'create',
    targetType: 'institute',
    targetId: row.id,
  });
  return toInstitute(row);
}
