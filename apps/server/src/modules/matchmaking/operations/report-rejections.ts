import type { RejectionReport } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { institutes } from '../../directory/index.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { recommendationRejections } from '../matchmaking.table.ts';

/** Why recommendations were refused, per institute, most refused first. */
export function reportRejections(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
): Promise<RejectionReport> {
  return db.transaction(ctx.scope, async (tx) => {
    const rows = await tx
      .select({
        instituteId: recommendationRejections.instituteId,
        instituteName: institutes.name,
        reason: recommendationRejections.reason,
        n: sql<number>`count(*)::int`,
      })
      .from(recommendationRejections)
      .leftJoin(institutes, eq(institutes.id, recommendationRejections.instituteId))
      .groupBy(recommendationRejections.instituteId, institutes.name, recommendationRejections.reason);
    const byInstitute = new Map<string, RejectionReport[number]>();
    for (const r of rows) {
      const entry = byInstitute.get(r.instituteId) ?? {
        instituteId: r.instituteId,
        instituteName: r.instituteName ?? '',
        total: 0,
        reasons: {},
      };
      entry.total += r.n;
      entry.reasons[r.reason] = (entry.reasons[r.reason] ?? 0) + r.n;
      byInstitute.set(r.instituteId, entry);
    }
    return [...byInstitute.values()].sort(
      (a, b) => b.total - a.total || a.instituteName.localeCompare(b.instituteName),
    );
  });
}
