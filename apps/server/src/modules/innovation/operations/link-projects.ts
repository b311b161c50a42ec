import type { PlatformDetail, ProjectLinksInput } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { platformProjects, platforms } from '../innovation.table.ts';
import { yearOf } from './operating.ts';
import { readPlatform } from './read-platform.ts';

/** Sets the cooperation projects a platform carries (each must be a project the caller sees). */
export async function linkPlatformProjects(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ProjectLinksInput>,
): Promise<PlatformDetail> {
  const [platform] = await tx
    .select({ regionCode: platforms.regionCode })
    .from(platforms)
    .where(eq(platforms.id, id));
  if (!platform) throw notFound(ctx.lang);
  const ids = [...new Set(input.projectIds)];
  if (ids.length > 0) {
    const seen = rowsOf<{ id: string }>(
      await tx.execute(
        sql`SELECT id FROM cooperation_projects WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
      ),
    );
    if (seen.length !== ids.length)
      throw invalid([{ path: 'projectIds', message: '合作项目不存在' }], ctx.lang);
  }
  await tx.delete(platformProjects).where(eq(platformProjects.platformId, id));
  if (ids.length > 0)
    await tx
      .insert(platformProjects)
      .values(ids.map((projectId) => ({ regionCode: platform.regionCode, platformId: id, projectId })));
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'link_projects',
    targetType: 'platform',
    targetId: id,
  });
  return readPlatform(tx, id, yearOf(clock));
}
