import type { SupervisionRulesInput } from '@gaodi/contracts';
import type { Tx } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import type { NotificationMessage, Notifier } from '../../../platform/notifications/notifier.ts';
import { leadersOf } from '../supervision.queries.ts';
import { daysBetween } from '../supervision.rules.ts';
import { supervisionAgendaProposals, supervisionEscalations } from '../supervision.table.ts';
import type { AppliedLight } from './apply-lights.ts';

type Step = { level: 'owner' | 'lead' | 'leader'; recipients: string[]; title: string };

/** The rungs an item's light reaches: yellow → owner; red → lead (owner copied); red too long → leaders. */
async function stepsOf(
  s: AppliedLight,
  rules: SupervisionRulesInput,
  today: string,
  leaders: () => Promise<string[]>,
): Promise<Step[]> {
  const { item } = s;
  if (s.light === 'yellow')
    return [{ level: 'owner', recipients: [item.ownerId ?? ''], title: `黄灯提醒：${item.title}` }];
  const steps: Step[] = [
    { level: 'lead', recipients: [item.leadId ?? '', item.ownerId ?? ''], title: `红灯督办：${item.title}` },
  ];
  if (daysBetween(chinaDay(s.since), today) > rules.leaderEscalationRedDays)
    steps.push({
      level: 'leader',
      recipients: await leaders(),
      title: `红灯超过 ${rules.leaderEscalationRedDays} 天，提请领导关注：${item.title}`,
    });
  return steps;
}

/** Takes one rung once (unique per item, level and light episode): tells its people; the leaders' rung proposes a round-table. */
async function takeStep(
  tx: Tx,
  notifier: Notifier,
  s: AppliedLight,
  step: Step,
  now: Date,
): Promise<boolean> {
  const { item } = s;
  const period = s.since.toISOString();
  const why = s.reasons.map((r) => r.message).join('；');
  const recipients = [...new Set(step.recipients.filter((r) => r !== ''))];
  const inserted = await tx
    .insert(supervisionEscalations)
    .values({
      regionCode: item.regionCode,
      itemType: item.itemType,
      itemId: item.id,
      level: step.level,
      period,
      recipientIds: recipients,
      sentAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: supervisionEscalations.id });
  if (inserted.length === 0) return false;
  const messages: NotificationMessage[] = recipients.map((userId) => ({
    regionCode: item.regionCode,
    userId,
    kind: `supervision.${step.level}`,
    title: step.title,
    body: why,
    link: item.link,
  }));
  await notifier.send(tx, messages, now);
  if (step.level === 'leader')
    await tx
      .insert(supervisionAgendaProposals)
      .values({
        regionCode: item.regionCode,
        itemType: item.itemType,
        itemId: item.id,
        title: item.title,
        reason: why,
        period,
        proposedAt: now,
      })
      .onConflictDoNothing();
  return true;
}

/**
 * The escalation ladder for one region's lights: yellow → the owner; red → the task-force lead
 * (owner copied); red longer than the region's limit → its leaders, plus a round-table proposal.
 * The unique key (item, level, period = start of the light) makes each one happen once.
 */
export async function escalate(
  tx: Tx,
  notifier: Notifier,
  regionCode: string,
  state: Map<string, AppliedLight>,
  rules: SupervisionRulesInput,
  now: Date,
): Promise<number> {
  let sent = 0;
  const today = chinaDay(now);
  let leaders: Promise<string[]> | null = null;
  const leadersOnce = () => {
    leaders ??= leadersOf(tx, regionCode);
    return leaders;
  };
  for (const s of state.values()) {
    if (s.light !== 'yellow' && s.light !== 'red') continue;
    for (const step of await stepsOf(s, rules, today, leadersOnce))
      if (await takeStep(tx, notifier, s, step, now)) sent++;
  }
  return sent;
}
