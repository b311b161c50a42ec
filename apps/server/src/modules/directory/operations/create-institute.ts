import type { InstituteInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { insertInstitute } from '../directory.writes.ts';

export function createInstitute(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  input: z.output<typeof InstituteInput>,
) {
  return db.transaction(ctx.scope, (tx) => insertInstitute({ clock }, tx, ctx, input));
}
