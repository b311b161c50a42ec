import { type Enterprise, SCALE_LABELS } from '@gaodi/contracts';
import ExcelJS from 'exceljs';
import { addLedgerSheet, chineseDate, type LedgerColumn } from '../../platform/excel/workbook.ts';

/** Column headers shared by the export and the import, so an exported file re-imports as is. */
export const ENTERPRISE_HEADERS = {
  seq: '序号',
  name: '企业名称',
  creditCode: '统一社会信用代码',
  industry: '所属产业',
  scale: '企业规模',
  address: '地址',
  contactName: '联系人',
  contactPhone: '联系电话',
  region: '所属区域',
  id: '记录ID',
} as const;

/** The enterprise ledger (企业台账) as an .xlsx buffer. */
export async function writeEnterpriseLedger(input: {
  regionName: string;
  at: Date;
  rows: Enterprise[];
}): Promise<Buffer> {
  const h = ENTERPRISE_HEADERS;
  const columns: LedgerColumn<Enterprise & { seq: number }>[] = [
    { header: h.seq, width: 6, value: (r) => r.seq },
    { header: h.name, width: 30, value: (r) => r.name },
    { header: h.creditCode, width: 22, value: (r) => r.creditCode },
    { header: h.industry, width: 16, value: (r) => r.industryName ?? '' },
    { header: h.scale, width: 10, value: (r) => SCALE_LABELS[r.scale] },
    { header: h.address, width: 30, value: (r) => r.address },
    { header: h.contactName, width: 10, value: (r) => r.contactName },
    { header: h.contactPhone, width: 15, value: (r) => r.contactPhone },
    { header: h.region, width: 10, value: (r) => r.regionName },
    { header: h.id, width: 38, value: (r) => r.id },
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gaodi 高地';
  workbook.created = input.at;
  addLedgerSheet(workbook, {
    name: '企业台账',
    title: `${input.regionName}企业台账`,
    subtitle: `填报单位：${input.regionName}科技局　　导出日期：${chineseDate(input.at)}　　共 ${input.rows.length} 家`,
    columns,
    rows: input.rows.map((r, i) => ({ ...r, seq: i + 1 })),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
