import type { AssessmentInput, PlatformDetail } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { platformAssessments, platformEvidence, platforms } from '../innovation.table.ts';
import { readCriteria, shortfallsOf, yearOf } from './operating.ts';
import { readPlatform } from './read-platform.ts';

/**
 * The yearly assessment (考核): a grade and the assessor's note, one per platform and year (saving
 * again replaces it). Whether the year's evidence met the criteria is kept with it; a year
 * without evidence cannot be graded above 不合格.
 */
export async function savePlatformAssessment(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof AssessmentInput>,
): Promise<PlatformDetail> {
  const [platform] = await tx
    .select({ regionCode: platforms.regionCode })
    .from(platforms)
    .where(eq(platforms.id, id));
  if (!platform) throw notFound(ctx.lang);
  if (input.year > yearOf(clock)) throw invalid([{ path: 'year', message: '不能考核未来年度' }], ctx.lang);
  const [evidence] = await tx
    .select()
    .from(platformEvidence)
    .where(and(eq(platformEvidence.platformId, id), eq(platformEvidence.year, input.year)));
  if (!evidence && input.grade !== 'fail')
    throw invalid([{ path: 'grade', message: '该年度没有运营佐证，只能评为不合格' }], ctx.lang);
  const criteria = await readCriteria(tx, platform.regionCode);
  const metCriteria = evidence ? shortfallsOf(evidence, criteria).length === 0 : false;
  const values = {
    grade: input.grade,
    score: input.score,
    note: input.note,
    metCriteria,
    assessorId: ctx.user.id,
    assessorName: ctx.user.displayName,
    assessedAt: clock.now(),
  };
  await tx
    .insert(platformAssessments)
    .values({ ...values, regionCode: platform.regionCode, platformId: id, year: input.year })
    .onConflictDoUpdate({ target: [platformAssessments.platformId, platformAssessments.year], set: values });
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'assess',
    targetType: 'platform',
    targetId: id,
    detail: { year: input.year, grade: input.grade },
  });
  return readPlatform(tx, id, yearOf(clock));
}
