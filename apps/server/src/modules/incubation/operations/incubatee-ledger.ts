import {
  CARRIER_KIND_LABELS,
  type CarrierKind,
  INCUBATEE_STAGE_LABELS,
  type IncubateeStage,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { addLedgerSheet, chineseDate, type LedgerColumn } from '../../../platform/excel/workbook.ts';

/** The 在孵企业台账 columns; the import reads the same headers. */
export const LEDGER_HEADERS = {
  id: '记录ID',
  name: '主体名称',
  creditCode: '统一社会信用代码',
  carrier: '所在载体',
  kind: '载体类型',
  stage: '阶段',
  enteredOn: '入驻日期',
  space: '场地（工位/房间）',
  contact: '联系人',
  rdCity: '研发地（飞地）',
  landedOn: '落地日期',
  graduatedOn: '毕业日期',
  criteria: '毕业条件',
  exitReason: '退出原因',
} as const;

type Row = {
  id: string;
  name: string;
  creditCode: string | null;
  carrierName: string | null;
  carrierKind: CarrierKind | null;
  stage: IncubateeStage;
  enteredOn: string;
  space: string;
  contact: string;
  rdCity: string | null;
  landedOn: string | null;
  graduatedOn: string | null;
  criteria: string;
  exitReason: string;
};

const H = LEDGER_HEADERS;
const COLUMNS: LedgerColumn<Row>[] = [
  { header: '序号', width: 6, value: () => null },
  { header: H.name, width: 28, value: (r) => r.name },
  { header: H.creditCode, width: 21, value: (r) => r.creditCode ?? '' },
  { header: H.carrier, width: 26, value: (r) => r.carrierName ?? '' },
  { header: H.kind, width: 10, value: (r) => (r.carrierKind ? CARRIER_KIND_LABELS[r.carrierKind] : '') },
  { header: H.stage, width: 9, value: (r) => INCUBATEE_STAGE_LABELS[r.stage] },
  { header: H.enteredOn, width: 12, value: (r) => r.enteredOn },
  { header: H.space, width: 14, value: (r) => r.space },
  { header: H.contact, width: 10, value: (r) => r.contact },
  { header: H.rdCity, width: 12, value: (r) => r.rdCity ?? '' },
  { header: H.landedOn, width: 12, value: (r) => r.landedOn ?? '' },
  { header: H.graduatedOn, width: 12, value: (r) => r.graduatedOn ?? '' },
  { header: H.criteria, width: 30, value: (r) => r.criteria },
  { header: H.exitReason, width: 20, value: (r) => r.exitReason },
  { header: H.id, width: 38, value: (r) => r.id },
];

/** The 在孵企业台账 of every incubatee the caller sees, in the chain's order; 记录ID lets a re-import update. */
export async function exportIncubateeLedger(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
): Promise<{ buffer: Buffer; regionName: string }> {
  const [region] = rowsOf<{ name: string }>(
    await tx.execute(sql`SELECT name FROM regions WHERE code = ${ctx.user.activeRegionCode}`),
  );
  const regionName = region?.name ?? '';
  const rows = rowsOf<Row>(
    await tx.execute(sql`SELECT n.id, n.name, n.credit_code AS "creditCode", c.name AS "carrierName",
        c.kind AS "carrierKind", n.stage, n.entered_on::text AS "enteredOn", n.space, n.contact,
        r.name AS "rdCity", n.landed_on::text AS "landedOn", n.graduated_on::text AS "graduatedOn",
        n.criteria, n.exit_reason AS "exitReason"
      FROM incubatees n LEFT JOIN incubation_carriers c ON c.id = n.carrier_id
      LEFT JOIN regions r ON r.code = n.rd_region_code
      ORDER BY array_position(ARRAY['maker_space','incubator','accelerator','park','graduated','exited'], n.stage),
        c.name, n.entered_on, n.name`),
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = addLedgerSheet(workbook, {
    name: '在孵企业台账',
    title: `${regionName}在孵企业台账`,
    subtitle: `导出日期：${chineseDate(clock.now())}　共 ${rows.length} 家`,
    columns: COLUMNS,
    rows,
  });
  rows.forEach((_, i) => {
    sheet.getRow(4 + i).getCell(1).value = i + 1;
  });
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), regionName };
}

/** A day as offices type it (2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日) → YYYY-MM-DD; other text as is. */
export function dayOfCell(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
}
