import type { Funnel } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { FUNNEL } from '../indicators.funnel.ts';
import { countRecords } from './list-indicators.ts';
import { readWindow } from './read-window.ts';

/** 对接漏斗: each step's figure (the count of its records query) and its share of the step before. */
export function readFunnel(
  { db }: { db: Database },
  ctx: UserContext,
  query: { year: number; region?: string },
): Promise<Funnel> {
  return db.transaction(ctx.scope, async (tx) => {
    const w = await readWindow(tx, ctx, query.year, query.region);
    const steps: Funnel['steps'] = [];
    for (const def of FUNNEL) {
      const value = await countRecords(tx, def, w);
      const before = steps.at(-1)?.value;
      steps.push({
        code: def.code,
        name: def.name[ctx.lang],
        definition: def.definition[ctx.lang],
        value,
        conversion: before ? Math.round((value / before) * 1000) / 10 : null,
      });
    }
    return { year: query.year, region: w.regionCode, steps };
  });
}
