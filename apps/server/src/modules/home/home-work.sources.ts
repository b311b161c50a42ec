import {
  can,
  decisionPipeline,
  needPipeline,
  projectPipeline,
  recruitmentPipeline,
  serviceRequestPipeline,
  type WorkKind,
} from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../platform/auth/context.ts';

/** What a source's SELECT returns: one row per item, `total` the count of all of them. */
export type WorkRow = {
  id: string;
  title: string;
  note: string | null;
  stage: string | null;
  due: string | null;
  href: string;
  total: number;
};

/** One kind of work: who has it (from the permission table and the user's own ties) and its rows. */
export type WorkSource = {
  kind: WorkKind;
  href: string;
  has: (user: SessionUser) => boolean;
  /** The SELECT of (id, title, note, stage, due, href), newest or most urgent first. */
  rows: (user: SessionUser, today: string) => SQL;
};

const within = (column: string, stages: readonly string[]) =>
  sql.raw(`${column} IN (${stages.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')})`);
const bureau = (u: SessionUser) => can(u.role, 'supervision', 'read');
const org = (u: SessionUser) => u.role === 'enterprise' || u.role === 'institute';

/** The item's name, whichever module supervises it. */
const ITEM_TITLE = sql.raw(`COALESCE(
  (SELECT i.name FROM recruitment_records r JOIN institutes i ON i.id = r.institute_id WHERE r.id = e.item_id),
  (SELECT p.title FROM cooperation_projects p WHERE p.id = e.item_id),
  (SELECT s.title FROM service_requests s WHERE s.id = e.item_id),
  (SELECT d.content FROM roundtable_decisions d WHERE d.id = e.item_id), '')`);
const ITEM_HREF = sql.raw(`CASE e.item_type WHEN 'recruitment' THEN '/recruitment/' || e.item_id
  WHEN 'project' THEN '/projects/' || e.item_id WHEN 'service_request' THEN '/concierge/' || e.item_id
  ELSE '/roundtable/decisions' END`);

export const WORK_SOURCES: WorkSource[] = [
  {
    kind: 'proposal',
    href: '/supervision/proposals',
    has: (u) => can(u.role, 'roundtable_proposal', 'update'),
    rows: () => sql`SELECT id, title, reason AS note, NULL AS stage, to_char(proposed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS due,
      '/supervision/proposals' AS href, count(*) OVER () AS total
      FROM supervision_agenda_proposals WHERE status = 'proposed' ORDER BY proposed_at`,
  },
  {
    kind: 'escalation',
    href: '/supervision/proposals',
    has: bureau,
    rows: (u, today) => sql`SELECT e.id, ${ITEM_TITLE} AS title, e.level AS note, NULL AS stage,
      to_char(e.sent_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS due, ${ITEM_HREF} AS href, count(*) OVER () AS total
      FROM supervision_escalations e
      WHERE ${u.id}::uuid = ANY(e.recipient_ids) AND e.sent_at >= ${today}::date - 30 ORDER BY e.sent_at DESC`,
  },
  {
    kind: 'decision',
    href: '/roundtable/decisions',
    has: (u) => can(u.role, 'roundtable', 'read'),
    rows: (
      u,
      today,
    ) => sql`SELECT id, content AS title, owner_department AS note, stage, deadline::text AS due,
      '/roundtable/decisions' AS href, count(*) OVER () AS total
      FROM roundtable_decisions WHERE ${within('stage', decisionPipeline.stagesIn('active'))}
      AND ${u.role === 'leader' ? sql`deadline <= ${today}::date + 14` : sql`owner_user_id = ${u.id}::uuid`}
      ORDER BY deadline`,
  },
  {
    kind: 'recruitment',
    href: '/recruitment/my-work',
    has: (u) => can(u.role, 'recruitment', 'update'),
    rows: (
      u,
    ) => sql`SELECT r.id, i.name AS title, r.cooperation_mode AS note, r.stage, r.next_date::text AS due,
      '/recruitment/' || r.id AS href, count(*) OVER () AS total
      FROM recruitment_records r JOIN institutes i ON i.id = r.institute_id
      WHERE ${within('r.stage', recruitmentPipeline.stagesIn('active'))}
      AND (r.owner_id = ${u.id}::uuid OR r.task_force_lead_id = ${u.id}::uuid OR ${u.id}::uuid = ANY(r.task_force_member_ids))
      ORDER BY r.next_date NULLS LAST`,
  },
  {
    kind: 'service_request',
    href: '/concierge',
    has: (u) => can(u.role, 'service_request', 'read') && u.role !== 'leader' && u.role !== 'staff',
    rows: (u) => sql`SELECT id, title, number AS note, stage, resolve_due_on::text AS due,
      '/concierge/' || id AS href, count(*) OVER () AS total
      FROM service_requests WHERE ${within('stage', serviceRequestPipeline.stagesIn('active'))}
      AND ${
        org(u)
          ? sql`true`
          : u.role === 'taskforce_lead'
            ? sql`(helper_id IS NULL OR helper_id = ${u.id}::uuid)`
            : sql`helper_id = ${u.id}::uuid`
      }
      ORDER BY resolve_due_on NULLS LAST, created_at DESC`,
  },
  {
    kind: 'need',
    href: '/needs',
    has: (u) => u.role === 'enterprise' || (bureau(u) && can(u.role, 'need', 'update')),
    rows: (u) => sql`SELECT n.id, n.title, e.name AS note, n.stage, n.deadline::text AS due,
      '/needs/' || n.id AS href, count(*) OVER () AS total
      FROM tech_needs n JOIN enterprises e ON e.id = n.enterprise_id
      WHERE n.deleted_at IS NULL AND ${
        u.role === 'enterprise'
          ? within('n.stage', needPipeline.stagesIn('active'))
          : sql`n.stage = 'collected'`
      }
      ORDER BY n.created_at DESC`,
  },
  {
    kind: 'open_need',
    href: '/needs',
    has: (u) => u.role === 'institute',
    rows: () => sql`SELECT n.id, n.title, e.name AS note, n.stage, n.deadline::text AS due,
      '/needs/' || n.id AS href, count(*) OVER () AS total
      FROM tech_needs n JOIN enterprises e ON e.id = n.enterprise_id
      WHERE n.deleted_at IS NULL AND n.stage IN ('published', 'matching') ORDER BY n.created_at DESC`,
  },
  {
    kind: 'project',
    href: '/projects',
    has: (u) => org(u) || u.role === 'helper',
    rows: (u) => sql`SELECT p.id, p.title, p.contract_no AS note, p.stage, p.next_date::text AS due,
      '/projects/' || p.id AS href, count(*) OVER () AS total
      FROM cooperation_projects p WHERE ${within('p.stage', projectPipeline.stagesIn('active'))}
      AND ${
        org(u)
          ? sql`true`
          : sql`EXISTS (SELECT 1 FROM project_helper_assignments a WHERE a.project_id = p.id
              AND a.helper_id = ${u.id}::uuid AND a.ended_at IS NULL)`
      }
      ORDER BY p.next_date NULLS LAST, p.updated_at DESC`,
  },
  {
    kind: 'account_request',
    href: '/users',
    has: (u) => u.role === 'sysadmin' || u.role === 'secadmin',
    rows: (
      u,
    ) => sql`SELECT id, target_username AS title, action || ' · ' || requested_by_name AS note, NULL AS stage,
      to_char(requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS due, '/users' AS href, count(*) OVER () AS total
      FROM account_requests WHERE status = 'pending'
      AND (approver_role = ${u.role} OR requested_by = ${u.id}::uuid) ORDER BY requested_at`,
  },
  {
    kind: 'audit_denial',
    href: '/audit?result=denied',
    has: (u) => can(u.role, 'audit', 'read'),
    rows: (
      _u,
      today,
    ) => sql`SELECT id::text AS id, actor_name || ' · ' || action AS title, target_type AS note, NULL AS stage,
      to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS due, '/audit?result=denied' AS href, count(*) OVER () AS total
      FROM audit_log WHERE result = 'denied' AND at >= ${today}::date - 7 ORDER BY id DESC`,
  },
];
