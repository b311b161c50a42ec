import {
  EVENT_KIND_LABELS,
  type MatchmakingEvent,
  PAIRING_OUTCOME_LABELS,
  PROJECT_STAGE_LABELS,
  type ProjectStage,
} from '@gaodi/contracts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chinaDateTime } from '../../platform/text/china-time.ts';

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: border, bottom: border, left: border, right: border };

const para = (text: string, options: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, size: options.size ?? 28, font: FONT })],
  });

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [
      new TextRun({ text, bold: true, size: 30, font: { ascii: 'Times New Roman', eastAsia: '黑体' } }),
    ],
  });

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders,
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 22, font: FONT })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...(rows.length ? rows : [header.map((_, i) => (i === 0 ? '（无）' : ''))]).map(
        (r) => new TableRow({ children: r.map((c) => cell(c)) }),
      ),
    ],
  });
}

const yuan = (fen: number) => `${(fen / 1_000_000).toFixed(2)} 万元`;

/**
 * 对接活动报告 (.docx): the event, who attended, what was paired and what it led to. `stageNames`:
 * the office's names of project stages (阶段名称); the built-in names where absent.
 */
export async function writeEventReport(
  event: MatchmakingEvent,
  generatedOn: string,
  stageNames: Partial<Record<ProjectStage, string>> = {},
): Promise<Buffer> {
  const attended = event.participants.filter((p) => p.attendedAt);
  const intentions = event.pairingList.filter((p) => p.outcome === 'intention').length;
  const agreements = event.pairingList.filter((p) => p.outcome === 'agreement').length;
  const doc = new Document({
    creator: 'Gaodi 高地',
    title: `${event.title} 活动报告`,
    sections: [
      {
        children: [
          para(`${event.title}`, { bold: true, size: 36, center: true }),
          para('产学研对接活动报告', { size: 30, center: true }),
          heading('一、活动概况'),
          para(`活动形式：${EVENT_KIND_LABELS[event.kind].zh}`),
          para(`时间：${event.heldOn}`),
          para(
            `地点：${event.isOnline ? `线上${event.place ? `（${event.place}）` : ''}` : event.place || '—'}`,
          ),
          para(`主办单位：${event.organiser}`),
          ...(event.summary ? [para(`活动简介：${event.summary}`)] : []),
          para(
            `邀请单位 ${event.invited} 家，实际签到 ${event.attended} 家；发布需求 ${event.needs.length} 项、成果 ${event.achievements.length} 项；现场对接 ${event.pairings} 对，其中达成意向 ${intentions} 对、签订协议 ${agreements} 对；由此签约合作项目 ${event.projectsSigned} 个、转化落地 ${event.projectsLanded} 个。`,
          ),
          heading('二、参会签到'),
          table(
            ['单位', '类别', '受邀', '签到人', '签到时间'],
            event.participants.map((p) => [
              p.orgName,
              p.partyKind === 'enterprise' ? '企业' : p.partyKind === 'institute' ? '院所' : '其他',
              p.isInvited ? '是' : '否',
              p.attendeeName,
              p.attendedAt ? chinaDateTime(p.attendedAt) : '未签到',
            ]),
          ),
          para(
            `签到率：${event.participants.length ? Math.round((attended.length / event.participants.length) * 100) : 0}%`,
          ),
          heading('三、发布的需求与成果'),
          table(
            ['类别', '名称', '单位'],
            [
              ...event.needs.map((n) => ['技术需求', n.title, n.enterpriseName]),
              ...event.achievements.map((a) => ['科技成果', a.title, a.instituteName]),
            ],
          ),
          heading('四、对接成果'),
          table(
            ['需求', '企业', '院所', '成果', '进展'],
            event.pairingList.map((p) => [
              p.needTitle,
              p.enterpriseName,
              p.instituteName,
              p.achievementTitle ?? '',
              PAIRING_OUTCOME_LABELS[p.outcome].zh,
            ]),
          ),
          heading('五、签约与转化项目'),
          table(
            ['项目', '阶段', '签约日期', '落地日期', '合同金额'],
            event.projects.map((p) => [
              p.title,
              stageNames[p.stage as ProjectStage] ??
                PROJECT_STAGE_LABELS[p.stage as ProjectStage]?.zh ??
                p.stage,
              p.signedOn ?? '',
              p.landedOn ?? '',
              yuan(p.amountFen),
            ]),
          ),
          para(`报告生成日期：${generatedOn}`, { size: 22 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
