import type { Pattern } from './messages.zod.ts';

/**
 * English for what the server writes about a record's state rather than about a field: inbox
 * titles, supervision light reasons and the audit chain's verification. Part of the catalog in
 * messages.ts (kept apart so neither file grows past the size limit).
 */
export const RECORD_STATE_PATTERNS: Pattern[] = [
  // inbox titles (stored in Chinese; the web shows them in English through this catalog)
  [/^黄灯提醒：(.+)$/s, (m) => `Yellow light: ${m[1]}`],
  [/^红灯督办：(.+)$/s, (m) => `Red light, under supervision: ${m[1]}`],
  [
    /^红灯超过 (\d+) 天，提请领导关注：(.+)$/s,
    (m) => `Red for more than ${m[1]} days, for the leaders' attention: ${m[2]}`,
  ],
  [/^您已被指定为帮办专员：(.+)$/s, (m) => `You are now the helper of: ${m[1]}`],
  [/^项目已交接给其他帮办专员：(.+)$/s, (m) => `Handed over to another helper: ${m[1]}`],
  [
    /^提请圆桌对话，请决定是否列入议程：(.+)$/s,
    (m) => `Proposed for a round-table, awaiting your decision: ${m[1]}`,
  ],
  [/^已列入圆桌议程：(.+)$/s, (m) => `On the round-table agenda: ${m[1]}`],
  [/^暂不列入圆桌议程：(.+)$/s, (m) => `Not on the round-table agenda for now: ${m[1]}`],
  // supervision light reasons (not field messages; listed so the web can show them in English)
  [
    /^已 (\d+) 天无工作台账记录（≥ (\d+) 天(红|黄)灯）$/,
    (m) => `No ledger entry for ${m[1]} days (≥ ${m[2]} days: ${m[3] === '红' ? 'red' : 'yellow'})`,
  ],
  [
    /^节点已逾期 (\d+) 天（≥ (\d+) 天红灯）$/,
    (m) => `Milestone overdue by ${m[1]} days (≥ ${m[2]} days: red)`,
  ],
  [/^节点已逾期 (\d+) 天$/, (m) => `Milestone overdue by ${m[1]} days`],
  [/^约定的下一步时间 (.+) 已过 (\d+) 天$/, (m) => `The agreed next step (${m[1]}) passed ${m[2]} days ago`],
  // The audit chain's verification (npm run audit:verify, the auditor's 校验完整性).
  [
    /^第 (\d+) 条与前一条的链接不符（前面插入或替换了记录）$/,
    (m) => `Entry ${m[1]} does not link to the one before it (a record was inserted or replaced)`,
  ],
  [
    /^第 (\d+) 条（编号 (\S+)）内容与其哈希不符$/,
    (m) => `Entry ${m[1]} (id ${m[2]}) does not match its hash`,
  ],
  [/^链尾第 (\d+)–(\d+) 条缺失$/, (m) => `Entries ${m[1]}–${m[2]} at the end of the chain are missing`],
  [/^第 (\d+) 条缺失$/, (m) => `Entry ${m[1]} is missing`],
  [/^链尾哈希与记录不符$/, () => 'The hash at the end of the chain does not match the records'],
  // QR sign-in outside the event's window (gaodi_event_checkin).
  [
    /^签到尚未开始：本活动可在 (.+) 至 (.+) 签到$/,
    (m) => `Sign-in is not open yet: it opens ${m[1]} and closes ${m[2]}`,
  ],
  [
    /^签到已结束：本活动可在 (.+) 至 (.+) 签到$/,
    (m) => `Sign-in has closed: it was open from ${m[1]} to ${m[2]}`,
  ],
];
