import type { ProjectInput } from '@gaodi/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem, invalid, message } from '../../../platform/http/errors.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { regions } from '../../../platform/tenancy/region.table.ts';
import { searchTextOf } from '../../../platform/text/search-text.ts';
import { enterprises, institutes } from '../../directory/index.ts';
import { matchmakingEvents, needPairings, techNeeds } from '../../matchmaking/index.ts';
import { PROJECT_ITEM, type ProjectDeps } from '../projects.deps.ts';
import { cooperationProjects, projectParties } from '../projects.table.ts';
import { addEntry, auditProject, checkHelper, startAssignment } from '../projects.writes.ts';
import { readProjectIn } from './read-project.ts';

type Input = z.output<typeof ProjectInput>;
type Sources = {
  enterpriseIds: Set<string>;
  instituteIds: Set<string>;
  needId: string | null;
  sourceEventId: string | null;
};

/** The parties, need and event of a new project: as given, plus those of the pairing it comes from. */
async function sourcesOf(tx: Tx, ctx: UserContext, input: Input): Promise<Sources> {
  const sources: Sources = {
    enterpriseIds: new Set(input.enterpriseIds),
    instituteIds: new Set(input.instituteIds),
    needId: input.needId,
    sourceEventId: input.sourceEventId,
  };
  if (!input.sourcePairingId) return sources;
  const [pairing] = await tx
    .select({
      needId: needPairings.needId,
      instituteId: needPairings.instituteId,
      eventId: needPairings.eventId,
      enterpriseId: techNeeds.enterpriseId,
    })
    .from(needPairings)
    .innerJoin(techNeeds, eq(techNeeds.id, needPairings.needId))
    .where(eq(needPairings.id, input.sourcePairingId));
  if (!pairing) throw invalid([{ path: 'sourcePairingId', message: '对接记录不存在' }], ctx.lang);
  const [signed] = await tx
    .select({ id: cooperationProjects.id })
    .from(cooperationProjects)
    .where(eq(cooperationProjects.sourcePairingId, input.sourcePairingId));
  if (signed) throw pairingSigned(ctx.lang);
  sources.needId ??= pairing.needId;
  sources.sourceEventId ??= pairing.eventId;
  sources.enterpriseIds.add(pairing.enterpriseId);
  sources.instituteIds.add(pairing.instituteId);
  return sources;
}

/** Every problem with what the new project refers to (visible parties, the R&D region, event, need, helper). */
async function problemsOf(tx: Tx, ctx: UserContext, input: Input, s: Sources): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const ids = async (table: typeof enterprises | typeof institutes, wanted: Set<string>) =>
    wanted.size
      ? await tx
          .select({ id: table.id })
          .from(table)
          .where(inArray(table.id, [...wanted]))
      : [];
  if ((await ids(enterprises, s.enterpriseIds)).length !== s.enterpriseIds.size)
    problems.push({ path: 'enterpriseIds', message: '有企业不存在或不在本区域' });
  if ((await ids(institutes, s.instituteIds)).length !== s.instituteIds.size)
    problems.push({ path: 'instituteIds', message: '有院所不存在或不在本区域' });
  const rdRegionCode = input.rdRegionCode ?? ctx.user.activeRegionCode;
  const [rd] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, rdRegionCode));
  if (!rd) problems.push({ path: 'rdRegionCode', message: '研发地行政区划不存在' });
  if (s.sourceEventId) {
    const [e] = await tx
      .select({ id: matchmakingEvents.id })
      .from(matchmakingEvents)
      .where(eq(matchmakingEvents.id, s.sourceEventId));
    if (!e) problems.push({ path: 'sourceEventId', message: '对接活动不存在' });
  }
  if (s.needId) {
    const [n] = await tx.select({ id: techNeeds.id }).from(techNeeds).where(eq(techNeeds.id, s.needId));
    if (!n) problems.push({ path: 'needId', message: '需求不存在' });
  }
  if (input.helperId)
    await checkHelper(tx, ctx, input.helperId, 'helperId').catch((e: AppError) =>
      problems.push(...(e.fields ?? [])),
    );
  return problems;
}

const pairingSigned = (lang: UserContext['lang']) =>
  new AppError(409, 'PAIRING_SIGNED', message('PAIRING_SIGNED', lang));

/** A concurrent second project from the same pairing meets the unique index: the same 409. */
const isPairingTaken = (error: unknown) =>
  [error, (error as { cause?: unknown }).cause].some(
    (e) => (e as { constraint?: string } | undefined)?.constraint === 'cooperation_projects_pairing_uq',
  );

async function insertProject(tx: Tx, now: Date, ctx: UserContext, input: Input, s: Sources) {
  const regionCode = ctx.user.activeRegionCode;
  const [row] = await tx
    .insert(cooperationProjects)
    .values({
      regionCode,
      rdRegionCode: input.rdRegionCode ?? regionCode,
      title: input.title,
      searchText: searchTextOf(input.title),
      kind: input.kind,
      stage: 'intention',
      contractNo: input.contractNo,
      amountFen: input.amountFen,
      sourceEventId: s.sourceEventId,
      sourcePairingId: input.sourcePairingId,
      needId: s.needId,
      enterpriseIds: [...s.enterpriseIds],
      instituteIds: [...s.instituteIds],
      isGreenChannel: input.isGreenChannel,
      description: input.description,
      stageChangedAt: now,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.user.id,
    })
    .returning({ id: cooperationProjects.id })
    .catch((error: unknown) => {
      throw isPairingTaken(error) ? pairingSigned(ctx.lang) : error;
    });
  if (!row) throw new Error('insert returned nothing');
  const parties = [
    ...[...s.enterpriseIds].map((enterpriseId) => ({ partyKind: 'enterprise', enterpriseId })),
    ...[...s.instituteIds].map((instituteId) => ({ partyKind: 'institute', instituteId })),
  ].map((party) => ({ ...party, regionCode, projectId: row.id }));
  if (parties.length) await tx.insert(projectParties).values(parties);
  return { id: row.id, regionCode, title: input.title };
}

/** Registers a project (意向), maybe from a pairing, with its parties, first helper and timeline entry. */
export const createProject = (
  deps: Pick<ProjectDeps, 'db' | 'clock' | 'notifier' | 'supervision'>,
  ctx: UserContext,
  input: Input,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const sources = await sourcesOf(tx, ctx, input);
    const problems = await problemsOf(tx, ctx, input, sources);
    if (problems.length) throw invalid(problems, ctx.lang);
    const now = deps.clock.now();
    const p = await insertProject(tx, now, ctx, input, sources);
    if (input.helperId)
      await startAssignment(tx, deps, ctx, p, { helperId: input.helperId, reason: '立项时指定' });
    await addEntry(tx, deps, ctx, p, {
      kind: 'stage',
      on: chinaDay(now),
      content: '登记合作意向',
      stageTo: 'intention',
    });
    await auditProject(tx, deps, ctx, 'create', p.id, {
      sourcePairingId: input.sourcePairingId,
      sourceEventId: sources.sourceEventId,
    });
    await deps.supervision.refreshItems(tx, PROJECT_ITEM, [p.id]);
    return readProjectIn(tx, ctx, p.id);
  });
