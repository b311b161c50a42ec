import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { readStageNames } from '../../settings/index.ts';
import { readEvent } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { writeEventReport } from '../matchmaking.report.ts';

/** The event's .docx report (projects named by the office's stage names); the export is audited. */
export async function exportEventReport(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const at = clock.now();
  const { event, stageNames } = await db.transaction(ctx.scope, async (tx) => {
    const e = await readEvent(tx, ctx, id);
    await recordUserAction(tx, ctx, at, { action: 'export', targetType: 'event', targetId: e.id });
    return { event: e, stageNames: await readStageNames(tx, ctx.user.activeRegionCode, 'project') };
  });
  const buffer = await writeEventReport(event, chinaDay(at), stageNames);
  return { buffer, fileName: `${event.title}活动报告.docx` };
}
