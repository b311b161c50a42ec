import { z } from 'zod';
import { defineRoute } from './route.ts';

/**
 * The home page's 待我处理: what waits for the signed-in user, by kind. Each kind is offered only to a
 * role whose permissions reach it; row-level security keeps every row within the user's own reach
 * (an enterprise sees its own needs, requests and projects; an institute its own).
 */
export const WorkKind = z.enum([
  /** 提请圆桌事项: red items waiting for a leader to accept or dismiss. */
  'proposal',
  /** 督办升级: escalations sent to me in the last 30 days. */
  'escalation',
  /** 圆桌决定事项: open decisions (a leader: all of the region due within 14 days; others: mine). */
  'decision',
  /** 招引记录: records I own or lead, still active. */
  'recruitment',
  /** 帮办诉求: my requests (helper), waiting to dispatch (lead), my organisation's (enterprise/institute). */
  'service_request',
  /** 技术需求: my enterprise's needs; for the office, needs waiting for review. */
  'need',
  /** 开放需求: needs open for matching, for an institute partner. */
  'open_need',
  /** 合作项目: my organisation's projects; the projects I help with. */
  'project',
  /** 账号变更待审批: two-person rule requests waiting for my role. */
  'account_request',
  /** 近7日拒绝访问: refusals in the last 7 days, for the audit administrator. */
  'audit_denial',
]);
export type WorkKind = z.infer<typeof WorkKind>;

export const WorkItem = z.object({
  id: z.string(),
  title: z.string(),
  /** A short line from the record itself: a reason, a number, a helper. */
  note: z.string(),
  /** The record's stage code in its pipeline, when it has one (the web names it). */
  stage: z.string().nullable(),
  /** A date that matters (deadline, due day), YYYY-MM-DD. */
  due: z.string().nullable(),
  isOverdue: z.boolean(),
  href: z.string(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const WorkGroup = z.object({
  kind: WorkKind,
  /** All rows of this kind (the list shows the first few). */
  total: z.number().int(),
  /** Where the whole list lives. */
  href: z.string(),
  items: z.array(WorkItem),
});
export type WorkGroup = z.infer<typeof WorkGroup>;

export const HomeWork = z.object({ groups: z.array(WorkGroup) });
export type HomeWork = z.infer<typeof HomeWork>;

export const GetHomeWorkRoute = defineRoute({
  method: 'GET',
  path: '/api/home/work',
  summary: '首页“待我处理”：按角色列出等待本人处理的事项',
  tags: ['home'],
  access: 'signed-in',
  response: HomeWork,
});
