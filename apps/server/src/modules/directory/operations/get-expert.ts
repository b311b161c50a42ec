import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { readExpert } from '../directory.queries.ts';

export function getExpert({ db }: Pick<DirectoryDeps, 'db'>, ctx: UserContext, id: string) {
  return db.transaction(ctx.scope, (tx) => readExpert(tx, ctx, id));
}
