import type { Talent } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DataBox } from '../../../platform/crypto/index.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { selectTalents } from './talent-rows.ts';

type Ref = { id: string; name: string };

/**
 * A talent's page: the summary, awards, groups, the platforms, projects, recruitment records served
 * and the service-station requests raised for the talent (concierge, subject 人才).
 */
export async function readTalent(
  { box }: { box: DataBox },
  tx: Tx,
  ctx: UserContext,
  id: string,
): Promise<Talent> {
  const [summary] = await selectTalents(tx, box, ctx, sql`t.id = ${id}`, { limit: 1, offset: 0 });
  const [row] = rowsOf<{
    enterprise_id: string | null;
    institute_id: string | null;
    employer_platform_id: string | null;
    owner_name: string | null;
    created_at: Date | string;
  }>(
    await tx.execute(sql`SELECT t.enterprise_id, t.institute_id, t.employer_platform_id, t.created_at,
      (SELECT u.display_name FROM users u WHERE u.id = t.owner_id) AS owner_name
      FROM talents t WHERE t.id = ${id}`),
  );
  if (!summary || !row) throw notFound(ctx.lang);
  const awards = rowsOf<{ programmeId: string; programmeName: string; year: number }>(
    await tx.execute(sql`SELECT a.programme_id AS "programmeId", g.name AS "programmeName", a.year
      FROM talent_awards a JOIN talent_programmes g ON g.id = a.programme_id WHERE a.talent_id = ${id}
      ORDER BY a.year DESC, g.sort_order`),
  );
  // Linked rows are read under the caller's row-level security: a link the caller may not see is left out.
  const refs = (query: ReturnType<typeof sql>) => tx.execute(query).then((r) => rowsOf<Ref>(r));
  const from = (column: string) => sql`(SELECT unnest(${sql.raw(column)}) FROM talents WHERE id = ${id})`;
  const [groups, platforms, projects, recruitment, serviceRequests] = await Promise.all([
    refs(sql`SELECT id, name FROM talent_groups WHERE id IN ${from('group_ids')} ORDER BY name`),
    refs(sql`SELECT id, name FROM platforms WHERE id IN ${from('platform_ids')} ORDER BY name`),
    refs(
      sql`SELECT id, title AS name FROM cooperation_projects WHERE id IN ${from('project_ids')} ORDER BY title`,
    ),
    refs(sql`SELECT r.id, i.name FROM recruitment_records r JOIN institutes i ON i.id = r.institute_id
      WHERE r.id IN ${from('recruitment_ids')} ORDER BY i.name`),
    refs(sql`SELECT s.id, s.number || ' · ' || s.title AS name FROM service_requests s
      WHERE s.subject_type = 'talent' AND s.subject_id = ${id} ORDER BY s.created_at DESC LIMIT 100`),
  ]);
  return {
    ...summary,
    enterpriseId: row.enterprise_id,
    instituteId: row.institute_id,
    employerPlatformId: row.employer_platform_id,
    ownerName: row.owner_name,
    awards,
    groups,
    platforms,
    projects,
    recruitment,
    serviceRequests,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
