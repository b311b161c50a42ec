import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { readEnterprise } from '../directory.queries.ts';

export function getEnterprise({ db }: Pick<DirectoryDeps, 'db'>, ctx: UserContext, id: string) {
  return db.transaction(ctx.scope, (tx) => readEnterprise(tx, ctx, id));
}
