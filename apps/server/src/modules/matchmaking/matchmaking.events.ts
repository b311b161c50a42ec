import { randomBytes } from 'node:crypto';
import type {
  CheckinInfo,
  CheckinInput,
  EventInput,
  EventKind,
  EventListQuery,
  EventParticipant,
  EventProject,
  EventSummary,
  MatchmakingEvent,
  MatchmakingSummary,
} from '@gaodi/contracts';
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit, recordUserAction } from '../../platform/audit/audit.ts';
import { anonymousScope, type RequestContext, type UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { enterprises, institutes } from '../directory/index.ts';
import type { RecommendationService } from './matchmaking.recommend.ts';
import {
  achievements,
  eventItems,
  eventParticipants,
  matchmakingEvents,
  needPairings,
  techNeeds,
} from './matchmaking.table.ts';
import { rowsOf } from './sql-rows.ts';

type EventIn = z.output<typeof EventInput>;

/** Projects attributed to an event: recorded with it as their source, or signed from one of its pairings. */
const eventProjectsSql = (eventIds: SQL) => sql`
  SELECT DISTINCT ON (p.id) p.id, p.title, p.stage, p.signed_on::text AS signed_on, p.landed_on::text AS landed_on,
         p.amount_fen, coalesce(p.source_event_id, np.event_id) AS event_id
  FROM cooperation_projects p
  LEFT JOIN need_pairings np ON np.id = p.source_pairing_id
  WHERE p.source_event_id IN (${eventIds}) OR np.event_id IN (${eventIds})`;

const SIGNED = new Set(['signed', 'in_progress', 'accepted', 'landed']);

/** 对接活动: participants, presented items, sign-in, pairings made there and what they led to. */
export function createEventService({
  db,
  clock,
  recommendations,
}: {
  db: Database;
  clock: Clock;
  recommendations: RecommendationService;
}) {
  const audit = (tx: Tx, ctx: UserContext, action: string, targetId: string, detail?: unknown) =>
    recordUserAction(tx, ctx, clock.now(), { action, targetType: 'event', targetId, detail });

  async function projectsOf(tx: Tx, eventIds: string[]) {
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

  function summaryColumns() {
    return {
      e: matchmakingEvents,
      invited: sql<number>`(SELECT count(*)::int FROM event_participants x WHERE x.event_id = matchmaking_events.id AND x.is_invited)`,
      attended: sql<number>`(SELECT count(*)::int FROM event_participants x WHERE x.event_id = matchmaking_events.id AND x.attended_at IS NOT NULL)`,
      pairings: sql<number>`(SELECT count(*)::int FROM need_pairings x WHERE x.event_id = matchmaking_events.id)`,
    };
  }

  function toSummary(
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
      pairings: r.pairings,
      projectsSigned: own.filter((p) => SIGNED.has(p.stage)).length,
      projectsLanded: own.filter((p) => p.stage === 'landed').length,
    };
  }

  const yearWhere = (year: number | undefined) =>
    year
      ? and(gte(matchmakingEvents.heldOn, `${year}-01-01`), lt(matchmakingEvents.heldOn, `${year + 1}-01-01`))
      : undefined;

  const listEvents = (ctx: UserContext, query: z.output<typeof EventListQuery>) =>
    db.transaction(ctx.scope, async (tx) => {
      const where = and(
        isNull(matchmakingEvents.deletedAt),
        yearWhere(query.year),
        query.kind ? eq(matchmakingEvents.kind, query.kind) : undefined,
      );
      const rows = await tx
        .select(summaryColumns())
        .from(matchmakingEvents)
        .where(where)
        .orderBy(desc(matchmakingEvents.heldOn), desc(matchmakingEvents.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(matchmakingEvents).where(where);
      const projects = await projectsOf(
        tx,
        rows.map((r) => r.e.id),
      );
      return {
        items: rows.map((r) => toSummary(r, projects)),
        total: count?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    });

  async function getEventIn(tx: Tx, ctx: UserContext, id: string): Promise<MatchmakingEvent> {
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
      ...toSummary(row, projects),
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
      pairingList: await recommendations.listPairingsIn(tx, eq(needPairings.eventId, id)),
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
  const getEvent = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, (tx) => getEventIn(tx, ctx, id));

  /** Invited organisations and presented items follow the input: added, or removed unless they attended. */
  async function syncLinks(tx: Tx, ctx: UserContext, eventId: string, regionCode: string, input: EventIn) {
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
    const existing = await tx.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId));
    const wanted = new Map<
      string,
      { partyKind: string; enterpriseId: string | null; instituteId: string | null }
    >();
    for (const e of enterpriseRows)
      wanted.set(e.name, { partyKind: 'enterprise', enterpriseId: e.id, instituteId: null });
    for (const i of instituteRows)
      wanted.set(i.name, { partyKind: 'institute', enterpriseId: null, instituteId: i.id });
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

  const eventValues = (input: EventIn) => ({
    title: input.title,
    kind: input.kind,
    heldOn: input.heldOn,
    place: input.place,
    isOnline: input.isOnline,
    organiser: input.organiser,
    summary: input.summary,
  });

  const createEvent = (ctx: UserContext, input: EventIn) =>
    db.transaction(ctx.scope, async (tx) => {
      const now = clock.now();
      const regionCode = ctx.user.activeRegionCode;
      const [row] = await tx
        .insert(matchmakingEvents)
        .values({
          ...eventValues(input),
          regionCode,
          checkinToken: randomBytes(18).toString('base64url'),
          createdAt: now,
          updatedAt: now,
          createdBy: ctx.user.id,
        })
        .returning({ id: matchmakingEvents.id });
      if (!row) throw new Error('insert returned nothing');
      await syncLinks(tx, ctx, row.id, regionCode, input);
      await audit(tx, ctx, 'create', row.id);
      return getEventIn(tx, ctx, row.id);
    });

  const updateEvent = (ctx: UserContext, id: string, input: EventIn) =>
    db.transaction(ctx.scope, async (tx) => {
      const [row] = await tx
        .select({ regionCode: matchmakingEvents.regionCode })
        .from(matchmakingEvents)
        .where(and(eq(matchmakingEvents.id, id), isNull(matchmakingEvents.deletedAt)))
        .for('update');
      if (!row) throw notFound(ctx.lang);
      await tx
        .update(matchmakingEvents)
        .set({ ...eventValues(input), updatedAt: clock.now() })
        .where(eq(matchmakingEvents.id, id));
      await syncLinks(tx, ctx, id, row.regionCode, input);
      await audit(tx, ctx, 'update', id);
      return getEventIn(tx, ctx, id);
    });

  const deleteEvent = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, async (tx) => {
      const event = await getEventIn(tx, ctx, id);
      await tx
        .update(matchmakingEvents)
        .set({ deletedAt: clock.now(), updatedAt: clock.now() })
        .where(eq(matchmakingEvents.id, id));
      await audit(tx, ctx, 'delete', id);
      return event;
    });

  /** Staff tick attendance by hand (people without a phone at the door). */
  const setAttendance = (ctx: UserContext, eventId: string, participantId: string, attended: boolean) =>
    db.transaction(ctx.scope, async (tx) => {
      const [p] = await tx
        .select({ id: eventParticipants.id })
        .from(eventParticipants)
        .where(and(eq(eventParticipants.id, participantId), eq(eventParticipants.eventId, eventId)));
      if (!p) throw notFound(ctx.lang);
      await tx
        .update(eventParticipants)
        .set({ attendedAt: attended ? clock.now() : null })
        .where(eq(eventParticipants.id, participantId));
      await audit(tx, ctx, 'attendance', eventId, { participantId, attended });
      return getEventIn(tx, ctx, eventId);
    });

  // ---- QR sign-in: no session, the token is the credential --------------------------------------

  async function checkinInfo(lang: RequestContext['lang'], token: string): Promise<CheckinInfo> {
    return db.transaction(anonymousScope, async (tx) => {
      const [row] = rowsOf<{
        title: string;
        held_on: string;
        place: string;
        is_online: boolean;
        organiser: string;
        invited: string[];
      }>(
        await tx.execute(
          sql`SELECT title, held_on::text, place, is_online, organiser, invited FROM gaodi_event_checkin_info(${token})`,
        ),
      );
      if (!row) throw notFound(lang);
      return {
        title: row.title,
        heldOn: row.held_on,
        place: row.place,
        isOnline: row.is_online,
        organiser: row.organiser,
        organisations: row.invited,
      };
    });
  }

  async function checkin(ctx: RequestContext, token: string, input: z.output<typeof CheckinInput>) {
    return db.transaction(anonymousScope, async (tx) => {
      const now = clock.now();
      const [row] = rowsOf<{ event_id: string; region_code: string; participant_id: string }>(
        await tx.execute(
          sql`SELECT * FROM gaodi_event_checkin(${token}, ${input.orgName}, ${input.attendeeName}, ${now.toISOString()}::timestamptz)`,
        ),
      );
      if (!row) throw notFound(ctx.lang);
      await recordAudit(tx, {
        regionCode: row.region_code,
        at: now,
        actorId: null,
        actorName: input.attendeeName,
        action: 'checkin',
        targetType: 'event',
        targetId: row.event_id,
        result: 'ok',
        clientAddress: ctx.clientAddress,
        detail: { orgName: input.orgName, participantId: row.participant_id },
      });
      return { ok: true as const, orgName: input.orgName };
    });
  }

  /** The year's matchmaking figures, computed from records. */
  const summary = (ctx: UserContext, year: number): Promise<MatchmakingSummary> =>
    db.transaction(ctx.scope, async (tx) => {
      const from = `${year}-01-01`;
      const to = `${year + 1}-01-01`;
      const [events] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(matchmakingEvents)
        .where(and(isNull(matchmakingEvents.deletedAt), yearWhere(year)));
      const [needs] = rowsOf<{ total: number; published: number }>(
        await tx.execute(sql`
          SELECT count(*)::int AS total,
                 count(*) FILTER (WHERE stage IN ('published', 'matching', 'contracted'))::int AS published
          FROM tech_needs WHERE deleted_at IS NULL AND created_at >= ${from}::date AND created_at < ${to}::date`),
      );
      const [achievementCount] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(achievements)
        .where(isNull(achievements.deletedAt));
      const [pairings] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(needPairings)
        .where(sql`${needPairings.createdAt} >= ${from}::date AND ${needPairings.createdAt} < ${to}::date`);
      return {
        year,
        events: events?.n ?? 0,
        needs: needs?.total ?? 0,
        publishedNeeds: needs?.published ?? 0,
        achievements: achievementCount?.n ?? 0,
        pairings: pairings?.n ?? 0,
      };
    });

  return {
    listEvents,
    getEvent,
    getEventIn,
    createEvent,
    updateEvent,
    deleteEvent,
    setAttendance,
    checkinInfo,
    checkin,
    summary,
  };
}

export type EventService = ReturnType<typeof createEventService>;
