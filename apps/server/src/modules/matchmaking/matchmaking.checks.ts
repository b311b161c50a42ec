import { can } from '@gaodi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { enterprises, industries, institutes } from '../directory/index.ts';

const BUREAU = new Set(['staff', 'taskforce_lead', 'helper', 'leader']);
/** The office's own people (科技局), as against enterprises and institutes. */
export const isBureau = (ctx: UserContext) => BUREAU.has(ctx.user.role);
/** Who reviews, publishes and closes needs: the office's staff and task-force leads. */
/**
 * A count of pairings as the reader may have it: null (not 0) for a role that may not read pairings
 * (an enterprise, whose row-level security would count none of them), so no answer lies with 0.
 */
export const pairingCountFor = (ctx: UserContext, count: number): number | null =>
  can(ctx.user.role, 'pairing', 'read') ? count : null;

export const mayMoveNeeds = (ctx: UserContext) =>
  isBureau(ctx) && ctx.user.role !== 'helper' && ctx.user.role !== 'leader';

/** The need's enterprise: the enterprise user's own, else the one staff picked (visible to them). */
export async function enterpriseFor(
  tx: Tx,
  ctx: UserContext,
  requested: string | null,
): Promise<{ id: string; regionCode: string }> {
  const id = ctx.user.role === 'enterprise' ? ctx.user.enterpriseId : requested;
  if (!id) throw invalid([{ path: 'enterpriseId', message: '请选择提出需求的企业' }], ctx.lang);
  const [row] = await tx
    .select({ id: enterprises.id, regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt)));
  if (!row) throw invalid([{ path: 'enterpriseId', message: '企业不存在或不在本区域' }], ctx.lang);
  return row;
}

/** The achievement's institute: the institute user's own, else the one staff picked. */
export async function instituteFor(tx: Tx, ctx: UserContext, requested: string | null) {
  const id = ctx.user.role === 'institute' ? ctx.user.instituteId : requested;
  if (!id) throw invalid([{ path: 'instituteId', message: '请选择成果所属院所' }], ctx.lang);
  const [row] = await tx
    .select({ id: institutes.id, regionCode: institutes.regionCode })
    .from(institutes)
    .where(and(eq(institutes.id, id), isNull(institutes.deletedAt)));
  if (!row) throw invalid([{ path: 'instituteId', message: '院所不存在或不在本区域' }], ctx.lang);
  return row;
}

export async function checkIndustry(tx: Tx, ctx: UserContext, industryId: string | null) {
  if (!industryId) return;
  const [row] = await tx.select({ id: industries.id }).from(industries).where(eq(industries.id, industryId));
  if (!row) throw invalid([{ path: 'industryId', message: '产业不存在' }], ctx.lang);
}
