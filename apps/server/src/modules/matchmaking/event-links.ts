import { eq, inArray } from 'drizzle-orm';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { enterprises, institutes } from '../directory/index.ts';
import type { EventIn } from './events.queries.ts';
import { achievements, eventItems, eventParticipants, techNeeds } from './matchmaking.table.ts';

type Wanted = Map<string, { partyKind: string; enterpriseId: string | null; instituteId: string | null }>;

/** Invited organisations and presented items follow the input: added, or removed unless they attended. */
export async function syncEventLinks(
  tx: Tx,
  ctx: UserContext,
  eventId: string,
  regionCode: string,
  input: EventIn,
) {
  await syncParticipants(tx, eventId, regionCode, await invitedOf(tx, ctx, input));
  await syncItems(tx, ctx, eventId, regionCode, input);
}

/** The invited organisations by name, each visible to the caller. */
async function invitedOf(tx: Tx, ctx: UserContext, input: EventIn): Promise<Wanted> {
  const enterpriseRows = input.invitedEnterpriseIds.length
    ? await tx
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.id, input.invitedEnterpriseIds))
    : [];
  if (enterpriseRows.length !== new Set(input.invitedEnterpriseIds).size)
    throw invalid([{ path: 'invitedEnterpriseIds', message: '有企业不存在或不在本区域' }], ctx.lang);
  const instituteRows = input.invitedInstituteIds.length
    ? await tx
        .select({ id: institutes.id, name: institutes.name })
        .from(institutes)
        .where(inArray(institutes.id, input.invitedInstituteIds))
    : [];
  if (instituteRows.length !== new Set(input.invitedInstituteIds).size)
    throw invalid([{ path: 'invitedInstituteIds', message: '有院所不存在或不在本区域' }], ctx.lang);
  const wanted: Wanted = new Map();
  for (const e of enterpriseRows)
    wanted.set(e.name, { partyKind: 'enterprise', enterpriseId: e.id, instituteId: null });
  for (const i of instituteRows)
    wanted.set(i.name, { partyKind: 'institute', enterpriseId: null, instituteId: i.id });
  return wanted;
}

async function syncParticipants(tx: Tx, eventId: string, regionCode: string, wanted: Wanted) {
  const existing = await tx.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId));
  for (const p of existing) {
    if (wanted.has(p.orgName)) {
      if (!p.isInvited)
        await tx.update(eventParticipants).set({ isInvited: true }).where(eq(eventParticipants.id, p.id));
      wanted.delete(p.orgName);
    } else if (p.isInvited && !p.attendedAt) {
      await tx.delete(eventParticipants).where(eq(eventParticipants.id, p.id));
    } else if (p.isInvited) {
      await tx.update(eventParticipants).set({ isInvited: false }).where(eq(eventParticipants.id, p.id));
    }
  }
  if (wanted.size)
    await tx
      .insert(eventParticipants)
      .values([...wanted].map(([orgName, w]) => ({ ...w, orgName, regionCode, eventId, isInvited: true })));
}

/** The needs and achievements presented at the event: each must exist (and be visible). */
async function syncItems(tx: Tx, ctx: UserContext, eventId: string, regionCode: string, input: EventIn) {
  if (input.needIds.length) {
    const found = await tx
      .select({ id: techNeeds.id })
      .from(techNeeds)
      .where(inArray(techNeeds.id, input.needIds));
    if (found.length !== new Set(input.needIds).size)
      throw invalid([{ path: 'needIds', message: '有需求不存在' }], ctx.lang);
  }
  if (input.achievementIds.length) {
    const found = await tx
      .select({ id: achievements.id })
      .from(achievements)
      .where(inArray(achievements.id, input.achievementIds));
    if (found.length !== new Set(input.achievementIds).size)
      throw invalid([{ path: 'achievementIds', message: '有成果不存在' }], ctx.lang);
  }
  await tx.delete(eventItems).where(eq(eventItems.eventId, eventId));
  const items = [
    ...[...new Set(input.needIds)].map((needId) => ({ regionCode, eventId, needId })),
    ...[...new Set(input.achievementIds)].map((achievementId) => ({ regionCode, eventId, achievementId })),
  ];
  if (items.length) await tx.insert(eventItems).values(items);
}
