import {
  ENTRY_KIND_LABELS,
  type EntryKind,
  GRADE_LABELS,
  type Grade,
  LIGHT_LABELS,
  type Light,
  STAGE_LABELS,
  type Stage,
} from '@gaodi/contracts';
import ExcelJS from 'exceljs';
import { addLedgerSheet, chineseDate, type LedgerColumn } from '../../platform/excel/workbook.ts';

/** Headers shared by the export and the import, so an exported ledger re-imports as is. */
export const LEDGER_HEADERS = {
  seq: '序号',
  institute: '院所名称',
  grade: '等级',
  stage: '招引阶段',
  light: '督办灯',
  lightReason: '亮灯原因',
  mode: '合作方式',
  industry: '服务产业',
  monthWork: '本月工作情况',
  nextStep: '下一步工作',
  nextDate: '下一步时间',
  owner: '责任人',
  lead: '专班负责人',
  greenChannel: '绿色通道',
  signedOn: '签约日期',
  id: '记录ID',
} as const;

export const ENTRY_HEADERS = {
  recordId: '记录ID',
  institute: '院所名称',
  entryOn: '日期',
  kind: '方式',
  participants: '参与人员',
  content: '工作内容',
  result: '工作成效',
  nextStep: '下一步工作',
  nextDate: '下一步时间',
  stageChange: '阶段变更',
  correctsId: '更正条目ID',
  author: '填报人',
  id: '条目ID',
} as const;

export const SUMMARY_SHEET = '工作台账';
export const DETAIL_SHEET = '台账明细';
/** Above this many records the per-record sheets are left out (the detail sheet has every entry anyway). */
export const PER_RECORD_SHEET_LIMIT = 60;

export type LedgerRecordRow = {
  id: string;
  institute: string;
  grade: Grade;
  stage: Stage;
  light: Light;
  lightReason: string;
  mode: string;
  industry: string;
  nextStep: string;
  nextDate: string | null;
  owner: string;
  lead: string;
  isGreenChannel: boolean;
  signedOn: string | null;
};

export type LedgerEntryRow = {
  id: string;
  recordId: string;
  entryOn: string;
  kind: EntryKind;
  participants: string;
  content: string;
  result: string;
  nextStep: string;
  nextDate: string | null;
  stageFrom: Stage | null;
  stageTo: Stage | null;
  correctsId: string | null;
  author: string;
};

const shortDate = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** "11月3日 走访：…；11月20日 电话：…" — the month's entries of one record in one cell. */
export function summariseEntries(entries: readonly LedgerEntryRow[]): string {
  return entries
    .map(
      (e) =>
        `${shortDate(e.entryOn)} ${ENTRY_KIND_LABELS[e.kind]}：${e.content}${e.result ? `（${e.result}）` : ''}`,
    )
    .join('；\n');
}

type SummaryRow = LedgerRecordRow & { seq: number };
type StageName = (s: Stage) => string;

/** The summary sheet's columns: one row per record, its month's work summarised. */
function summaryColumns(
  stageName: StageName,
  monthOf: Map<string, LedgerEntryRow[]>,
): LedgerColumn<SummaryRow>[] {
  const h = LEDGER_HEADERS;
  return [
    { header: h.seq, width: 6, value: (r) => r.seq },
    { header: h.institute, width: 26, value: (r) => r.institute },
    { header: h.grade, width: 12, value: (r) => GRADE_LABELS[r.grade] },
    { header: h.stage, width: 8, value: (r) => stageName(r.stage) },
    { header: h.light, width: 8, value: (r) => LIGHT_LABELS[r.light] },
    { header: h.lightReason, width: 30, value: (r) => r.lightReason },
    { header: h.mode, width: 16, value: (r) => r.mode },
    { header: h.industry, width: 12, value: (r) => r.industry },
    { header: h.monthWork, width: 60, value: (r) => summariseEntries(monthOf.get(r.id) ?? []) },
    { header: h.nextStep, width: 30, value: (r) => r.nextStep },
    { header: h.nextDate, width: 12, value: (r) => r.nextDate ?? '' },
    { header: h.owner, width: 10, value: (r) => r.owner },
    { header: h.lead, width: 10, value: (r) => r.lead },
    { header: h.greenChannel, width: 8, value: (r) => (r.isGreenChannel ? '是' : '否') },
    { header: h.signedOn, width: 12, value: (r) => r.signedOn ?? '' },
    { header: h.id, width: 38, value: (r) => r.id },
  ];
}

/** The detail sheet's columns: one row per entry (also the per-record sheets, without the record columns). */
function entryColumns(
  stageName: StageName,
  instituteOf: Map<string, string>,
): LedgerColumn<LedgerEntryRow>[] {
  const e = ENTRY_HEADERS;
  return [
    { header: e.recordId, width: 38, value: (r) => r.recordId },
    { header: e.institute, width: 24, value: (r) => instituteOf.get(r.recordId) ?? '' },
    { header: e.entryOn, width: 12, value: (r) => r.entryOn },
    { header: e.kind, width: 8, value: (r) => ENTRY_KIND_LABELS[r.kind] },
    { header: e.participants, width: 20, value: (r) => r.participants },
    { header: e.content, width: 50, value: (r) => r.content },
    { header: e.result, width: 30, value: (r) => r.result },
    { header: e.nextStep, width: 30, value: (r) => r.nextStep },
    { header: e.nextDate, width: 12, value: (r) => r.nextDate ?? '' },
    {
      header: e.stageChange,
      width: 14,
      value: (r) => (r.stageTo ? `${r.stageFrom ? stageName(r.stageFrom) : ''}→${stageName(r.stageTo)}` : ''),
    },
    { header: e.correctsId, width: 38, value: (r) => r.correctsId ?? '' },
    { header: e.author, width: 10, value: (r) => r.author },
    { header: e.id, width: 38, value: (r) => r.id },
  ];
}

/**
 * The monthly work ledger (工作台账): a summary sheet (title row with region and month, one row per
 * record), a detail sheet with every exported entry, and one sheet per record when there are few.
 */
export async function writeRecruitmentLedger(input: {
  regionName: string;
  month: string;
  at: Date;
  records: LedgerRecordRow[];
  entries: LedgerEntryRow[];
  /** The month's entries only (for the summary column); `entries` may span all history. */
  monthEntries: LedgerEntryRow[];
  /** The office's stage names (阶段名称); the built-in names where absent. */
  stageNames?: Partial<Record<Stage, string>>;
}): Promise<Buffer> {
  const stageName = (s: Stage) => input.stageNames?.[s] ?? STAGE_LABELS[s];
  const monthOf = new Map<string, LedgerEntryRow[]>();
  for (const e of input.monthEntries) {
    const list = monthOf.get(e.recordId) ?? [];
    list.push(e);
    monthOf.set(e.recordId, list);
  }
  const [y, m] = input.month.split('-');
  const monthTitle = `${y}年${Number(m)}月`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gaodi 高地';
  workbook.created = input.at;
  const summary = addLedgerSheet(workbook, {
    name: SUMMARY_SHEET,
    title: `${input.regionName}大院大所招引工作台账（${monthTitle}）`,
    subtitle: `填报单位：${input.regionName}科技局　　月份：${monthTitle}　　导出日期：${chineseDate(input.at)}　　共 ${input.records.length} 家`,
    columns: summaryColumns(stageName, monthOf),
    rows: input.records.map((r, i) => ({ ...r, seq: i + 1 })),
  });
  summary.getColumn(9).alignment = { wrapText: true, vertical: 'top' };

  const instituteOf = new Map(input.records.map((r) => [r.id, r.institute]));
  const e = ENTRY_HEADERS;
  const detailColumns = entryColumns(stageName, instituteOf);
  addLedgerSheet(workbook, {
    name: DETAIL_SHEET,
    title: `${input.regionName}大院大所招引台账明细`,
    subtitle: `月份：${monthTitle}　　共 ${input.entries.length} 条`,
    columns: detailColumns,
    rows: input.entries,
  });
  if (input.records.length <= PER_RECORD_SHEET_LIMIT) {
    const used = new Set<string>([SUMMARY_SHEET, DETAIL_SHEET]);
    input.records.forEach((r, i) => {
      let name = `${i + 1}-${r.institute}`.replace(/[\\/?*[\]:]/g, '').slice(0, 31);
      while (used.has(name)) name = `${name.slice(0, 28)}${i}`;
      used.add(name);
      addLedgerSheet(workbook, {
        name,
        title: `${r.institute}招引工作台账（${monthTitle}）`,
        subtitle: `阶段：${stageName(r.stage)}　　等级：${GRADE_LABELS[r.grade]}　　督办灯：${LIGHT_LABELS[r.light]}　　责任人：${r.owner}　　专班负责人：${r.lead}`,
        columns: detailColumns.filter((c) => c.header !== e.institute && c.header !== e.recordId),
        rows: monthOf.get(r.id) ?? [],
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
