import { eq } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { toInstitute } from '../directory.queries.ts';
import { institutes } from '../directory.table.ts';

export function setInstituteDeleted(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  isDeleted: boolean,
) {
  return db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .update(institutes)
      .set({ deletedAt: isDeleted ? clock.now() : null, updatedAt: clock.now() })
      .where(eq(institutes.id, id))
      .returning();
    if (!row) throw notFound(ctx.lang);
    await recordUserAction(tx, ctx, clock.now(), {
      action: isDeleted ? 'delete' : 'restore',
      targetType: 'institute',
      targetId: id,
    });
    return toInstitute(row);
  });
}
