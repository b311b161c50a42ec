import type { TalentInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { type FieldProblem, invalid } from '../../../platform/http/errors.ts';

type Input = z.output<typeof TalentInput>;

/** Tables a talent refers to, each read under the caller's row-level security (unseen = unknown). */
const REFS: { table: string; path: string; message: string; ids: (i: Input) => (string | null)[] }[] = [
  { table: 'enterprises', path: 'enterpriseId', message: '企业不存在', ids: (i) => [i.enterpriseId] },
  { table: 'institutes', path: 'instituteId', message: '院所不存在', ids: (i) => [i.instituteId] },
  {
    table: 'platforms',
    path: 'employerPlatformId',
    message: '创新平台不存在',
    ids: (i) => [i.employerPlatformId],
  },
  { table: 'industries', path: 'industryId', message: '产业不存在', ids: (i) => [i.industryId] },
  { table: 'talent_groups', path: 'groupIds', message: '人才组织不存在', ids: (i) => i.groupIds },
  { table: 'platforms', path: 'platformIds', message: '创新平台不存在', ids: (i) => i.platformIds },
  { table: 'cooperation_projects', path: 'projectIds', message: '合作项目不存在', ids: (i) => i.projectIds },
  {
    table: 'recruitment_records',
    path: 'recruitmentIds',
    message: '招引记录不存在',
    ids: (i) => i.recruitmentIds,
  },
  {
    table: 'talent_programmes',
    path: 'awards',
    message: '人才计划不存在',
    ids: (i) => i.awards.map((a) => a.programmeId),
  },
];

/** Every id the input names must be a row the caller sees; 400 on the field otherwise. */
export async function checkTalentRefs(tx: Tx, input: Input): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const ref of REFS) {
    const ids = [...new Set(ref.ids(input).filter((id): id is string => !!id))];
    if (ids.length === 0) continue;
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(
        sql`SELECT count(*)::int AS n FROM ${sql.raw(ref.table)} WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
      ),
    );
    if ((row?.n ?? 0) !== ids.length) problems.push({ path: ref.path, message: ref.message });
  }
  if (problems.length > 0) throw invalid(problems);
}

/** The employer's name: the directory's (enterprise, institute, platform) or the one typed in. */
export async function employerNameOf(tx: Tx, input: Input): Promise<string> {
  const one = async (table: string, id: string | null) =>
    id
      ? (rowsOf<{ name: string }>(
          await tx.execute(sql`SELECT name FROM ${sql.raw(table)} WHERE id = ${id}`),
        )[0]?.name ?? '')
      : '';
  if (input.employerKind === 'enterprise') return one('enterprises', input.enterpriseId);
  if (input.employerKind === 'institute') return one('institutes', input.instituteId);
  if (input.employerKind === 'platform') return one('platforms', input.employerPlatformId);
  return input.employerName;
}
