import type { PartnerInput } from '@gaodi/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../platform/db/database.ts';
import { type FieldProblem, invalid } from '../../../platform/http/errors.ts';
import { enterprises, industries, institutes } from '../../directory/index.ts';
import { platformPartners, platforms } from '../innovation.table.ts';

type Partner = z.output<typeof PartnerInput>;

/** The industry must be one the caller sees; 400 on `industryId` otherwise. */
export async function checkIndustry(tx: Tx, industryId: string | null): Promise<void> {
  if (!industryId) return;
  const [row] = await tx.select({ id: industries.id }).from(industries).where(eq(industries.id, industryId));
  if (!row) throw invalid([{ path: 'industryId', message: '产业不存在' }]);
}

/**
 * Replaces a platform's partners with `list` (names taken from the directory), and copies their
 * names and enterprise/institute ids onto the platform (the list shows the names; row-level
 * security reads the ids). Unknown enterprises or institutes → 400 on the partner's field.
 */
export async function writePartners(tx: Tx, platformId: string, regionCode: string, list: Partner[]) {
  const enterpriseIds = list.flatMap((p) =>
    p.kind === 'enterprise' && p.enterpriseId ? [p.enterpriseId] : [],
  );
  const instituteIds = list.flatMap((p) => (p.kind === 'institute' && p.instituteId ? [p.instituteId] : []));
  const enterpriseNames = new Map(
    enterpriseIds.length
      ? (
          await tx
            .select({ id: enterprises.id, name: enterprises.name })
            .from(enterprises)
            .where(inArray(enterprises.id, enterpriseIds))
        ).map((r) => [r.id, r.name])
      : [],
  );
  const instituteNames = new Map(
    instituteIds.length
      ? (
          await tx
            .select({ id: institutes.id, name: institutes.name })
            .from(institutes)
            .where(inArray(institutes.id, instituteIds))
        ).map((r) => [r.id, r.name])
      : [],
  );
  const problems: FieldProblem[] = [];
  const rows = list.map((p, i) => {
    const name =
      p.kind === 'enterprise'
        ? enterpriseNames.get(p.enterpriseId ?? '')
        : p.kind === 'institute'
          ? instituteNames.get(p.instituteId ?? '')
          : p.name;
    if (name === undefined)
      problems.push({
        path: `partners.${i}.${p.kind === 'enterprise' ? 'enterpriseId' : 'instituteId'}`,
        message: p.kind === 'enterprise' ? '企业不存在' : '院所不存在',
      });
    return {
      regionCode,
      platformId,
      kind: p.kind,
      role: p.role,
      enterpriseId: p.kind === 'enterprise' ? p.enterpriseId : null,
      instituteId: p.kind === 'institute' ? p.instituteId : null,
      name: name ?? '',
      sortOrder: i,
    };
  });
  if (problems.length > 0) throw invalid(problems);
  await tx.delete(platformPartners).where(eq(platformPartners.platformId, platformId));
  if (rows.length > 0) await tx.insert(platformPartners).values(rows);
  await tx
    .update(platforms)
    .set({
      partners: rows.map((r) => r.name),
      partnerEnterpriseIds: [...new Set(enterpriseIds)],
      partnerInstituteIds: [...new Set(instituteIds)],
    })
    .where(eq(platforms.id, platformId));
}
