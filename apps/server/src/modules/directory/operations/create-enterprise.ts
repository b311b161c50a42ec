import type { EnterpriseInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { readEnterprise } from '../directory.queries.ts';
import { insertEnterprise } from '../directory.writes.ts';

export function createEnterprise(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  input: z.output<typeof EnterpriseInput>,
) {
  return db.transaction(ctx.scope, async (tx) =>
    readEnterprise(tx, ctx, await insertEnterprise({ clock }, tx, ctx, input)),
  );
}
