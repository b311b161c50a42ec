import { ATTENDEE_KIND_LABELS, DECISION_STAGE_LABELS, type Decision, type Meeting } from '@gaodi/contracts';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';

const FANGSONG = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEI = { ascii: 'Times New Roman', eastAsia: '黑体' };
const XIAOBIAOSONG = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体' };
/** 三号 = 16 pt = 32 half-points; 二号 = 22 pt. */
const SAN = 32;

const line = (
  text: string,
  font = FANGSONG,
  options: { center?: boolean; size?: number; indent?: boolean } = {},
) =>
  new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { line: 560, lineRule: 'exact' },
    indent: options.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, font, size: options.size ?? SAN })],
  });

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const ownerOf = (d: Decision) => [d.ownerDepartment, d.ownerName].filter(Boolean).join(' ');

/**
 * 会议纪要 in the layout offices use (GB/T 9704 spirit): title in 小标宋 二号, the meeting's
 * particulars (时间、地点、主持、参加人员) in 仿宋 三号, then 议定事项 numbered 一、二、… each
 * with its owner and deadline, and the issuing line.
 */
export async function minutesDocx(meeting: Meeting, regionName: string): Promise<Buffer> {
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const attendees = Object.entries(ATTENDEE_KIND_LABELS)
    .map(([kind, label]) => {
      const names = meeting.attendees.filter((a) => a.kind === kind).map((a) => a.name);
      return names.length ? `${label.zh}：${names.join('、')}` : '';
    })
    .filter(Boolean)
    .join('；');
  const decisions = meeting.agenda.flatMap((i) => i.decisions);
  const children = [
    line(`${meeting.title}会议纪要`, XIAOBIAOSONG, { center: true, size: 44 }),
    line(''),
    line(`时间：${chineseDate(meeting.heldOn)} ${meeting.startsAt}`),
    line(`地点：${meeting.place}`),
    line(`主持：${meeting.chairName}`),
    line(`参加人员：${attendees || '（无）'}`),
    line(''),
    line(`会议听取了有关情况汇报，研究了${meeting.agenda.length}项议题。现将议定事项纪要如下：`, FANGSONG, {
      indent: true,
    }),
    ...meeting.agenda.flatMap((item, i) => [
      line(`${numerals[i] ?? i + 1}、${item.title}`, HEI, { indent: true }),
      ...item.decisions.map((d) =>
        line(
          `（${d.number}）${d.content}。责任单位（人）：${ownerOf(d)}；完成时限：${chineseDate(d.deadline)}${d.proofRequired ? `；办结佐证：${d.proofRequired}` : ''}。`,
          FANGSONG,
          { indent: true },
        ),
      ),
    ]),
    line(''),
    line(
      `以上议定事项共${decisions.length}项，由督办部门跟踪落实，逾期未办结的提请下次圆桌对话。`,
      FANGSONG,
      { indent: true },
    ),
    line(''),
    line(`${regionName}圆桌对话办公室`, FANGSONG, { center: false }),
    line(chineseDate(meeting.heldOn)),
  ];
  const doc = new Document({
    sections: [
      { properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** 督办台账: the open decisions, one row each, with status and days overdue. */
export async function decisionLedgerXlsx(
  decisions: Decision[],
  regionName: string,
  today: string,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('督办台账');
  sheet.addRow([`${regionName}圆桌对话议定事项督办台账（截至 ${today}）`]);
  sheet.mergeCells(1, 1, 1, 9);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([
    '序号',
    '会议',
    '议题',
    '议定事项',
    '责任单位（人）',
    '完成时限',
    '办理状态',
    '逾期天数',
    '办结佐证',
  ]);
  sheet.getRow(2).font = { bold: true };
  decisions.forEach((d, i) => {
    const overdue = d.isOverdue ? Math.round((Date.parse(today) - Date.parse(d.deadline)) / 86_400_000) : 0;
    sheet.addRow([
      i + 1,
      d.meetingTitle,
      d.itemTitle,
      d.content,
      ownerOf(d),
      d.deadline,
      DECISION_STAGE_LABELS[d.stage].zh,
      overdue,
      d.proof,
    ]);
  });
  [6, 20, 24, 40, 18, 12, 10, 10, 30].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
