import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { readInstitute } from '../directory.queries.ts';

export function getInstitute({ db }: Pick<DirectoryDeps, 'db'>, ctx: UserContext, id: string) {
  return db.transaction(ctx.scope, (tx) => readInstitute(tx, ctx, id));
}
