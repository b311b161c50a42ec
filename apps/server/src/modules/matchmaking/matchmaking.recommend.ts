import type {
  InstituteNeedRecommendations,
  MatchedTerm,
  NeedRecommendations,
  NeedStage,
  Pairing,
  PairingInput,
  PairingListQuery,
  PairingOutcome,
  PairingUpdateInput,
  RecommendationQuery,
  RecommendedAchievement,
  RecommendedExpert,
  RejectInput,
  RejectionReport,
} from '@gaodi/contracts';
import type { SearchFilters, TermMatch } from '@gaodi/matching';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { enterprises, experts, institutes } from '../directory/index.ts';
import { type MatchIndex, matchTags, needQueryText } from './match-index.ts';
import type { MatchmakingService } from './matchmaking.service.ts';
import {
  achievements,
  matchmakingEvents,
  needPairings,
  recommendationRejections,
  techNeeds,
} from './matchmaking.table.ts';

type RecQuery = z.output<typeof RecommendationQuery>;

const idOf = (docId: string) => docId.slice(docId.indexOf(':') + 1);
const toTerms = (matches: readonly TermMatch[] | undefined): MatchedTerm[] =>
  (matches ?? []).map((m) => ({ term: m.term, fields: m.fields, score: m.score }));

/**
 * Recommendations from the server's index, pairings and rejections. The index answers with ids;
 * every id is read back through the user's transaction, so row-level security decides what is
 * shown, never the index.
 */
export function createRecommendationService({
  db,
  clock,
  index,
  matchmaking,
}: {
  db: Database;
  clock: Clock;
  index: MatchIndex;
  matchmaking: MatchmakingService;
}) {
  const audit = (
    tx: Tx,
    ctx: UserContext,
    action: string,
    targetType: string,
    targetId: string,
    detail?: unknown,
  ) => recordUserAction(tx, ctx, clock.now(), { action, targetType, targetId, detail });

  /** Filters for the institute side: the user's regions, plus the query's narrowing. */
  function partyFilters(ctx: UserContext, query: RecQuery, kind?: string): SearchFilters {
    const tags: string[] = kind ? [kind] : [];
    if (query.industryId) tags.push(matchTags.industry(query.industryId));
    if (query.city) tags.push(matchTags.city(query.city));
    if (query.level) tags.push(matchTags.level(query.level));
    const excludeTags: string[] = [];
    // Maturity: achievements below the minimum TRL drop out (experts carry no TRL and stay).
    if (query.minTrl) for (let t = 1; t < query.minTrl; t++) excludeTags.push(matchTags.trl(t));
    return { tags, anyTags: ctx.user.visibleRegions.map(matchTags.party), excludeTags };
  }

  async function needRecommendations(
    ctx: UserContext,
    needId: string,
    query: RecQuery,
  ): Promise<NeedRecommendations> {
    const need = await matchmaking.getNeed(ctx, needId);
    const engine = await index.fresh();
    const changeId = index.changeId();
    const text = needQueryText(need);
    // One scoring pass: the institutes, and the achievements and experts that carried them. The
    // best documents overall are among these (an institute scores at least its best document).
    const owners = engine.search(text, { top: query.top, explain: true, filters: partyFilters(ctx, query) });
    const carried = owners.owners.flatMap((o) => o.documents).sort((a, b) => b.score - a.score);
    const docs = { documents: carried.filter((d) => d.id.startsWith('achievement:')).slice(0, query.top) };
    const expertDocs = { documents: carried.filter((d) => d.id.startsWith('expert:')).slice(0, 10) };

    const achievementIds = new Set<string>();
    const expertIds = new Set<string>();
    const collect = (docId: string) => {
      if (docId.startsWith('achievement:')) achievementIds.add(idOf(docId));
      else if (docId.startsWith('expert:')) expertIds.add(idOf(docId));
    };
    for (const o of owners.owners) for (const d of o.documents) collect(d.id);
    for (const d of docs.documents) collect(d.id);
    for (const d of expertDocs.documents) collect(d.id);
    const instituteIds = owners.owners.map((o) => o.owner);

    return db.transaction(ctx.scope, async (tx) => {
      const achievementRows = achievementIds.size
        ? await tx
            .select({
              id: achievements.id,
              title: achievements.title,
              abstract: achievements.abstract,
              keywords: achievements.keywords,
              trl: achievements.trl,
              instituteId: achievements.instituteId,
            })
            .from(achievements)
            .where(and(inArray(achievements.id, [...achievementIds]), isNull(achievements.deletedAt)))
        : [];
      const expertRows = expertIds.size
        ? await tx
            .select({
              id: experts.id,
              name: experts.name,
              title: experts.title,
              field: experts.field,
              instituteId: experts.instituteId,
            })
            .from(experts)
            .where(and(inArray(experts.id, [...expertIds]), isNull(experts.deletedAt)))
        : [];
      const allInstitutes = new Set([
        ...instituteIds,
        ...achievementRows.map((r) => r.instituteId),
        ...expertRows.map((r) => r.instituteId),
      ]);
      const instituteRows = allInstitutes.size
        ? await tx
            .select({
              id: institutes.id,
              name: institutes.name,
              level: institutes.level,
              city: institutes.city,
            })
            .from(institutes)
            .where(and(inArray(institutes.id, [...allInstitutes]), isNull(institutes.deletedAt)))
        : [];
      const pairings = await tx
        .select({ id: needPairings.id, instituteId: needPairings.instituteId })
        .from(needPairings)
        .where(eq(needPairings.needId, needId));
      const rejections = await tx
        .select({
          instituteId: recommendationRejections.instituteId,
          reason: recommendationRejections.reason,
        })
        .from(recommendationRejections)
        .where(eq(recommendationRejections.needId, needId));

      const instituteById = new Map(instituteRows.map((r) => [r.id, r]));
      const achievementById = new Map(achievementRows.map((r) => [r.id, r]));
      const expertById = new Map(expertRows.map((r) => [r.id, r]));
      const pairingBy = new Map(pairings.map((p) => [p.instituteId, p.id]));
      const rejectionBy = new Map(rejections.map((r) => [r.instituteId, r.reason]));

      const toAchievement = (
        docId: string,
        score: number,
        share: number,
        matches?: TermMatch[],
      ): RecommendedAchievement | null => {
        const a = achievementById.get(idOf(docId));
        const institute = a ? instituteById.get(a.instituteId) : undefined;
        if (!a || !institute) return null;
        return {
          id: a.id,
          title: a.title,
          abstract: a.abstract,
          keywords: a.keywords,
          trl: a.trl,
          instituteId: a.instituteId,
          instituteName: institute.name,
          score,
          share,
          matches: toTerms(matches),
        };
      };
      const toExpert = (docId: string, score: number, matches?: TermMatch[]): RecommendedExpert | null => {
        const e = expertById.get(idOf(docId));
        const institute = e ? instituteById.get(e.instituteId) : undefined;
        if (!e || !institute) return null;
        return {
          id: e.id,
          name: e.name,
          title: e.title,
          field: e.field,
          instituteId: e.instituteId,
          instituteName: institute.name,
          score,
          matches: toTerms(matches),
        };
      };

      const rankedInstitutes = owners.owners.flatMap((o) => {
        const institute = instituteById.get(o.owner);
        if (!institute) return [];
        const pairingId = pairingBy.get(o.owner) ?? null;
        const rejection = rejectionBy.get(o.owner) ?? null;
        return [
          {
            instituteId: institute.id,
            name: institute.name,
            level: institute.level,
            city: institute.city,
            score: o.score,
            // Character bigrams (#xy) explain the score but are not words to show.
            terms: (o.terms ?? []).filter((t) => !t.startsWith('#')),
            achievements: o.documents
              .filter((d) => d.id.startsWith('achievement:'))
              .map((d) => toAchievement(d.id, d.score, d.share, d.matches))
              .filter((x): x is RecommendedAchievement => x !== null),
            experts: o.documents
              .filter((d) => d.id.startsWith('expert:'))
              .map((d) => toExpert(d.id, d.score, d.matches))
              .filter((x): x is RecommendedExpert => x !== null),
            status: pairingId ? ('accepted' as const) : rejection ? ('rejected' as const) : ('open' as const),
            pairingId,
            rejectionReason: rejection,
          },
        ];
      });
      return {
        needId,
        indexChangeId: changeId,
        institutes: rankedInstitutes,
        achievements: docs.documents
          .map((d) => toAchievement(d.id, d.score, 1, d.matches))
          .filter((x): x is RecommendedAchievement => x !== null),
        experts: expertDocs.documents
          .map((d) => toExpert(d.id, d.score, d.matches))
          .filter((x): x is RecommendedExpert => x !== null),
      };
    });
  }

  /** The reverse direction: open needs an institute's achievements and experts could answer. */
  async function instituteNeeds(
    ctx: UserContext,
    instituteId: string,
    top: number,
  ): Promise<InstituteNeedRecommendations> {
    if (ctx.user.role === 'institute' && ctx.user.instituteId !== instituteId) throw notFound(ctx.lang);
    await db.transaction(ctx.scope, async (tx) => {
      const [row] = await tx
        .select({ id: institutes.id })
        .from(institutes)
        .where(eq(institutes.id, instituteId));
      if (!row) throw notFound(ctx.lang);
    });
    const engine = await index.fresh();
    const result = engine.searchDocuments(
      // An institute's profile is broad (many achievements): more terms than the engine's default.
      { owner: instituteId, terms: 150 },
      {
        top,
        explain: true,
        filters: {
          tags: [matchTags.need, matchTags.openNeed],
          anyTags: ctx.user.visibleRegions.map(matchTags.needRegion),
        },
      },
    );
    const ids = result.documents.map((d) => idOf(d.id));
    const rows = ids.length
      ? await db.transaction(ctx.scope, (tx) =>
          tx
            .select({
              id: techNeeds.id,
              title: techNeeds.title,
              description: techNeeds.description,
              stage: techNeeds.stage,
              enterpriseName: enterprises.name,
            })
            .from(techNeeds)
            .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
            .where(and(inArray(techNeeds.id, ids), isNull(techNeeds.deletedAt))),
        )
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      instituteId,
      needs: result.documents.flatMap((d) => {
        const r = byId.get(idOf(d.id));
        if (!r) return [];
        return [
          {
            id: r.id,
            title: r.title,
            description: r.description,
            // Enterprise names of other companies are shown to institutes only as the bureau publishes them.
            enterpriseName: ctx.user.role === 'institute' ? '' : (r.enterpriseName ?? ''),
            stage: r.stage as NeedStage,
            score: d.score,
            matches: toTerms(d.matches),
          },
        ];
      }),
    };
  }

  // ---- pairings ---------------------------------------------------------------------------------

  const pairingColumns = {
    p: needPairings,
    needTitle: techNeeds.title,
    enterpriseId: techNeeds.enterpriseId,
    enterpriseName: enterprises.name,
    instituteName: institutes.name,
    achievementTitle: achievements.title,
    eventTitle: matchmakingEvents.title,
  };
  const pairingBase = (tx: Tx) =>
    tx
      .select(pairingColumns)
      .from(needPairings)
      .innerJoin(techNeeds, eq(techNeeds.id, needPairings.needId))
      .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
      .leftJoin(institutes, eq(institutes.id, needPairings.instituteId))
      .leftJoin(achievements, eq(achievements.id, needPairings.achievementId))
      .leftJoin(matchmakingEvents, eq(matchmakingEvents.id, needPairings.eventId));
  type PairingRow = Awaited<ReturnType<ReturnType<typeof pairingBase>['where']>>[number];
  const toPairing = (r: PairingRow): Pairing => ({
    id: r.p.id,
    needId: r.p.needId,
    needTitle: r.needTitle,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName ?? '',
    instituteId: r.p.instituteId,
    instituteName: r.instituteName ?? '',
    achievementId: r.p.achievementId,
    achievementTitle: r.achievementTitle,
    source: r.p.source as Pairing['source'],
    eventId: r.p.eventId,
    eventTitle: r.eventTitle,
    outcome: r.p.outcome as PairingOutcome,
    note: r.p.note,
    createdAt: r.p.createdAt.toISOString(),
  });

  async function listPairingsIn(tx: Tx, where: SQL | undefined): Promise<Pairing[]> {
    return (
      await pairingBase(tx).where(where).orderBy(desc(needPairings.createdAt), desc(needPairings.id))
    ).map(toPairing);
  }
  const listPairings = (ctx: UserContext, query: z.output<typeof PairingListQuery>) =>
    db.transaction(ctx.scope, (tx) =>
      listPairingsIn(
        tx,
        and(
          query.needId ? eq(needPairings.needId, query.needId) : undefined,
          query.eventId ? eq(needPairings.eventId, query.eventId) : undefined,
          query.instituteId ? eq(needPairings.instituteId, query.instituteId) : undefined,
        ),
      ),
    );

  async function getPairingIn(tx: Tx, ctx: UserContext, id: string) {
    const [row] = await pairingBase(tx).where(eq(needPairings.id, id));
    if (!row) throw notFound(ctx.lang);
    return toPairing(row);
  }

  async function checkEvent(tx: Tx, ctx: UserContext, eventId: string | null | undefined) {
    if (!eventId) return;
    const [e] = await tx
      .select({ id: matchmakingEvents.id })
      .from(matchmakingEvents)
      .where(eq(matchmakingEvents.id, eventId));
    if (!e) throw invalid([{ path: 'eventId', message: '对接活动不存在' }], ctx.lang);
  }

  /** Accepts a recommendation (or records a pairing made elsewhere): need ↔ institute, once. */
  const createPairing = (ctx: UserContext, input: z.output<typeof PairingInput>) =>
    matchmaking.write(ctx, async (tx) => {
      const need = await matchmaking.getNeedIn(tx, ctx, input.needId).catch(() => {
        throw invalid([{ path: 'needId', message: '需求不存在' }], ctx.lang);
      });
      if (need.stage !== 'published' && need.stage !== 'matching')
        throw new AppError(409, 'NEED_NOT_OPEN', '只有已发布或对接中的需求可以建立对接', [
          { path: 'needId', message: '需求尚未发布或已签约、关闭' },
        ]);
      const [institute] = await tx
        .select({ id: institutes.id })
        .from(institutes)
        .where(and(eq(institutes.id, input.instituteId), isNull(institutes.deletedAt)));
      if (!institute) throw invalid([{ path: 'instituteId', message: '院所不存在' }], ctx.lang);
      if (input.achievementId) {
        const [a] = await tx
          .select({ instituteId: achievements.instituteId })
          .from(achievements)
          .where(eq(achievements.id, input.achievementId));
        if (a?.instituteId !== input.instituteId)
          throw invalid([{ path: 'achievementId', message: '成果不属于该院所' }], ctx.lang);
      }
      await checkEvent(tx, ctx, input.eventId);
      const [existing] = await tx
        .select({ id: needPairings.id })
        .from(needPairings)
        .where(and(eq(needPairings.needId, input.needId), eq(needPairings.instituteId, input.instituteId)));
      if (existing)
        throw new AppError(409, 'CONFLICT', '该需求与该院所已建立对接', [
          { path: 'instituteId', message: '已对接' },
        ]);
      // Accepting supersedes an earlier rejection of the same institute for this need.
      await tx
        .delete(recommendationRejections)
        .where(
          and(
            eq(recommendationRejections.needId, input.needId),
            eq(recommendationRejections.instituteId, input.instituteId),
          ),
        );
      const [row] = await tx
        .insert(needPairings)
        .values({
          regionCode: need.regionCode,
          needId: input.needId,
          instituteId: input.instituteId,
          achievementId: input.achievementId,
          source: input.eventId ? 'event' : 'recommendation',
          eventId: input.eventId,
          outcome: input.outcome,
          note: input.note,
          createdAt: clock.now(),
          createdBy: ctx.user.id,
        })
        .returning({ id: needPairings.id });
      if (!row) throw new Error('insert returned nothing');
      await audit(tx, ctx, 'create', 'pairing', row.id, {
        needId: input.needId,
        instituteId: input.instituteId,
      });
      await matchmaking.advanceNeedIn(tx, ctx, input.needId, 'matching');
      return getPairingIn(tx, ctx, row.id);
    });

  /** Records a pairing at an event, its outcome or a note. */
  const updatePairing = (ctx: UserContext, id: string, input: z.output<typeof PairingUpdateInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      const current = await getPairingIn(tx, ctx, id);
      await checkEvent(tx, ctx, input.eventId);
      await tx
        .update(needPairings)
        .set({
          ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
          ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
        })
        .where(eq(needPairings.id, id));
      await audit(tx, ctx, 'update', 'pairing', id, {
        before: { eventId: current.eventId, outcome: current.outcome },
        after: input,
      });
      return getPairingIn(tx, ctx, id);
    });

  const rejectRecommendation = (ctx: UserContext, needId: string, input: z.output<typeof RejectInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      const need = await matchmaking.getNeedIn(tx, ctx, needId);
      const [institute] = await tx
        .select({ id: institutes.id })
        .from(institutes)
        .where(eq(institutes.id, input.instituteId));
      if (!institute) throw invalid([{ path: 'instituteId', message: '院所不存在' }], ctx.lang);
      const [pairing] = await tx
        .select({ id: needPairings.id })
        .from(needPairings)
        .where(and(eq(needPairings.needId, needId), eq(needPairings.instituteId, input.instituteId)));
      if (pairing) throw new AppError(409, 'CONFLICT', '该院所已建立对接，不能再标记为不合适');
      await tx
        .insert(recommendationRejections)
        .values({
          regionCode: need.regionCode,
          needId,
          instituteId: input.instituteId,
          reason: input.reason,
          note: input.note,
          createdAt: clock.now(),
          createdBy: ctx.user.id,
        })
        .onConflictDoUpdate({
          target: [recommendationRejections.needId, recommendationRejections.instituteId],
          set: { reason: input.reason, note: input.note, createdAt: clock.now(), createdBy: ctx.user.id },
        });
      await audit(tx, ctx, 'reject', 'recommendation', needId, input);
      return { ok: true as const };
    });

  const rejectionReport = (ctx: UserContext): Promise<RejectionReport> =>
    db.transaction(ctx.scope, async (tx) => {
      const rows = await tx
        .select({
          instituteId: recommendationRejections.instituteId,
          instituteName: institutes.name,
          reason: recommendationRejections.reason,
          n: sql<number>`count(*)::int`,
        })
        .from(recommendationRejections)
        .leftJoin(institutes, eq(institutes.id, recommendationRejections.instituteId))
        .groupBy(recommendationRejections.instituteId, institutes.name, recommendationRejections.reason);
      const byInstitute = new Map<string, RejectionReport[number]>();
      for (const r of rows) {
        const entry = byInstitute.get(r.instituteId) ?? {
          instituteId: r.instituteId,
          instituteName: r.instituteName ?? '',
          total: 0,
          reasons: {},
        };
        entry.total += r.n;
        entry.reasons[r.reason] = (entry.reasons[r.reason] ?? 0) + r.n;
        byInstitute.set(r.instituteId, entry);
      }
      return [...byInstitute.values()].sort(
        (a, b) => b.total - a.total || a.instituteName.localeCompare(b.instituteName),
      );
    });

  return {
    needRecommendations,
    instituteNeeds,
    listPairings,
    listPairingsIn,
    getPairingIn,
    createPairing,
    updatePairing,
    rejectRecommendation,
    rejectionReport,
  };
}

export type RecommendationService = ReturnType<typeof createRecommendationService>;
