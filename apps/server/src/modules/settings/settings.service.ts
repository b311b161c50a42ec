import {
  DEFAULT_STAGE_NAMES,
  PIPELINE_STAGES,
  STAGE_PIPELINES,
  type StageLabel,
  type StageLabels,
  type StageLabelsInput,
  type StagePipeline,
} from '@gaodi/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordUserAction } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { type FieldProblem, invalid } from '../../platform/http/errors.ts';
import { stageLabels } from './settings.table.ts';

/** A region and the regions above it, nearest first: [county, city, province]. */
type Chain = { code: string; name: string }[];
type LabelRow = {
  regionCode: string;
  pipeline: string;
  stage: string;
  label: string | null;
  description: string | null;
};

/**
 * Rows of an `execute` result, as platform/db's rowsOf. Not imported from there: drizzle-kit loads
 * the table files, which reach this file through module indexes (projects.table → matchmaking →
 * settings), and database.ts does not load in drizzle-kit (it resolves import.meta.dirname).
 */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

async function regionChain(tx: Tx, regionCode: string): Promise<Chain> {
  return rowsOf<{ code: string; name: string }>(
    await tx.execute(sql`
      WITH RECURSIVE chain AS (
        SELECT code, name, parent_code, 0 AS depth FROM regions WHERE code = ${regionCode}
        UNION ALL
        SELECT r.code, r.name, r.parent_code, c.depth + 1 FROM regions r JOIN chain c ON r.code = c.parent_code
        WHERE c.depth < 8
      )
      SELECT code, name FROM chain ORDER BY depth`),
  );
}

const labelColumns = {
  regionCode: stageLabels.regionCode,
  pipeline: stageLabels.pipeline,
  stage: stageLabels.stage,
  label: stageLabels.label,
  description: stageLabels.description,
};

async function labelRows(tx: Tx, chain: Chain, pipeline?: StagePipeline): Promise<LabelRow[]> {
  if (chain.length === 0) return [];
  return tx
    .select(labelColumns)
    .from(stageLabels)
    .where(
      and(
        inArray(
          stageLabels.regionCode,
          chain.map((r) => r.code),
        ),
        pipeline ? eq(stageLabels.pipeline, pipeline) : undefined,
      ),
    );
}

/**
 * One pipeline's stages as a region sees them: each field (name, description) from the nearest
 * region in the chain that set it, else the built-in default. Pure, so the writer can check a
 * change before making it.
 */
export function resolvePipeline(
  chain: Chain,
  rows: readonly LabelRow[],
  pipeline: StagePipeline,
): StageLabel[] {
  const at = (regionCode: string, stage: string) =>
    rows.find((r) => r.regionCode === regionCode && r.pipeline === pipeline && r.stage === stage);
  return PIPELINE_STAGES[pipeline].map((stage) => {
    const defaultName = DEFAULT_STAGE_NAMES[pipeline][stage] ?? { zh: stage, en: stage };
    const [self, ...above] = chain;
    const nameFrom = (regions: Chain) => {
      for (const r of regions) {
        const label = at(r.code, stage)?.label;
        if (label) return { name: label, region: r };
      }
      return { name: defaultName.zh, region: null };
    };
    const descriptionFrom = (regions: Chain) => {
      for (const r of regions) {
        const d = at(r.code, stage)?.description;
        if (d !== null && d !== undefined) return d;
      }
      return '';
    };
    const inheritedName = nameFrom(above);
    const effective = nameFrom(chain);
    const own = self ? at(self.code, stage) : undefined;
    return {
      stage,
      defaultName,
      name: effective.name,
      description: descriptionFrom(chain),
      source: !effective.region ? 'default' : effective.region.code === self?.code ? 'own' : 'inherited',
      sourceRegionCode: effective.region?.code ?? null,
      sourceRegionName: effective.region?.name ?? null,
      inherited: {
        name: inheritedName.name,
        description: descriptionFrom(above),
        regionCode: inheritedName.region?.code ?? null,
        regionName: inheritedName.region?.name ?? null,
      },
      own: { label: own?.label ?? null, description: own?.description ?? null },
    } satisfies StageLabel;
  });
}

/**
 * The Chinese stage names a region uses for one pipeline (code → name), for writers that print
 * them (the ledger .xlsx, the event report .docx, the ledger import that reads them back). Reads in
 * the caller's transaction.
 */
export async function readStageNames(
  tx: Tx,
  regionCode: string,
  pipeline: StagePipeline,
): Promise<Record<string, string>> {
  const chain = await regionChain(tx, regionCode);
  const rows = await labelRows(tx, chain, pipeline);
  return Object.fromEntries(resolvePipeline(chain, rows, pipeline).map((s) => [s.stage, s.name]));
}

async function stageLabelsIn(tx: Tx, regionCode: string): Promise<StageLabels> {
  const chain = await regionChain(tx, regionCode);
  const rows = await labelRows(tx, chain);
  return {
    regionCode,
    regionName: chain[0]?.name ?? regionCode,
    pipelines: STAGE_PIPELINES.map((pipeline) => ({
      pipeline,
      stages: resolvePipeline(chain, rows, pipeline),
    })),
  };
}

/**
 * A city's or province's new name must not collide with a name an office below already gave
 * another stage of the pipeline: each office below that names stages is resolved with the change.
 */
async function clashesBelow(
  tx: Tx,
  regionCode: string,
  after: LabelRow[],
  changes: { stage: string; label: string | null }[],
): Promise<FieldProblem[]> {
  const pipeline = after[0]?.pipeline as StagePipeline | undefined;
  const renamed = changes.filter((c) => c.label !== null);
  if (!pipeline || renamed.length === 0) return [];
  // Row-level security shows this office's region and the regions below it.
  const below = await tx
    .select(labelColumns)
    .from(stageLabels)
    .where(and(eq(stageLabels.pipeline, pipeline), sql`${stageLabels.regionCode} <> ${regionCode}`));
  const problems: FieldProblem[] = [];
  for (const code of new Set(below.map((r) => r.regionCode))) {
    const chain = await regionChain(tx, code);
    if (!chain.some((r) => r.code === regionCode)) continue;
    const resolved = resolvePipeline(chain, [...after, ...below], pipeline);
    for (const c of renamed) {
      const mine = resolved.find((r) => r.stage === c.stage);
      const twin = resolved.find((r) => r.stage !== c.stage && r.name === mine?.name);
      const i = changes.indexOf(c);
      if (
        mine?.sourceRegionCode === regionCode &&
        twin &&
        !problems.some((p) => p.path === `stages.${i}.label`)
      )
        problems.push({
          path: `stages.${i}.label`,
          message: `${chain[0]?.name ?? code}已将“${twin.name}”用作另一阶段的名称`,
        });
    }
  }
  return problems;
}

/** Two stages of a pipeline may not share a name: the problems on the names being typed. */
function sameNames(
  resolved: StageLabel[],
  changes: { stage: string; label: string | null }[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const namedNow = new Set(changes.filter((c) => c.label !== null).map((c) => c.stage));
  changes.forEach((c, i) => {
    const mine = resolved.find((r) => r.stage === c.stage);
    const twin = resolved.find((r) => r.stage !== c.stage && r.name === mine?.name);
    // On the name being typed, not on the stage it collides with (when both are sent).
    if (mine && twin && (namedNow.has(c.stage) || !namedNow.has(twin.stage)))
      problems.push({ path: `stages.${i}.label`, message: `与“${twin.name}”阶段重名` });
  });
  return problems;
}

type LabelChange = { stage: string; label: string | null; description: string | null };

/** Writes the region's own names: a change that clears both fields deletes the row. */
async function saveLabelRows(
  tx: Tx,
  ctx: UserContext,
  {
    regionCode,
    pipeline,
    changes,
    now,
  }: { regionCode: string; pipeline: StagePipeline; changes: LabelChange[]; now: Date },
) {
  for (const c of changes) {
    const key = and(
      eq(stageLabels.regionCode, regionCode),
      eq(stageLabels.pipeline, pipeline),
      eq(stageLabels.stage, c.stage),
    );
    if (c.label === null && c.description === null) {
      await tx.delete(stageLabels).where(key);
      continue;
    }
    const values = { label: c.label, description: c.description, updatedAt: now, updatedBy: ctx.user.id };
    await tx
      .insert(stageLabels)
      .values({ regionCode, pipeline: pipeline, stage: c.stage, ...values })
      .onConflictDoUpdate({
        target: [stageLabels.regionCode, stageLabels.pipeline, stageLabels.stage],
        set: values,
      });
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>;

/** An office's settings: the names of its pipelines' stages (阶段名称). */
export function createSettingsService({ db, clock }: { db: Database; clock: Clock }) {
  async function getStageLabels(ctx: UserContext): Promise<StageLabels> {
    return db.transaction(ctx.scope, (tx) => stageLabelsIn(tx, ctx.user.activeRegionCode));
  }

  /** Sets or clears names of the active region; refuses two stages of a pipeline with one name. */
  async function setStageLabels(ctx: UserContext, input: StageLabelsInput): Promise<StageLabels> {
    const now = clock.now();
    const regionCode = ctx.user.activeRegionCode;
    const empty = (s: string | null) => (s === null || s === '' ? null : s);
    const changes = input.stages.map((s) => ({
      stage: s.stage,
      label: empty(s.label),
      description: empty(s.description),
    }));
    return db.transaction(ctx.scope, async (tx) => {
      const chain = await regionChain(tx, regionCode);
      const rows = await labelRows(tx, chain, input.pipeline);
      const before = rows.filter((r) => r.regionCode === regionCode);
      const after: LabelRow[] = [
        ...rows.filter((r) => !(r.regionCode === regionCode && changes.some((c) => c.stage === r.stage))),
        ...changes.map((c) => ({ regionCode, pipeline: input.pipeline, ...c })),
      ];
      const resolved = resolvePipeline(chain, after, input.pipeline);
      const problems = sameNames(resolved, changes);
      if (problems.length === 0) problems.push(...(await clashesBelow(tx, regionCode, after, changes)));
      if (problems.length > 0) throw invalid(problems, ctx.lang);

      await saveLabelRows(tx, ctx, { regionCode, pipeline: input.pipeline, changes, now });
      await recordUserAction(tx, ctx, now, {
        action: 'update',
        targetType: 'stage_label',
        targetId: input.pipeline,
        detail: {
          pipeline: input.pipeline,
          before: before.map((r) => ({ stage: r.stage, label: r.label, description: r.description })),
          after: changes,
        },
      });
      return stageLabelsIn(tx, regionCode);
    });
  }

  return { getStageLabels, setStageLabels };
}
