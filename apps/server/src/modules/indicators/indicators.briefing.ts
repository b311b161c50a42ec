import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { BriefingData } from './operations/gather-briefing.ts';

const FANGSONG = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEI = { ascii: 'Times New Roman', eastAsia: '黑体' };
const XIAOBIAOSONG = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体' };
/** 三号 = 16 pt = 32 half-points; 二号 = 22 pt; 小四 = 12 pt (tables). */
const SAN = 32;
const RED = 'C00000';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ITEM_TYPE_ZH: Record<string, string> = {
  recruitment: '招引事项',
  project: '合作项目',
  service_request: '帮办诉求',
  decision: '圆桌议定事项',
};
const ARTICLE = [
  'events',
  'signed_projects',
  'institutes_recruited',
  'platforms_operating',
  'projects_landed',
  'leading_talents',
  'talents_gathered',
];

type LineOptions = { center?: boolean; size?: number; indent?: boolean; color?: string; bold?: boolean };
const line = (text: string, font = FANGSONG, o: LineOptions = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { line: 560, lineRule: 'exact' },
    indent: o.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, font, size: o.size ?? SAN, color: o.color, bold: o.bold })],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
function table(header: string[], rows: (string | number)[][]): Table {
  const cell = (text: string, isHead = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text, size: 24, font: isHead ? HEI : FANGSONG })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(String(c))) })),
    ],
  });
}

const signed = (n: number) => (n > 0 ? `增加 ${n}` : n < 0 ? `减少 ${-n}` : '持平');

/** 红头: 工作专报, the issue number, the issuer and the date over a red rule. */
function titleBlock(d: BriefingData, o: { number: string; issuer: string; date: string }) {
  return [
    line('工作专报', XIAOBIAOSONG, { center: true, size: 72, color: RED }),
    line(o.number, FANGSONG, { center: true }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 8850 }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { after: 400 },
      children: [
        new TextRun({ text: o.issuer, font: FANGSONG, size: SAN }),
        new TextRun({ text: `\t${o.date}`, font: FANGSONG, size: SAN }),
      ],
    }),
    line(
      d.quarter
        ? `关于${d.regionName}${d.year}年第${NUMERALS[d.quarter - 1]}季度创新高地建设工作进展情况的报告`
        : `关于${d.regionName}${d.year}年1—${d.endMonth}月创新高地建设工作进展情况的报告`,
      XIAOBIAOSONG,
      { center: true, size: 44 },
    ),
    line(''),
  ];
}

function figuresPart(d: BriefingData) {
  const asOf = d.isFrozen ? `截至${d.year}年${d.endMonth}月底（月末快照）` : `截至目前（实时数据）`;
  const than = d.previousPeriod ? `比${Number(d.previousPeriod.slice(5))}月底` : '';
  return [
    line('一、主要指标完成情况', HEI, { indent: true }),
    line(`${asOf}，${d.regionName}各项指标由业务记录计算，逐项可查到记录。`, FANGSONG, { indent: true }),
    ...d.figures.map((f, i) => {
      const target = f.target
        ? `，完成年度目标 ${f.target} ${f.unit}的 ${Math.round((f.value / f.target) * 1000) / 10}%`
        : '';
      const change = f.change !== null && than ? `，${than}${signed(f.change)} ${f.unit}` : '';
      return line(
        `（${NUMERALS[i] ?? i + 1}）${f.name} ${f.value} ${f.unit}${target}${change}。口径：${f.definition}。`,
        FANGSONG,
        {
          indent: true,
        },
      );
    }),
    table(
      ['指标', '完成', '年度目标', '进度', than ? `${than}` : '比上月'],
      d.figures.map((f) => [
        f.name,
        `${f.value} ${f.unit}`,
        f.target ?? '—',
        f.target ? `${Math.round((f.value / f.target) * 1000) / 10}%` : '—',
        f.change === null ? '—' : f.change > 0 ? `+${f.change}` : f.change,
      ]),
    ),
  ];
}

function regionPart(d: BriefingData, n: number) {
  if (d.byRegion.length === 0) return [];
  const cols = d.figures.filter((f) => ARTICLE.includes(f.code));
  return [
    line(`${NUMERALS[n]}、分区域情况`, HEI, { indent: true }),
    table(
      ['区域', ...cols.map((c) => c.name)],
      [
        ...d.byRegion.map((r) => [r.name, ...cols.map((c) => r.values.get(c.code) ?? 0)]),
        ['合计', ...cols.map((c) => d.byRegion.reduce((s, r) => s + (r.values.get(c.code) ?? 0), 0))],
      ],
    ),
  ];
}

function highlightsPart(d: BriefingData, n: number) {
  const span = d.fromMonth === d.endMonth ? `${d.endMonth}月` : `${d.fromMonth}—${d.endMonth}月`;
  return [
    line(`${NUMERALS[n]}、工作亮点`, HEI, { indent: true }),
    ...d.highlights.map((h, i) =>
      line(
        `（${NUMERALS[i]}）${h.code === 'platforms_operating' ? h.name : `${span}${h.name}`} ${h.titles.length} 个${h.titles.length ? `：${h.titles.join('、')}` : ''}。`,
        FANGSONG,
        { indent: true },
      ),
    ),
  ];
}

function problemsPart(d: BriefingData, n: number) {
  const red = d.red.reduce((s, r) => s + r.n, 0);
  const parts = d.red.map((r) => `${ITEM_TYPE_ZH[r.itemType] ?? r.itemType} ${r.n} 项`).join('、');
  return [
    line(`${NUMERALS[n]}、需关注的问题`, HEI, { indent: true }),
    line(`亮红灯事项 ${red} 项${parts ? `（${parts}）` : ''}。`, FANGSONG, { indent: true }),
    line(`圆桌对话议定事项逾期未办结 ${d.overdue.length} 项${d.overdue.length ? '：' : '。'}`, FANGSONG, {
      indent: true,
    }),
    ...d.overdue.map((o, i) =>
      line(`${i + 1}. ${o.content}（责任单位：${o.owner || '—'}，时限：${o.deadline}）`, FANGSONG, {
        indent: true,
      }),
    ),
  ];
}

/**
 * 工作专报 (.docx) in the official layout: A4 with 公文 margins, a red title block (工作专报, issue
 * number, issuer, date, red rule), the title in 小标宋 二号, body in 仿宋 三号 with 黑体 headings,
 * tables for the figures and the regions, page numbers "— n —" at the foot.
 */
export function briefingDocx(
  d: BriefingData,
  o: { number: string; issuer: string; date: string; nextSteps: string[] },
): Promise<Buffer> {
  const next = o.nextSteps.length ? o.nextSteps : ['（请填写下步工作安排）'];
  const children = [
    ...titleBlock(d, o),
    ...figuresPart(d),
    ...regionPart(d, 1),
    ...highlightsPart(d, d.byRegion.length ? 2 : 1),
    ...problemsPart(d, d.byRegion.length ? 3 : 2),
    line(`${NUMERALS[d.byRegion.length ? 4 : 3]}、下步工作`, HEI, { indent: true }),
    ...next.map((s) => line(s, FANGSONG, { indent: true })),
  ];
  const doc = new Document({
    creator: 'Gaodi 高地',
    title: '工作专报',
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FANGSONG, size: 28 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
