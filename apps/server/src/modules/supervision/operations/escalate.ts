import type { SupervisionRulesInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import type { NotificationMessage, Notifier } from '../../../platform/notifications/notifier.ts';
import { leadersOf } from '../supervision.queries.ts';
import { daysBetween } from '../supervision.rules.ts';
import type { AppliedLight } from './apply-lights.ts';

type Level = 'owner' | 'lead' | 'leader';
type Step = { s: AppliedLight; level: Level; recipients: string[]; title: string; period: string };

/** Rows per statement: each chunk is one JSON parameter. */
const CHUNK = 5000;

/** The rungs an item's light reaches: yellow → owner; red → lead (owner copied); red too long → leaders. */
function stepsOf(s: AppliedLight, rules: SupervisionRulesInput, today: string, leaders: string[]): Step[] {
  const { item } = s;
  const period = s.since.toISOString();
  const step = (level: Level, recipients: (string | null)[], title: string): Step => ({
    s,
    level,
    period,
    title,
    recipients: [...new Set(recipients.filter((r): r is string => !!r))],
  });
  if (s.light === 'yellow') return [step('owner', [item.ownerId], `黄灯提醒：${item.title}`)];
  if (s.light !== 'red') return [];
  const steps = [step('lead', [item.leadId, item.ownerId], `红灯督办：${item.title}`)];
  if (daysBetween(chinaDay(s.since), today) > rules.leaderEscalationRedDays)
    steps.push(
      step('leader', leaders, `红灯超过 ${rules.leaderEscalationRedDays} 天，提请领导关注：${item.title}`),
    );
  return steps;
}

/**
 * Records the steps not taken before, one statement per chunk (the rows travel as one JSON
 * parameter); the unique key (item, level, period) skips the rest, so only the steps returned here
 * are new.
 */
async function recordNew(tx: Tx, steps: Step[], now: Date): Promise<Step[]> {
  const fresh: Step[] = [];
  const byKey = new Map(steps.map((st) => [`${st.s.item.id}|${st.level}|${st.period}`, st]));
  for (let i = 0; i < steps.length; i += CHUNK) {
    const rows = steps.slice(i, i + CHUNK).map((st) => ({
      region_code: st.s.item.regionCode,
      item_type: st.s.item.itemType,
      item_id: st.s.item.id,
      level: st.level,
      period: st.period,
      recipient_ids: st.recipients,
    }));
    const inserted = rowsOf<{ item_id: string; level: string; period: string }>(
      await tx.execute(sql`INSERT INTO supervision_escalations (region_code, item_type, item_id, level, period,
          recipient_ids, sent_at)
        SELECT x.region_code, x.item_type, x.item_id, x.level, x.period, x.recipient_ids, ${now.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS x(region_code text, item_type text, item_id uuid, level text, period text, recipient_ids uuid[])
        ON CONFLICT DO NOTHING RETURNING item_id, level, period`),
    );
    for (const r of inserted) {
      const st = byKey.get(`${r.item_id}|${r.level}|${r.period}`);
      if (st) fresh.push(st);
    }
  }
  return fresh;
}

/** Tells each new step's people and proposes the leaders' rung for a round-table. */
async function tellAndPropose(tx: Tx, notifier: Notifier, fresh: Step[], now: Date) {
  const why = (st: Step) => st.s.reasons.map((r) => r.message).join('；');
  const messages: NotificationMessage[] = fresh.flatMap((st) =>
    st.recipients.map((userId) => ({
      regionCode: st.s.item.regionCode,
      userId,
      kind: `supervision.${st.level}`,
      title: st.title,
      body: why(st),
      link: st.s.item.link,
    })),
  );
  await notifier.send(tx, messages, now);
  const proposals = fresh
    .filter((st) => st.level === 'leader')
    .map((st) => ({
      region_code: st.s.item.regionCode,
      item_type: st.s.item.itemType,
      item_id: st.s.item.id,
      title: st.s.item.title,
      reason: why(st),
      period: st.period,
    }));
  for (let i = 0; i < proposals.length; i += CHUNK)
    await tx.execute(sql`INSERT INTO supervision_agenda_proposals (region_code, item_type, item_id, title, reason,
        period, proposed_at)
      SELECT x.region_code, x.item_type, x.item_id, x.title, x.reason, x.period, ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(proposals.slice(i, i + CHUNK))}::jsonb)
        AS x(region_code text, item_type text, item_id uuid, title text, reason text, period text)
      ON CONFLICT DO NOTHING`);
}

/**
 * The escalation ladder for one region's lights: yellow → the owner; red → the task-force lead
 * (owner copied); red longer than the region's limit → its leaders, plus a round-table proposal.
 * The unique key (item, level, period = start of the light) makes each one happen once. Set-based:
 * a run over tens of thousands of items is a few dozen statements, not one round trip per rung.
 */
export async function escalate(
  tx: Tx,
  notifier: Notifier,
  regionCode: string,
  state: Map<string, AppliedLight>,
  rules: SupervisionRulesInput,
  now: Date,
): Promise<number> {
  const today = chinaDay(now);
  const lit = [...state.values()].filter((s) => s.light === 'yellow' || s.light === 'red');
  if (lit.length === 0) return 0;
  const needsLeaders = lit.some(
    (s) => s.light === 'red' && daysBetween(chinaDay(s.since), today) > rules.leaderEscalationRedDays,
  );
  const leaders = needsLeaders ? await leadersOf(tx, regionCode) : [];
  const steps = lit.flatMap((s) => stepsOf(s, rules, today, leaders));
  const fresh = await recordNew(tx, steps, now);
  await tellAndPropose(tx, notifier, fresh, now);
  return fresh.length;
}
