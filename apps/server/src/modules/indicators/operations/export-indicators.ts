import type { Indicator } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { addLedgerSheet, chineseDate } from '../../../platform/excel/workbook.ts';
import { INDICATORS } from '../indicators.definitions.ts';
import { chinaMonth } from './freeze-month.ts';
import { type FigureSet, gatherFigures } from './gather-figures.ts';

export const LIGHT_ZH: Record<Indicator['light'], string> = {
  green: '进度正常',
  yellow: '略为滞后',
  red: '明显滞后',
  none: '未设目标',
};

type RecordRow = { code: string; id: string; title: string; on: string | null; region_name: string };

async function allRecords(tx: Tx, set: FigureSet): Promise<RecordRow[]> {
  const out: RecordRow[] = [];
  for (const def of INDICATORS) {
    const rows = rowsOf<Omit<RecordRow, 'code'>>(
      await tx.execute(sql`
        SELECT r.id, r.title, r.on, coalesce(g.name, r.region_code) AS region_name
        FROM (${def.records(set.w)}) r LEFT JOIN regions g ON g.code = r.region_code
        ORDER BY r.on NULLS LAST, r.id`),
    );
    for (const r of rows) out.push({ code: def.code, ...r });
  }
  return out;
}

function summarySheet(wb: ExcelJS.Workbook, set: FigureSet, title: string, subtitle: string) {
  const prev = set.previous;
  addLedgerSheet<Indicator>(wb, {
    name: '指标汇总',
    title,
    subtitle,
    rows: set.indicators.indicators,
    columns: [
      { header: '指标', width: 22, value: (i) => i.name },
      { header: '数值', width: 8, value: (i) => i.value },
      { header: '单位', width: 6, value: (i) => i.unit },
      { header: '年度目标', width: 10, value: (i) => i.target },
      { header: '完成进度（%）', width: 12, value: (i) => i.progress },
      { header: '按时序应完成', width: 12, value: (i) => i.expected },
      { header: '状态', width: 10, value: (i) => LIGHT_ZH[i.light] },
      {
        header: prev ? `${prev.period} 月末快照` : '上月末快照',
        width: 14,
        value: (i) => prev?.values.get(i.code) ?? null,
      },
      {
        header: '比上月末',
        width: 10,
        value: (i) => {
          const p = prev?.values.get(i.code);
          return p === undefined ? null : i.value - p;
        },
      },
      { header: '口径说明', width: 60, value: (i) => i.definition },
    ],
  });
}

function regionSheet(wb: ExcelJS.Workbook, set: FigureSet, title: string, subtitle: string) {
  const total = { code: '', name: '合计', values: new Map<string, number>() };
  for (const r of set.byRegion)
    for (const [k, v] of r.values) total.values.set(k, (total.values.get(k) ?? 0) + v);
  addLedgerSheet(wb, {
    name: '分区域',
    title: `${title}（分区域）`,
    subtitle,
    rows: [...set.byRegion, total],
    columns: [
      { header: '区域', width: 14, value: (r) => r.name },
      ...set.indicators.indicators.map((i) => ({
        header: i.name,
        width: 10,
        value: (r: typeof total) => r.values.get(i.code) ?? 0,
      })),
      { header: '区划代码', width: 10, kind: 'id' as const, value: (r: typeof total) => r.code },
    ],
  });
}

/**
 * 指标台账 (.xlsx): the figures with targets, progress, light and the change since the last
 * month-end snapshot; the figures by region (a city's counties, with a total); every record behind
 * every figure. Printed A4 landscape, fit to width, title and header rows on each page.
 */
export function exportIndicators(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  query: { year: number; region?: string },
): Promise<{ buffer: Buffer; name: string }> {
  const now = clock.now();
  return db.transaction(ctx.scope, async (tx) => {
    const set = await gatherFigures(tx, ctx, now, { ...query, beforePeriod: chinaMonth(now) });
    const title = `${set.w.regionName}${query.year}年创新高地建设指标台账`;
    const subtitle = `数据截至 ${chineseDate(now)}（由业务记录计算）`;
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Gaodi 高地';
    summarySheet(wb, set, title, subtitle);
    if (set.byRegion.length > 1) regionSheet(wb, set, title, subtitle);
    const names = new Map<string, string>(set.indicators.indicators.map((i) => [i.code, i.name]));
    addLedgerSheet<RecordRow>(wb, {
      name: '明细',
      title: `${title}（明细）`,
      subtitle,
      rows: await allRecords(tx, set),
      columns: [
        { header: '指标', width: 20, value: (r) => names.get(r.code) ?? r.code },
        { header: '名称', width: 44, value: (r) => r.title },
        { header: '计入日期', width: 16, kind: 'date', value: (r) => r.on?.slice(0, 10) ?? '全年' },
        { header: '区域', width: 12, value: (r) => r.region_name },
        { header: '记录编号', width: 38, kind: 'id', value: (r) => r.id },
      ],
    });
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return { buffer, name: `${title}.xlsx` };
  });
}
