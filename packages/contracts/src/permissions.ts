import { z } from 'zod';

/** The roles of DESIGN.md "People and roles". */
export const Role = z.enum([
  'staff',
  'taskforce_lead',
  'helper',
  'leader',
  'enterprise',
  'institute',
  'sysadmin',
  'secadmin',
  'auditadmin',
]);
export type Role = z.infer<typeof Role>;

export const Resource = z.enum([
  'region',
  'industry',
  'enterprise',
  'institute',
  'expert',
  'user',
  'audit',
  'recruitment',
  'platform',
  'supervision',
  'supervision_rule',
  'roundtable_proposal',
  'stage_label',
  'notification',
  // A region's delivery endpoints (SMTP, WeCom, DingTalk, SMS): its system administrator's.
  'notification_channel',
  'file',
  'need',
  'achievement',
  'pairing',
  'event',
  'project',
  'platform_criteria',
  'talent',
  'indicator',
  'service_request',
  'service_setting',
  'roundtable',
  'incubation',
  'incubation_report',
  // Issue 16: machine access (API keys), outgoing webhooks, the exchange feed of changes.
  'api_key',
  'webhook',
  'exchange',
  /** The matching corpus's JSONL import (a demonstration tool of the office). */
  'achievement_corpus',
  /** Resetting another user's two-step sign-in. */
  'user_mfa',
]);
export type Resource = z.infer<typeof Resource>;

export type Action = 'read' | 'create' | 'update' | 'delete' | 'export' | 'import';

const all: Action[] = ['read', 'create', 'update', 'delete', 'export', 'import'];
const read: Action[] = ['read'];
const readExport: Action[] = ['read', 'export'];
const readUpdate: Action[] = ['read', 'update'];
const readCreate: Action[] = ['read', 'create'];

/**
 * Role × resource × action, the one permission table. The API refuses what is not here; the UI
 * hides it. Row-level security in the database narrows further (region, own organisation).
 */
export const PERMISSIONS: Record<Role, Partial<Record<Resource, Action[]>>> = {
  staff: {
    region: read,
    industry: all,
    enterprise: all,
    institute: all,
    expert: all,
    recruitment: all,
    platform: ['read', 'create', 'update'],
    supervision: readUpdate,
    supervision_rule: read,
    // Staff prepare the agenda: they propose red items; leaders decide (update).
    roundtable_proposal: readCreate,
    notification: readUpdate,
    file: readCreate,
    need: all,
    achievement: all,
    pairing: all,
    event: all,
    project: all,
    indicator: ['read', 'update', 'export'],
    stage_label: read,
    platform_criteria: read,
    talent: all,
    service_request: all,
    service_setting: readUpdate,
    roundtable: all,
    incubation: all,
    incubation_report: ['read', 'update', 'import'],
    // The exchange feed of the region's changes (what a city's or province's system reads).
    exchange: read,
    achievement_corpus: ['import'],
  },
  taskforce_lead: {
    region: read,
    industry: read,
    enterprise: all,
    institute: all,
    expert: all,
    recruitment: all,
    platform: ['read', 'create', 'update'],
    supervision: readUpdate,
    supervision_rule: read,
    // Staff prepare the agenda: they propose red items; leaders decide (update).
    roundtable_proposal: readCreate,
    notification: readUpdate,
    file: readCreate,
    need: all,
    achievement: all,
    pairing: all,
    event: all,
    project: all,
    indicator: read,
    stage_label: read,
    platform_criteria: read,
    talent: all,
    // Leads dispatch requests and approve transfers between helpers.
    service_request: all,
    service_setting: readUpdate,
    roundtable: all,
    incubation: all,
    incubation_report: ['read', 'update', 'import'],
    // The exchange feed of the region's changes (what a city's or province's system reads).
    exchange: read,
    achievement_corpus: ['import'],
  },
  helper: {
    region: read,
    industry: read,
    enterprise: ['read', 'update', 'export'],
    institute: read,
    expert: read,
    recruitment: read,
    platform: read,
    supervision: read,
    supervision_rule: read,
    roundtable_proposal: read,
    notification: readUpdate,
    file: read,
    need: read,
    achievement: read,
    pairing: read,
    event: read,
    // Updates only the projects they serve (checked against the current assignment).
    project: readUpdate,
    indicator: read,
    stage_label: read,
    platform_criteria: read,
    talent: read,
    // Their requests (handle, transfer, hand off); decisions they own (submit proof).
    service_request: ['read', 'create', 'update'],
    service_setting: read,
    roundtable: readUpdate,
    incubation: read,
    incubation_report: read,
  },
  leader: {
    region: read,
    industry: readExport,
    enterprise: readExport,
    institute: readExport,
    expert: readExport,
    recruitment: readExport,
    platform: readExport,
    supervision: readExport,
    supervision_rule: read,
    // Leaders chair round-tables: they decide what goes on the agenda (update), or put it there (create).
    roundtable_proposal: ['read', 'create', 'update'],
    notification: readUpdate,
    file: read,
    need: readExport,
    achievement: readExport,
    pairing: readExport,
    event: readExport,
    project: readExport,
    indicator: ['read', 'update', 'export'],
    stage_label: read,
    platform_criteria: read,
    talent: readExport,
    service_request: ['read', 'update', 'export'],
    service_setting: read,
    // Leaders chair round-tables: meetings, agenda, decisions, accepting proof.
    roundtable: all,
    incubation: readExport,
    incubation_report: read,
    exchange: read,
  },
  enterprise: {
    region: read,
    industry: read,
    enterprise: ['read', 'update'],
    notification: readUpdate,
    // Their own needs and projects only (row-level security narrows to their enterprise).
    need: ['read', 'create', 'update'],
    project: read,
    // Stage names show on their needs and projects.
    stage_label: read,
    // The platforms their enterprise builds and the talents it employs (row-level security narrows).
    platform: read,
    talent: read,
    // Their own enterprise's requests: raise, follow, withdraw, rate.
    service_request: ['read', 'create', 'update'],
    // Their own enterprise's incubation record only (row-level security narrows).
    incubation: read,
    // Its own quarterly reports, on the phone-sized form.
    incubation_report: readUpdate,
  },
  institute: {
    region: read,
    industry: read,
    institute: ['read', 'update'],
    expert: ['read', 'create', 'update'],
    notification: readUpdate,
    // Their institute's achievements; needs open for matching (published, matching) and their projects.
    achievement: ['read', 'create', 'update', 'delete', 'import'],
    need: read,
    project: read,
    stage_label: read,
    // The platforms their institute builds and the talents it employs (row-level security narrows).
    platform: read,
    talent: read,
    service_request: ['read', 'create', 'update'],
  },
  // The system admin configures light rules but reads no recruitment record (三员 separation); it
  // reads the enterprise and institute directory only to bind those users' accounts to them.
  sysadmin: {
    region: read,
    // Time limits and the working calendar are office settings, like the light rules.
    service_setting: readUpdate,
    industry: all,
    enterprise: read,
    institute: read,
    user: ['read', 'create', 'update'],
    supervision_rule: readUpdate,
    // Names the stages of the region's pipelines (an office setting, like the light rules).
    stage_label: readUpdate,
    // The region's criteria for 实体化运营, an office setting like the light rules.
    platform_criteria: readUpdate,
    notification: readUpdate,
    // Machine access is configured like an account: keys act as a business role (as the accounts the
    // system admin creates do); webhooks carry ids and events, never a record's contents.
    api_key: ['read', 'create', 'delete'],
    webhook: ['read', 'create', 'update', 'delete'],
    // The region's delivery endpoints (SMTP, WeCom, DingTalk, SMS), secrets write-only.
    notification_channel: readUpdate,
  },
  secadmin: { region: read, user: ['read', 'update'], user_mfa: ['update'], notification: readUpdate },
  auditadmin: { region: read, audit: readExport, notification: readUpdate },
};

export function can(role: Role, resource: Resource, action: Action): boolean {
  return PERMISSIONS[role][resource]?.includes(action) ?? false;
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  staff: { zh: '工作人员', en: 'Bureau staff' },
  taskforce_lead: { zh: '专班负责人', en: 'Task-force lead' },
  helper: { zh: '帮办专员', en: 'Helper' },
  leader: { zh: '领导', en: 'Leader' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  institute: { zh: '院所联络人', en: 'Institute partner' },
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditadmin: { zh: '审计管理员', en: 'Audit administrator' },
};

/** The three administrators of 三员 separation: system, security and audit administrator. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (role: Role): role is AdminRole => (ADMIN_ROLES as readonly Role[]).includes(role);

/** Roles that must use two-step sign-in (TOTP): the three administrators and leaders. Others may. */
export const MFA_REQUIRED_ROLES = [...ADMIN_ROLES, 'leader'] as const satisfies readonly Role[];
export const isMfaRequired = (role: Role): boolean => (MFA_REQUIRED_ROLES as readonly Role[]).includes(role);

export const AccountAction = z.enum(['create', 'update', 'disable', 'enable', 'unlock', 'reset_password']);
export type AccountAction = z.infer<typeof AccountAction>;

const BUSINESS_ROLES: Role[] = ['staff', 'taskforce_lead', 'helper', 'leader', 'enterprise', 'institute'];

type AccountRule = { actions: AccountAction[]; approver?: AdminRole };
const rulesFor = (roles: Role[], rule: AccountRule) => Object.fromEntries(roles.map((r) => [r, rule]));

/**
 * Who may create, change, disable, enable, unlock or reset the password of which role's accounts
 * (三员 separation of duties). A rule with an `approver` is a two-person rule: the change waits
 * until an administrator of that role (never the requester) approves it. The system admin manages
 * the business roles; administrators are created and changed only with a second administrator.
 * The security admin disables, unlocks and resets, but never disables a system admin; the audit
 * admin only reads the audit log. Nobody acts on their own account here (修改密码 is separate), and
 * the last enabled account of each administrator role cannot be disabled. Migration
 * 0021_separation_of_duties copies this table into `account_rules`, where a trigger on `users`
 * enforces it for every request; a test checks both agree.
 */
export const ACCOUNT_RULES: Partial<Record<Role, Partial<Record<Role, AccountRule>>>> = {
  sysadmin: {
    ...rulesFor(BUSINESS_ROLES, { actions: ['create', 'update', 'disable', 'enable', 'reset_password'] }),
    sysadmin: { actions: ['create', 'update', 'disable', 'enable', 'reset_password'], approver: 'secadmin' },
    secadmin: { actions: ['create', 'update', 'enable', 'reset_password'], approver: 'secadmin' },
    auditadmin: { actions: ['create', 'update', 'enable', 'reset_password'], approver: 'secadmin' },
  },
  secadmin: {
    ...rulesFor(BUSINESS_ROLES, { actions: ['disable', 'enable', 'unlock', 'reset_password'] }),
    sysadmin: { actions: ['unlock'] },
    secadmin: { actions: ['disable', 'enable', 'reset_password'], approver: 'sysadmin' },
    auditadmin: { actions: ['disable', 'enable', 'reset_password'], approver: 'sysadmin' },
  },
};

/** Unlocking is a direct action even on an administrator (lockouts are the security admin's daily work). */
const DIRECT_ACTIONS: AccountAction[] = ['unlock'];

/** 'direct', 'two_person' (needs an approver of the returned role) or null (not allowed). */
export function accountRule(
  actor: Role,
  target: Role,
  action: AccountAction,
): { kind: 'direct' } | { kind: 'two_person'; approver: AdminRole } | null {
  const rule = ACCOUNT_RULES[actor]?.[target];
  if (!rule?.actions.includes(action)) return null;
  if (rule.approver && !DIRECT_ACTIONS.includes(action))
    return { kind: 'two_person', approver: rule.approver };
  return { kind: 'direct' };
}

/** Every (actor, target, action, approver) row of ACCOUNT_RULES: what the database table holds. */
export function accountRuleRows(): {
  actor: Role;
  target: Role;
  action: AccountAction;
  approver: AdminRole | null;
}[] {
  const rows: { actor: Role; target: Role; action: AccountAction; approver: AdminRole | null }[] = [];
  for (const actor of Role.options)
    for (const target of Role.options)
      for (const action of AccountAction.options) {
        const rule = accountRule(actor, target, action);
        if (rule)
          rows.push({ actor, target, action, approver: rule.kind === 'two_person' ? rule.approver : null });
      }
  return rows;
}
