import type {
  EventInput,
  EventKind,
  EventParticipant,
  EventProject,
  EventSummary,
  MatchmakingEvent,
} from '@gaodi/contracts';
import { and, asc, eq, gte, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { enterprises, institutes } from '../directory/index.ts';
import { pairingCountFor } from './matchmaking.checks.ts';
import {
  achievements,
  eventItems,
  eventParticipants,
  matchmakingEvents,
  needPairings,
  techNeeds,
} from './matchmaking.table.ts';
import { readPairings } from './pairings.queries.ts';
import { rowsOf } from './sql-rows.ts';

export type EventIn = z.output<typeof EventInput>;

/** Projects attributed to an event: recorded with it as their source, or signed from one of its pairings. */
const eventProjectsSql = (eventIds: SQL) => sql`
  SELECT DISTINCT ON (p.id) p.id, p.title, p.stage, p.signed_on::text AS signed_on, p.landed_on::text AS landed_on,
         p.amount_fen, coalesce(p.source_event_id, np.event_id) AS event_id
  FROM cooperation_projects p
  LEFT JOIN need_pairings np ON np.id = p.source_pairing_id
  WHERE p.source_event_id IN (${eventIds}) OR np.event_id IN (${eventIds})`;

const SIGNED = new Set(['signed', 'in_progress', 'accepted', 'landed']);

export async function projectsOf(tx: Tx, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return rowsOf<{
    id: string;
    title: string;
    stage: string;
    signed_on: string | null;
    landed_on: string | null;
    amount_fen: string | number;
    event_id: string;
  }>(
    await tx.execute(
      eventProjectsSql(
        sql.join(
          eventIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        ),
      ),
    ),
  );
}

export function summaryColumns() {
  return {
    e: matchmakingEvents,
    invited: sql<number>`(SELECT count(*)::int FROM event_participants x WHERE x.event_id = matchmaking_events.id AND x.is_invited)`,
    attended: sql<number>`(SELECT count(*)::int FROM event_participants x WHERE x.event_id = matchmaking_events.id AND x.attended_at IS NOT NULL)`,
    pairings: sql<number>`(SELECT count(*)::int FROM need_pairings x WHERE x.event_id = matchmaking_events.id)`,
  };
}

export function toSummary(
  ctx: UserContext,
  r: { e: typeof matchmakingEvents.$inferSelect; invited: number; attended: number; pairings: number },
  projects: { stage: string; event_id: string }[],
): EventSummary {
  const own = projects.filter((p) => p.event_id === r.e.id);
  return {
    id: r.e.id,
    regionCode: r.e.regionCode,
    title: r.e.title,
    kind: r.e.kind as EventKind,
    heldOn: r.e.heldOn,
    place: r.e.place,
    isOnline: r.e.isOnline,
    organiser: r.e.organiser,
    invited: r.invited,
    attended: r.attended,
    pairings: pairingCountFor(ctx, r.pairings),
    projectsSigned: own.filter((p) => SIGNED.has(p.stage)).length,
    projectsLanded: own.filter((p) => p.stage === 'landed').length,
  };
}

export const yearWhere = (year: number | undefined) =>
  year
    ? and(gte(matchmakingEvents.heldOn, `${year}-01-01`), lt(matchmakingEvents.heldOn, `${year + 1}-01-01`))
    : undefined;

export async function readEvent(tx: Tx, ctx: UserContext, id: string): Promise<MatchmakingEvent> {
  const [row] = await tx
    .select(summaryColumns())
    .from(matchmakingEvents)
    .where(and(eq(matchmakingEvents.id, id), isNull(matchmakingEvents.deletedAt)));
  if (!row) throw notFound(ctx.lang);
  const participants = await tx
    .select()
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, id))
    .orderBy(asc(eventParticipants.partyKind), asc(eventParticipants.orgName));
  const needs = await tx
    .select({ id: techNeeds.id, title: techNeeds.title, enterpriseName: enterprises.name })
    .from(eventItems)
    .innerJoin(techNeeds, eq(techNeeds.id, eventItems.needId))
    .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
    .where(eq(eventItems.eventId, id));
  const presented = await tx
    .select({ id: achievements.id, title: achievements.title, instituteName: institutes.name })
    .from(eventItems)
    .innerJoin(achievements, eq(achievements.id, eventItems.achievementId))
    .leftJoin(institutes, eq(institutes.id, achievements.instituteId))
    .where(eq(eventItems.eventId, id));
  const projects = await projectsOf(tx, [id]);
  return {
    ...toSummary(ctx, row, projects),
    summary: row.e.summary,
    checkinPath: `/checkin/${row.e.checkinToken}`,
    participants: participants.map(
      (p): EventParticipant => ({
        id: p.id,
        partyKind: p.partyKind as EventParticipant['partyKind'],
        enterpriseId: p.enterpriseId,
        instituteId: p.instituteId,
        orgName: p.orgName,
        isInvited: p.isInvited,
        attendedAt: p.attendedAt?.toISOString() ?? null,
        attendeeName: p.attendeeName,
      }),
    ),
    needs: needs.map((n) => ({ ...n, enterpriseName: n.enterpriseName ?? '' })),
    achievements: presented.map((a) => ({ ...a, instituteName: a.instituteName ?? '' })),
    pairingList: await readPairings(tx, eq(needPairings.eventId, id)),
    projects: projects.map(
      (p): EventProject => ({
        id: p.id,
        title: p.title,
        stage: p.stage,
        signedOn: p.signed_on,
        landedOn: p.landed_on,
        amountFen: Number(p.amount_fen),
      }),
    ),
  };
}
export const eventValues = (input: EventIn) => ({
  title: input.title,
  kind: input.kind,
  heldOn: input.heldOn,
  place: input.place,
  isOnline: input.isOnline,
  organiser: input.organiser,
  summary: input.summary,
});
