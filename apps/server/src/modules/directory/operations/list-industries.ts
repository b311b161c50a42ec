import type { Industry } from '@gaodi/contracts';
import { asc } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { toIndustry } from '../directory.queries.ts';
import { industries } from '../directory.table.ts';

export async function listIndustries(
  { db }: Pick<DirectoryDeps, 'db'>,
  ctx: UserContext,
): Promise<Industry[]> {
  return db.transaction(ctx.scope, async (tx) =>
    (await tx.select().from(industries).orderBy(asc(industries.sortOrder), asc(industries.name))).map(
      toIndustry,
    ),
  );
}
