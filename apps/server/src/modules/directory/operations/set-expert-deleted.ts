import { eq } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { readExpert } from '../directory.queries.ts';
import { experts } from '../directory.table.ts';

export function setExpertDeleted(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  isDeleted: boolean,
) {
  return db.transaction(ctx.scope, async (tx) => {
    const updated = await tx
      .update(experts)
      .set({ deletedAt: isDeleted ? clock.now() : null, updatedAt: clock.now() })
      .where(eq(experts.id, id))
      .returning({ id: experts.id });
    if (updated.length === 0) throw notFound(ctx.lang);
    await recordUserAction(tx, ctx, clock.now(), {
      action: isDeleted ? 'delete' : 'restore',
      targetType: 'expert',
      targetId: id,
    });
    return readExpert(tx, ctx, id);
  });
}
