import {
  DEGREE_LABELS,
  GENDER_LABELS,
  TALENT_MODE_LABELS,
  type TalentSummary,
  TITLE_RANK_LABELS,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { DataBox } from '../../../platform/crypto/index.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { addLedgerSheet, chineseDate, type LedgerColumn } from '../../../platform/excel/workbook.ts';
import { selectTalents } from './talent-rows.ts';

/** The 人才台账 columns; the import reads the same headers. */
export const TALENT_HEADERS = {
  id: '记录ID',
  name: '姓名',
  gender: '性别',
  birthYear: '出生年份',
  degree: '最高学历',
  title: '职称',
  titleRank: '职称级别',
  employer: '工作单位',
  field: '研究领域',
  industry: '所属产业',
  phone: '联系电话',
  idNumber: '身份证号',
  mode: '引进/培养',
  arrivedOn: '引进日期',
  programmes: '人才计划（名称 年份；…）',
  groups: '人才组织',
} as const;

type Row = TalentSummary & { groupNames: string };

const COLUMNS: LedgerColumn<Row>[] = [
  { header: '序号', width: 6, value: () => null },
  { header: TALENT_HEADERS.name, width: 10, value: (r) => r.name },
  { header: TALENT_HEADERS.gender, width: 6, value: (r) => GENDER_LABELS[r.gender] },
  { header: TALENT_HEADERS.birthYear, width: 9, value: (r) => r.birthYear },
  { header: TALENT_HEADERS.degree, width: 9, value: (r) => DEGREE_LABELS[r.degree] },
  { header: TALENT_HEADERS.title, width: 14, value: (r) => r.title },
  { header: TALENT_HEADERS.titleRank, width: 9, value: (r) => TITLE_RANK_LABELS[r.titleRank] },
  { header: TALENT_HEADERS.employer, width: 28, value: (r) => r.employerName },
  { header: TALENT_HEADERS.field, width: 16, value: (r) => r.field },
  { header: TALENT_HEADERS.industry, width: 14, value: (r) => r.industryName ?? '' },
  { header: TALENT_HEADERS.phone, width: 14, value: (r) => r.phone },
  { header: TALENT_HEADERS.idNumber, width: 21, value: (r) => r.idNumber },
  { header: TALENT_HEADERS.mode, width: 9, value: (r) => TALENT_MODE_LABELS[r.mode] },
  { header: TALENT_HEADERS.arrivedOn, width: 12, value: (r) => r.arrivedOn ?? '' },
  {
    header: TALENT_HEADERS.programmes,
    width: 30,
    value: (r) => r.programmes.map((p) => p.replace(/（(\d{4})）$/, ' $1')).join('；'),
  },
  { header: TALENT_HEADERS.groups, width: 18, value: (r) => r.groupNames },
  { header: TALENT_HEADERS.id, width: 38, value: (r) => r.id },
];

/**
 * The 人才台账 workbook of every talent the caller sees. Phone and ID number are masked unless the
 * caller owns the talent; a re-import leaves masked values as stored. 记录ID lets a re-import update.
 */
export async function exportTalentLedger(
  { box, clock }: { box: DataBox; clock: Clock },
  tx: Tx,
  ctx: UserContext,
): Promise<{ buffer: Buffer; regionName: string }> {
  const [region] = rowsOf<{ name: string }>(
    await tx.execute(sql`SELECT name FROM regions WHERE code = ${ctx.user.activeRegionCode}`),
  );
  const regionName = region?.name ?? '';
  const talents = await selectTalents(tx, box, ctx, sql`true`, { limit: 1_000_000, offset: 0 });
  const groups = new Map<string, string>();
  const memberships = rowsOf<{ id: string; names: string }>(
    await tx.execute(sql`SELECT t.id, string_agg(g.name, '、' ORDER BY g.name) AS names
      FROM talents t JOIN talent_groups g ON g.id = ANY(t.group_ids) GROUP BY t.id`),
  );
  for (const m of memberships) groups.set(m.id, m.names);
  const rows: Row[] = talents.map((t) => ({ ...t, groupNames: groups.get(t.id) ?? '' }));
  const workbook = new ExcelJS.Workbook();
  const sheet = addLedgerSheet(workbook, {
    name: '人才台账',
    title: `${regionName}人才台账`,
    subtitle: `导出日期：${chineseDate(clock.now())}　共 ${rows.length} 人`,
    columns: COLUMNS,
    rows,
  });
  rows.forEach((_, i) => {
    sheet.getRow(4 + i).getCell(1).value = i + 1;
  });
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), regionName };
}
