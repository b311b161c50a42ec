import {
  AchievementInput,
  COOPERATION_FORM_LABELS,
  type ImportRowProblem,
  IP_TYPE_LABELS,
} from '@gaodi/contracts';
import { isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { DataRow } from '../../../platform/excel/sheet-reader.ts';
import { industries, institutes } from '../../directory/index.ts';

export const ACHIEVEMENT_HEADERS = {
  title: '成果名称',
  institute: '所属院所',
  abstract: '成果简介',
  keywords: '关键词',
  trl: '技术成熟度',
  ipType: '知识产权类型',
  ipNumbers: '知识产权编号',
  cooperationForms: '合作方式',
  industry: '所属产业',
} as const;

const FIELD_COLUMN: Record<string, string> = {
  title: ACHIEVEMENT_HEADERS.title,
  instituteId: ACHIEVEMENT_HEADERS.institute,
  abstract: ACHIEVEMENT_HEADERS.abstract,
  keywords: ACHIEVEMENT_HEADERS.keywords,
  trl: ACHIEVEMENT_HEADERS.trl,
  ipType: ACHIEVEMENT_HEADERS.ipType,
  ipNumbers: ACHIEVEMENT_HEADERS.ipNumbers,
  cooperationForms: ACHIEVEMENT_HEADERS.cooperationForms,
  industryId: ACHIEVEMENT_HEADERS.industry,
};

const byLabel = (labels: Record<string, { zh: string }>) =>
  new Map<string, string>(
    Object.entries(labels).flatMap(([k, v]) => [
      [v.zh, k],
      [k, k],
    ]),
  );
const IP_BY_LABEL = byLabel(IP_TYPE_LABELS);
const FORM_BY_LABEL = byLabel(COOPERATION_FORM_LABELS);
/** Lists in a cell: 、，,；; or new lines. */
const splitList = (s: string) =>
  s
    .split(/[、，,；;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export type ParsedAchievement = { row: number; input: z.output<typeof AchievementInput> };

/** The names a sheet row may use: institutes (not deleted) and industries. */
export async function readAchievementLookups(tx: Tx) {
  const knownInstitutes = await tx
    .select({ id: institutes.id, name: institutes.name })
    .from(institutes)
    .where(isNull(institutes.deletedAt));
  const knownIndustries = await tx.select({ id: industries.id, name: industries.name }).from(industries);
  return {
    instituteByName: new Map(knownInstitutes.map((i) => [i.name, i.id])),
    industryByName: new Map(knownIndustries.map((i) => [i.name, i.id])),
  };
}

type Lookups = Awaited<ReturnType<typeof readAchievementLookups>>;

/** The message a failed field shows: the allowed labels where the field takes a list of them. */
function fieldMessage(field: string, fallback: string): string {
  if (field === 'trl') return '技术成熟度应为 1–9 的整数';
  if (field === 'ipType')
    return `知识产权类型应为：${Object.values(IP_TYPE_LABELS)
      .map((l) => l.zh)
      .join('、')}`;
  if (field === 'cooperationForms')
    return `合作方式应为：${Object.values(COOPERATION_FORM_LABELS)
      .map((l) => l.zh)
      .join('、')}`;
  return fallback;
}

/** The row's institute: an institute user's own, else the named one of the region. */
function rowInstitute(
  get: DataRow['get'],
  look: Lookups,
  ctx: UserContext,
  say: (c: string, m: string) => void,
) {
  if (ctx.user.role === 'institute') return ctx.user.instituteId;
  const instituteName = get(ACHIEVEMENT_HEADERS.institute);
  if (!instituteName) {
    say(ACHIEVEMENT_HEADERS.institute, '请填写所属院所');
    return null;
  }
  const instituteId = look.instituteByName.get(instituteName) ?? null;
  if (!instituteId)
    say(ACHIEVEMENT_HEADERS.institute, `院所“${instituteName}”不在本区域名录中，请先在名录中添加`);
  return instituteId;
}

/** One sheet row → an achievement to create, or the row's problems (which column, why). */
export function checkAchievementRow({ row, get }: DataRow, look: Lookups, ctx: UserContext) {
  const problems: ImportRowProblem[] = [];
  const say = (column: string, message: string) => problems.push({ row, column, message });
  const instituteId = rowInstitute(get, look, ctx, say);
  const industryName = get(ACHIEVEMENT_HEADERS.industry);
  const industryId = industryName ? (look.industryByName.get(industryName) ?? null) : null;
  if (industryName && !industryId) say(ACHIEVEMENT_HEADERS.industry, `产业“${industryName}”不存在`);
  const ipText = get(ACHIEVEMENT_HEADERS.ipType);
  const forms = splitList(get(ACHIEVEMENT_HEADERS.cooperationForms));
  const trlText = get(ACHIEVEMENT_HEADERS.trl).replace(/^TRL\s*/i, '');
  const parsed = AchievementInput.safeParse({
    instituteId,
    title: get(ACHIEVEMENT_HEADERS.title),
    abstract: get(ACHIEVEMENT_HEADERS.abstract),
    keywords: splitList(get(ACHIEVEMENT_HEADERS.keywords)),
    industryId,
    trl: trlText === '' ? Number.NaN : Number(trlText),
    ipType: ipText ? (IP_BY_LABEL.get(ipText) ?? ipText) : 'none',
    ipNumbers: splitList(get(ACHIEVEMENT_HEADERS.ipNumbers)),
    cooperationForms: forms.map((f) => FORM_BY_LABEL.get(f) ?? f),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field === 'instituteId') continue;
      say(FIELD_COLUMN[field] ?? field, fieldMessage(field, issue.message));
    }
  }
  return { problems, input: problems.length === 0 && parsed.success ? parsed.data : null };
}
