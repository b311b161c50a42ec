import type { EnterpriseListQuery } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { regions } from '../../../platform/tenancy/region.table.ts';
import { writeEnterpriseLedger } from '../directory.report.ts';
import type { DirectoryService } from '../directory.service.ts';

/** The enterprise ledger (.xlsx) of the caller's filter, every page; the export is audited. */
export async function exportEnterprises(
  { db, clock, directory }: { db: Database; clock: Clock; directory: DirectoryService },
  ctx: UserContext,
  query: z.output<typeof EnterpriseListQuery>,
): Promise<{ buffer: Buffer; fileName: string }> {
  const at = clock.now();
  const { rows, regionName } = await db.transaction(ctx.scope, async (tx) => {
    const list = await directory.listEnterpriseRows(tx, ctx, { ...query, page: 1 }, null);
    const [region] = await tx
      .select({ name: regions.name })
      .from(regions)
      .where(eq(regions.code, ctx.user.activeRegionCode));
    await recordAudit(tx, {
      regionCode: ctx.user.activeRegionCode,
      at,
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action: 'export',
      targetType: 'enterprise',
      result: 'ok',
      clientAddress: ctx.clientAddress,
      detail: { rows: list.length },
    });
    return { rows: list, regionName: region?.name ?? ctx.user.activeRegionCode };
  });
  const buffer = await writeEnterpriseLedger({ regionName, at, rows });
  return { buffer, fileName: `${regionName}企业台账.xlsx` };
}
