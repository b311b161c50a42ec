import type { SupervisionRules } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { rulesIn } from '../supervision.queries.ts';

/** The region's light rules, and whether they are the defaults. */
export function getRules({ db }: Pick<SupervisionDeps, 'db'>, ctx: UserContext): Promise<SupervisionRules> {
  return db.transaction(ctx.scope, async (tx) => {
    const { rules, row } = await rulesIn(tx, ctx.user.activeRegionCode);
    return {
      regionCode: ctx.user.activeRegionCode,
      rules,
      isDefault: !row,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}
