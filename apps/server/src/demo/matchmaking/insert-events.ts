import {
  eventItems,
  eventParticipants,
  matchmakingEvents,
  needPairings,
  recommendationRejections,
} from '../../modules/matchmaking/index.ts';
import { JX } from './directory.data.ts';
import { type DemoEvent, EVENTS, PAIRINGS, REJECTIONS } from './events.data.ts';
import type { MatchmakingDemoContext } from './insert-directory.ts';

/** Ids by title of what the events present and pair. */
export type DemoOfferIds = { needId: Map<string, string>; achievementId: Map<string, string> };

/** A need's pairing: its id and the event it was made at. */
export type DemoPairing = { id: string; eventId: string | null };

/** The year's events with their invitations, sign-ins and presented items; returns ids by title. */
export async function insertDemoEvents(
  c: MatchmakingDemoContext,
  offers: DemoOfferIds,
): Promise<Map<string, string>> {
  const eventId = new Map<string, string>();
  let tokenSerial = 0;
  for (const e of EVENTS) {
    const [row] = await c.tx
      .insert(matchmakingEvents)
      .values({
        regionCode: JX,
        title: c.cal.relabel(e.title),
        kind: e.kind,
        heldOn: c.cal.day(e.on),
        place: e.place,
        isOnline: e.isOnline ?? false,
        organiser: e.organiser,
        summary: '',
        // Demo tokens are fixed so the printed QR codes stay valid across restarts of the demo.
        checkinToken: `demo-checkin-${c.cal.year}-${String(++tokenSerial).padStart(2, '0')}-jinxiang`,
        createdAt: c.at(e.on, 8),
        updatedAt: c.at(e.on, 8),
        createdBy: c.staff,
      })
      .returning({ id: matchmakingEvents.id });
    if (!row) continue;
    eventId.set(e.title, row.id);
    const participants = participantsOf(c, e, row.id);
    if (participants.length) await c.tx.insert(eventParticipants).values(participants);
    const items = [
      ...(e.needs ?? []).flatMap((t) => {
        const needId = offers.needId.get(t);
        return needId ? [{ regionCode: JX, eventId: row.id, needId }] : [];
      }),
      ...(e.achievements ?? []).flatMap((t) => {
        const achievementId = offers.achievementId.get(t);
        return achievementId ? [{ regionCode: JX, eventId: row.id, achievementId }] : [];
      }),
    ];
    if (items.length) await c.tx.insert(eventItems).values(items);
  }
  return eventId;
}

/** The invited organisations, signed in at nine unless they stayed away. */
function participantsOf(c: MatchmakingDemoContext, e: DemoEvent, eventId: string) {
  return e.invited.flatMap((name) => {
    const enterpriseId = c.ids.enterprise.get(name) ?? null;
    const instituteId = enterpriseId ? null : (c.ids.institute.get(name) ?? null);
    if (!enterpriseId && !instituteId) return [];
    const absent = e.absent?.includes(name);
    return [
      {
        regionCode: JX,
        eventId,
        partyKind: enterpriseId ? 'enterprise' : 'institute',
        enterpriseId,
        instituteId,
        orgName: name,
        isInvited: true,
        attendedAt: absent ? null : c.at(e.on, 9),
        attendeeName: absent ? '' : '现场签到',
      },
    ];
  });
}

/** Pairings made at the events (or from recommendations); returns them by need title. */
export async function insertDemoPairings(
  c: MatchmakingDemoContext,
  offers: DemoOfferIds,
  eventId: Map<string, string>,
): Promise<Map<string, DemoPairing>> {
  const pairingId = new Map<string, DemoPairing>();
  for (const p of PAIRINGS) {
    const need = offers.needId.get(p.need);
    const instituteId = c.ids.institute.get(p.institute);
    if (!need || !instituteId) continue;
    const event = p.event ? (eventId.get(p.event) ?? null) : null;
    const heldOn = EVENTS.find((e) => e.title === p.event)?.on ?? '2026-06-01';
    const [row] = await c.tx
      .insert(needPairings)
      .values({
        regionCode: JX,
        needId: need,
        instituteId,
        achievementId: p.achievement ? (offers.achievementId.get(p.achievement) ?? null) : null,
        source: event ? 'event' : 'recommendation',
        eventId: event,
        outcome: p.outcome,
        createdAt: c.at(heldOn, 11),
        createdBy: c.staff,
      })
      .returning({ id: needPairings.id });
    if (row) pairingId.set(p.need, { id: row.id, eventId: event });
  }
  return pairingId;
}

/** Recommendations the bureau turned down, with the reasons reported per institute. */
export async function insertDemoRejections(
  c: MatchmakingDemoContext,
  needId: Map<string, string>,
): Promise<void> {
  for (const r of REJECTIONS) {
    const need = needId.get(r.need);
    const instituteId = c.ids.institute.get(r.institute);
    if (!need || !instituteId) continue;
    await c.tx.insert(recommendationRejections).values({
      regionCode: JX,
      needId: need,
      instituteId,
      reason: r.reason,
      note: r.note,
      createdAt: c.at('2026-08-20', 10),
      createdBy: c.staff,
    });
  }
}
