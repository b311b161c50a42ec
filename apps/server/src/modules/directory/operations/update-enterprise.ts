import type { EnterpriseInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { readEnterprise } from '../directory.queries.ts';
import { updateEnterpriseIn } from '../directory.writes.ts';

export function updateEnterprise(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof EnterpriseInput>,
) {
  return db.transaction(ctx.scope, async (tx) => {
    await updateEnterpriseIn({ clock }, tx, ctx, id, input);
    return readEnterprise(tx, ctx, id);
  });
}
