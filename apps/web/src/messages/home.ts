/** The home page's 待我处理 (what waits for the signed-in user), by kind of work. */
export const homeMessages = {
  'home.work': ['待我处理', 'Waiting for me'],
  'home.work.none': ['目前没有等待您处理的事项。', 'Nothing is waiting for you right now.'],
  'home.work.more': ['全部 {total} 项', 'All {total}'],
  'home.work.overdue': ['已逾期', 'Overdue'],
  'home.work.proposal': ['待定提请圆桌事项', 'Round-table proposals to decide'],
  'home.work.escalation': ['督办升级到我的事项', 'Escalations sent to me'],
  'home.work.decision': ['圆桌决定事项（临近期限）', 'Round-table decisions due'],
  'home.work.recruitment': ['我负责的招引记录', 'My recruitment records'],
  'home.work.service_request': ['帮办诉求', 'Service requests'],
  'home.work.need': ['技术需求', 'Technology needs'],
  'home.work.open_need': ['可承接的开放需求', 'Needs open for matching'],
  'home.work.project': ['合作项目', 'Cooperation projects'],
  'home.work.account_request': ['待审批的账号变更', 'Account changes to approve'],
  'home.work.audit_denial': ['近 7 日拒绝访问', 'Refusals in the last 7 days'],
} as const satisfies Record<string, readonly [string, string]>;

/** The audit log's additions: objects, changes, the export. */
export const auditLogMessages = {
  'audit.allTargets': ['全部对象', 'All objects'],
  'audit.change': ['变更内容', 'Change'],
  'audit.before': ['变更前', 'Before'],
  'audit.after': ['变更后', 'After'],
  'audit.export': ['导出 Excel', 'Export Excel'],
} as const satisfies Record<string, readonly [string, string]>;

/** Recommendations as a user sees them: only the confident ones, said so when few. */
export const recommendationMessages = {
  'mm.fewInstitutes': ['仅找到 {n} 个较相关的院所', 'Only {n} closely related institutes found'],
  'mm.weakHidden': ['另有 {n} 个匹配度较低的院所未列出。', '{n} weaker matches are not listed.'],
} as const satisfies Record<string, readonly [string, string]>;

/** Institutes' short names (别名). */
export const instituteAliasMessages = {
  'institute.aliases': ['别名（简称）', 'Aliases'],
  'institute.aliasesHint': ['如 北工大、山大，回车添加', 'e.g. 北工大, press Enter'],
} as const satisfies Record<string, readonly [string, string]>;
