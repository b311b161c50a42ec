import type { EvidenceInput, PlatformDetail } from '@gaodi/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { storedFiles } from '../../../platform/storage/storage.table.ts';
import { platformEvidence, platforms } from '../innovation.table.ts';
import { yearOf } from './operating.ts';
import { readPlatform } from './read-platform.ts';

/**
 * Files (or replaces) one year's evidence of physical operation. A year after the current one is
 * refused on `year`; attached files must be uploads the caller sees. Whether the platform now
 * operates follows from the evidence — nobody sets it.
 */
export async function savePlatformEvidence(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof EvidenceInput>,
): Promise<PlatformDetail> {
  const [platform] = await tx
    .select({ regionCode: platforms.regionCode })
    .from(platforms)
    .where(eq(platforms.id, id));
  if (!platform) throw notFound(ctx.lang);
  const year = yearOf(clock);
  if (input.year > year) throw invalid([{ path: 'year', message: '不能填报未来年度的运营佐证' }], ctx.lang);
  const fileIds = [...new Set(input.fileIds)];
  if (fileIds.length > 0) {
    const found = await tx
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(inArray(storedFiles.id, fileIds));
    if (found.length !== fileIds.length)
      throw invalid([{ path: 'fileIds', message: '附件不存在' }], ctx.lang);
  }
  const values = {
    staff: input.staff,
    areaM2: input.areaM2,
    equipmentFen: input.equipmentFen,
    rdSpendingFen: input.rdSpendingFen,
    patents: input.patents,
    standards: input.standards,
    products: input.products,
    servedEnterprises: input.servedEnterprises,
    revenueFen: input.revenueFen,
    fileIds,
    note: input.note,
    recordedBy: ctx.user.id,
    recordedAt: clock.now(),
  };
  await tx
    .insert(platformEvidence)
    .values({ ...values, regionCode: platform.regionCode, platformId: id, year: input.year })
    .onConflictDoUpdate({ target: [platformEvidence.platformId, platformEvidence.year], set: values });
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'evidence',
    targetType: 'platform',
    targetId: id,
    detail: { year: input.year },
  });
  return readPlatform(tx, id, year);
}
