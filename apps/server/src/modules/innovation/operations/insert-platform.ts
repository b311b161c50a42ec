import type { Platform, PlatformInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { platforms } from '../innovation.table.ts';
import { findPlatform } from './find-platform.ts';
import { writePartners } from './write-partners.ts';

/**
 * Inserts a platform in the caller's transaction (recruitment's move to 运营 creates one this way).
 * Partner names become partner records: an institute or enterprise of that exact name in the
 * directory, else a government body; the first is the lead builder.
 */
export async function insertPlatform(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: z.output<typeof PlatformInput>,
): Promise<Platform> {
  const regionCode = ctx.user.activeRegionCode;
  const [row] = await tx
    .insert(platforms)
    .values({
      name: input.name,
      kind: input.kind,
      level: input.level,
      industryId: input.industryId,
      city: input.city,
      regionCode,
      createdBy: ctx.user.id,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    })
    .returning({ id: platforms.id });
  if (!row) throw new Error('insert returned nothing');
  const partners = [];
  for (const [i, name] of input.partners.entries()) {
    const [match] = rowsOf<{ kind: 'institute' | 'enterprise'; id: string }>(
      await tx.execute(sql`SELECT 'institute' AS kind, id FROM institutes WHERE name = ${name}
        UNION ALL SELECT 'enterprise', id FROM enterprises WHERE name = ${name} AND region_code = ${regionCode}
        LIMIT 1`),
    );
    partners.push({
      kind: match?.kind ?? ('government' as const),
      role: i === 0 ? ('lead_builder' as const) : ('co_builder' as const),
      enterpriseId: match?.kind === 'enterprise' ? match.id : null,
      instituteId: match?.kind === 'institute' ? match.id : null,
      name,
    });
  }
  await writePartners(tx, row.id, regionCode, partners);
  await recordAudit(tx, {
    regionCode,
    at: clock.now(),
    actorId: ctx.user.id,
    actorName: ctx.user.username,
    action: 'create',
    targetType: 'platform',
    targetId: row.id,
    result: 'ok',
    clientAddress: ctx.clientAddress,
  });
  const platform = await findPlatform(tx, row.id);
  if (!platform) throw new Error('platform not readable after insert');
  return platform;
}
