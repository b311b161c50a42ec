import type { InstituteAliasesInput } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { searchTextOf } from '../../../platform/text/search-text.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { toInstitute } from '../directory.queries.ts';
import { institutes } from '../directory.table.ts';
import { cleanAliases } from '../institute-aliases.ts';

/** 别名: the short names an institute is found by (with their pinyin), audited with before/after. */
export function updateInstituteAliases(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof InstituteAliasesInput>,
) {
  return db.transaction(ctx.scope, async (tx) => {
    const [before] = await tx.select().from(institutes).where(eq(institutes.id, id));
    if (!before) throw notFound(ctx.lang);
    const aliases = cleanAliases(before.name, input.aliases);
    const [row] = await tx
      .update(institutes)
      .set({ aliases, searchText: searchTextOf(before.name, ...aliases), updatedAt: clock.now() })
      .where(eq(institutes.id, id))
      .returning();
    if (!row) throw notFound(ctx.lang);
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'update',
      targetType: 'institute',
      targetId: id,
      detail: changeOf(before, row),
    });
    return toInstitute(row);
  });
}
