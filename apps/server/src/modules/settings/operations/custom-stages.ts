import {
  type CustomStageInput,
  type CustomStages,
  PIPELINE_STAGES,
  STAGE_PIPELINES,
  type StagePipeline,
} from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../../platform/http/errors.ts';
import { readStageNames } from '../settings.service.ts';
import { customStages } from '../settings.table.ts';
import { readCustomStages } from './read-custom-stages.ts';

type Deps = { db: Database; clock: Clock };

async function customStagesIn(tx: Tx, regionCode: string): Promise<CustomStages> {
  const stages: CustomStages['stages'] = [];
  for (const pipeline of STAGE_PIPELINES) {
    for (const s of await readCustomStages(tx, regionCode, pipeline)) {
      stages.push({ ...s, pipeline, isOwn: s.regionCode === regionCode });
    }
  }
  // Board order: by the built-in stage refined, then position.
  const order = (p: StagePipeline, stage: string) => PIPELINE_STAGES[p].indexOf(stage);
  stages.sort(
    (a, b) =>
      STAGE_PIPELINES.indexOf(a.pipeline) - STAGE_PIPELINES.indexOf(b.pipeline) ||
      order(a.pipeline, a.refines) - order(b.pipeline, b.refines) ||
      a.position - b.position,
  );
  return { regionCode, stages };
}

/** The custom stages of the user's active region (its own and inherited). */
export function listCustomStages({ db }: Deps, ctx: UserContext): Promise<CustomStages> {
  return db.transaction(ctx.scope, (tx) => customStagesIn(tx, ctx.user.activeRegionCode));
}

/** A code that does not depend on the Chinese name: c_ + base-36 time and randomness. */
function newCode(now: Date): string {
  return `c_${now.getTime().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
}

/**
 * Adds a stage inside a built-in one, after the custom stages it already has. Its name may not be
 * the name of another stage of the pipeline (built-in as the office names it, or custom).
 */
export function addCustomStage(
  { db, clock }: Deps,
  ctx: UserContext,
  input: z.output<typeof CustomStageInput>,
): Promise<CustomStages> {
  const now = clock.now();
  const regionCode = ctx.user.activeRegionCode;
  return db.transaction(ctx.scope, async (tx) => {
    const names = await readStageNames(tx, regionCode, input.pipeline);
    const existing = await readCustomStages(tx, regionCode, input.pipeline, { withRetired: true });
    const taken = [...Object.values(names), ...existing.filter((c) => c.label).map((c) => c.label)];
    if (taken.includes(input.label)) {
      throw invalid([{ path: 'label', message: `与“${input.label}”阶段重名` }], ctx.lang);
    }
    const position =
      Math.max(0, ...existing.filter((c) => c.refines === input.refines).map((c) => c.position)) + 1;
    const code = newCode(now);
    await tx.insert(customStages).values({
      regionCode,
      pipeline: input.pipeline,
      code,
      refines: input.refines,
      position,
      label: input.label,
      description: input.description,
      updatedAt: now,
      updatedBy: ctx.user.id,
    });
    await recordUserAction(tx, ctx, now, {
      action: 'create',
      targetType: 'custom_stage',
      targetId: code,
      detail: { pipeline: input.pipeline, refines: input.refines, label: input.label },
    });
    return customStagesIn(tx, regionCode);
  });
}

/**
 * Retires one of the region's own custom stages: no new record enters it; records already in it
 * keep it (and its name) and move out as usual.
 */
export function retireCustomStage(
  { db, clock }: Deps,
  ctx: UserContext,
  params: { pipeline: StagePipeline; code: string },
): Promise<CustomStages> {
  const now = clock.now();
  const regionCode = ctx.user.activeRegionCode;
  return db.transaction(ctx.scope, async (tx) => {
    const key = and(
      eq(customStages.regionCode, regionCode),
      eq(customStages.pipeline, params.pipeline),
      eq(customStages.code, params.code),
    );
    const [row] = await tx.select().from(customStages).where(key);
    if (!row) throw notFound(ctx.lang);
    if (row.isRetired) throw new AppError(409, 'ALREADY_RETIRED', '该自定义阶段已停用');
    await tx.update(customStages).set({ isRetired: true, updatedAt: now, updatedBy: ctx.user.id }).where(key);
    await recordUserAction(tx, ctx, now, {
      action: 'delete',
      targetType: 'custom_stage',
      targetId: params.code,
      detail: { pipeline: params.pipeline, label: row.label },
    });
    return customStagesIn(tx, regionCode);
  });
}
