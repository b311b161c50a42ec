import type { TalentListQuery, TalentPage } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DataBox } from '../../../platform/crypto/index.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { selectTalents } from './talent-rows.ts';

const uuidArray = (id: string) => sql`ARRAY[${id}]::uuid[]`;

/** The registry with filters (industry, programme, group, platform, project, mode, degree, name). */
export async function listTalents(
  { box }: { box: DataBox },
  tx: Tx,
  ctx: UserContext,
  query: z.output<typeof TalentListQuery>,
): Promise<TalentPage> {
  const c: SQL[] = [sql`true`];
  if (query.q)
    c.push(
      sql`(t.name ILIKE ${`%${escapeLike(query.q)}%`} OR t.employer_name ILIKE ${`%${escapeLike(query.q)}%`})`,
    );
  if (query.industryId) c.push(sql`t.industry_id = ${query.industryId}`);
  if (query.mode) c.push(sql`t.mode = ${query.mode}`);
  if (query.degree) c.push(sql`t.degree = ${query.degree}`);
  if (query.groupId) c.push(sql`t.group_ids @> ${uuidArray(query.groupId)}`);
  if (query.platformId) c.push(sql`t.platform_ids @> ${uuidArray(query.platformId)}`);
  if (query.projectId) c.push(sql`t.project_ids @> ${uuidArray(query.projectId)}`);
  if (query.programmeId)
    c.push(
      sql`EXISTS (SELECT 1 FROM talent_awards a WHERE a.talent_id = t.id AND a.programme_id = ${query.programmeId})`,
    );
  const where = sql.join(c, sql` AND `);
  const [count] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM talents t WHERE ${where}`),
  );
  const items = await selectTalents(tx, box, ctx, where, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
