import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../db/database.ts';

/**
 * Where each kind of audited object keeps its name and where it lives in the app. Names are read
 * by table name (platform/ never imports modules/); a kind not listed shows its code and id only.
 */
const TARGETS: Record<string, { from: string; name: string; href: (id: string) => string }> = {
  enterprise: { from: 'enterprises t', name: 't.name', href: (id) => `/enterprises/${id}` },
  institute: { from: 'institutes t', name: 't.name', href: (id) => `/institutes/${id}` },
  expert: { from: 'experts t', name: 't.name', href: (id) => `/experts/${id}` },
  need: { from: 'tech_needs t', name: 't.title', href: (id) => `/needs/${id}` },
  achievement: { from: 'achievements t', name: 't.title', href: () => '/achievements' },
  event: { from: 'matchmaking_events t', name: 't.title', href: (id) => `/events/${id}` },
  project: { from: 'cooperation_projects t', name: 't.title', href: (id) => `/projects/${id}` },
  recruitment: {
    from: 'recruitment_records t JOIN institutes i ON i.id = t.institute_id',
    name: 'i.name',
    href: (id) => `/recruitment/${id}`,
  },
  service_request: {
    from: 'service_requests t',
    name: "t.number || ' ' || t.title",
    href: (id) => `/concierge/${id}`,
  },
  platform: { from: 'platforms t', name: 't.name', href: (id) => `/platforms/${id}` },
  talent: { from: 'talents t', name: 't.name', href: (id) => `/talents/${id}` },
  incubatee: { from: 'incubatees t', name: 't.name', href: (id) => `/incubatees/${id}` },
  incubation_carrier: { from: 'incubation_carriers t', name: 't.name', href: (id) => `/carriers/${id}` },
  roundtable_meeting: { from: 'roundtable_meetings t', name: 't.title', href: (id) => `/roundtable/${id}` },
  roundtable_decision: {
    from: 'roundtable_decisions t',
    name: 't.content',
    href: () => '/roundtable/decisions',
  },
  roundtable_proposal: {
    from: 'supervision_agenda_proposals t',
    name: 't.title',
    href: () => '/supervision/proposals',
  },
  user: { from: 'users t', name: "t.display_name || '（' || t.username || '）'", href: () => '/users' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TargetRef = { targetType: string; targetId: string | null; regionCode: string };
export type TargetName = { name: string | null; href: string | null };

/**
 * The names of the objects of audit rows the caller already reads. Read on the owner connection
 * (an audit administrator may read no business table), limited to the ids of those rows, and
 * returning a name only.
 */
export async function resolveTargetNames(db: Database, refs: TargetRef[]): Promise<Map<string, TargetName>> {
  const out = new Map<string, TargetName>();
  const byType = new Map<string, string[]>();
  for (const r of refs) {
    if (!r.targetId || !UUID.test(r.targetId) || !TARGETS[r.targetType]) continue;
    byType.set(r.targetType, [...(byType.get(r.targetType) ?? []), r.targetId]);
  }
  for (const [type, ids] of byType) {
    const target = TARGETS[type];
    if (!target) continue;
    const list = sql.join(
      [...new Set(ids)].map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = rowsOf<{ id: string; name: string }>(
      await db.owner.execute(
        sql`SELECT t.id::text AS id, ${sql.raw(target.name)} AS name FROM ${sql.raw(target.from)} WHERE t.id IN (${list})`,
      ),
    );
    for (const row of rows) out.set(`${type}:${row.id}`, { name: row.name, href: target.href(row.id) });
  }
  return out;
}

/** The name and link of one row's object (or nulls). */
export function targetOf(names: Map<string, TargetName>, ref: TargetRef): TargetName {
  return names.get(`${ref.targetType}:${ref.targetId}`) ?? { name: null, href: null };
}
