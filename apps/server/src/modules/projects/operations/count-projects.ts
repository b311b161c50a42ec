import type { ProjectCounts } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import type { ProjectDeps } from '../projects.deps.ts';

type CountRow = {
  region_code: string;
  region_name: string | null;
  signed: number;
  landed: number;
  amount: string | number;
};

/**
 * The year's counts: each project once, in its commercialisation region (region_code), and only
 * for regions the user sees — an R&D-site region reads enclave projects but never counts them.
 */
export const countProjects = ({ db }: Pick<ProjectDeps, 'db'>, ctx: UserContext, year: number) =>
  db.transaction(ctx.scope, async (tx): Promise<ProjectCounts> => {
    const regionsList = sql.join(
      ctx.user.visibleRegions.map((r) => sql`${r}`),
      sql`, `,
    );
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const rows = rowsOf<CountRow>(
      await tx.execute(sql`
        SELECT p.region_code, r.name AS region_name,
               count(*) FILTER (WHERE p.signed_on >= ${from}::date AND p.signed_on < ${to}::date)::int AS signed,
               count(*) FILTER (WHERE p.stage = 'landed' AND p.landed_on >= ${from}::date AND p.landed_on < ${to}::date)::int AS landed,
               coalesce(sum(p.amount_fen) FILTER (WHERE p.signed_on >= ${from}::date AND p.signed_on < ${to}::date), 0) AS amount
        FROM cooperation_projects p LEFT JOIN regions r ON r.code = p.region_code
        WHERE p.region_code IN (${regionsList})
        GROUP BY p.region_code, r.name ORDER BY p.region_code`),
    );
    return {
      year,
      signed: rows.reduce((s, r) => s + r.signed, 0),
      landed: rows.reduce((s, r) => s + r.landed, 0),
      amountFen: rows.reduce((s, r) => s + Number(r.amount), 0),
      byRegion: rows
        .filter((r) => r.signed > 0 || r.landed > 0)
        .map((r) => ({
          regionCode: r.region_code,
          regionName: r.region_name ?? r.region_code,
          signed: r.signed,
          landed: r.landed,
        })),
    };
  });
