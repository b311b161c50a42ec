import {
  type Pairing,
  type PairingOutcome,
  type ProjectStage,
  SIGNED_PROJECT_STAGES,
} from '@gaodi/contracts';
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { enterprises, institutes } from '../directory/index.ts';
import { achievements, matchmakingEvents, needPairings, techNeeds } from './matchmaking.table.ts';

const pairingBase = (tx: Tx) =>
  tx
    .select({
      p: needPairings,
      needTitle: techNeeds.title,
      enterpriseId: techNeeds.enterpriseId,
      enterpriseName: enterprises.name,
      instituteName: institutes.name,
      achievementTitle: achievements.title,
      eventTitle: matchmakingEvents.title,
      // The projects module owns the table; a pairing only reads the one project signed from it.
      project: sql<ProjectLink | null>`(SELECT json_build_object('id', cp.id, 'title', cp.title, 'stage', cp.stage)
        FROM cooperation_projects cp WHERE cp.source_pairing_id = ${needPairings.id})`,
    })
    .from(needPairings)
    .innerJoin(techNeeds, eq(techNeeds.id, needPairings.needId))
    .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
    .leftJoin(institutes, eq(institutes.id, needPairings.instituteId))
    .leftJoin(achievements, eq(achievements.id, needPairings.achievementId))
    .leftJoin(matchmakingEvents, eq(matchmakingEvents.id, needPairings.eventId));
type ProjectLink = { id: string; title: string; stage: ProjectStage };
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
  outcome: outcomeOf(r.p.outcome as PairingOutcome, r.project),
  note: r.p.note,
  createdAt: r.p.createdAt.toISOString(),
  project: r.project,
});

/** A pairing's outcome follows its project: registered → at least 达成意向, signed or beyond → 签订协议. */
function outcomeOf(recorded: PairingOutcome, project: ProjectLink | null): PairingOutcome {
  if (!project) return recorded;
  if (SIGNED_PROJECT_STAGES.includes(project.stage)) return 'agreement';
  return recorded === 'none' ? 'intention' : recorded;
}

/** Pairings matching `where`, newest first (the caller's row-level security applies). */
export async function readPairings(tx: Tx, where: SQL | undefined): Promise<Pairing[]> {
  return (
    await pairingBase(tx).where(where).orderBy(desc(needPairings.createdAt), desc(needPairings.id))
  ).map(toPairing);
}

export async function readPairing(tx: Tx, ctx: UserContext, id: string): Promise<Pairing> {
  const [row] = await pairingBase(tx).where(eq(needPairings.id, id));
  if (!row) throw notFound(ctx.lang);
  return toPairing(row);
}

/** A pairing's event, when given, must be one the caller sees. */
export async function checkEvent(tx: Tx, ctx: UserContext, eventId: string | null | undefined) {
  if (!eventId) return;
  const [e] = await tx
    .select({ id: matchmakingEvents.id })
    .from(matchmakingEvents)
    .where(eq(matchmakingEvents.id, eventId));
  if (!e) throw invalid([{ path: 'eventId', message: '对接活动不存在' }], ctx.lang);
}
