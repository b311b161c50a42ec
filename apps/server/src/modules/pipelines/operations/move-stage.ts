import {
  type CustomStage,
  checkMove,
  type Pipeline,
  type StagePipeline,
  type StagePosition,
  type SupervisedItemType,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem, invalid } from '../../../platform/http/errors.ts';
import { readCustomStages, readStageNames } from '../../settings/index.ts';
import type { SupervisionService } from '../../supervision/index.ts';

/** A record that moves: its id, region and where it is in its pipeline. */
export type PipelineRecord<S extends string> = { id: string; regionCode: string } & StagePosition<S>;

/** The input every move carries: the target, maybe a custom stage inside it, a note, requirement fields. */
export type MoveInput<S extends string> = { to: S; subStage?: string | null; note?: string } & Record<
  string,
  unknown
>;

/** What a move tells the module's own writer (ledger entry, timeline, notifications). */
export type Move<S extends string, R extends PipelineRecord<S>, I extends MoveInput<S>> = {
  record: R;
  from: StagePosition<S>;
  to: StagePosition<S>;
  input: I;
  /** "阶段变更：洽谈 → 签约" in the office's names, plus the module's detail and the note. */
  text: string;
  at: Date;
};

/**
 * What a module gives the one move function for one pipeline. Everything generic (allowed moves,
 * custom stages, requirements, roles, dates in order and not in the future, audit, lights) is done
 * by `moveStage`; the module says how to lock and save its row and what else a move writes.
 */
export type PipelineAdapter<S extends string, R extends PipelineRecord<S>, I extends MoveInput<S>> = {
  pipeline: Pipeline<S> & { key: StagePipeline };
  /** The audit target type (e.g. `recruitment`, `project`, `need`). */
  auditType: string;
  /** The supervised item type whose lights the move refreshes, if the records have lights. */
  lightsOf?: SupervisedItemType;
  /** Locks the row (SELECT … FOR UPDATE) or throws not found. */
  lock: (tx: Tx, ctx: UserContext, id: string) => Promise<R>;
  /** The record's dates named in the pipeline's dateOrder (e.g. signedOn). */
  datesOf: (record: R) => Record<string, string | null>;
  /**
   * The module's own checks (custom requirements such as "a platform") and the columns the move
   * sets besides the stage; `detail` joins the move's text.
   */
  prepare?: (
    tx: Tx,
    ctx: UserContext,
    move: Omit<Move<S, R, I>, 'text'>,
  ) => Promise<{ problems?: FieldProblem[]; set?: Record<string, unknown>; detail?: string }>;
  /** Writes stage, sub-stage, stage time and `set` to the row. */
  save: (
    tx: Tx,
    record: R,
    change: { stage: S; subStage: string | null; at: Date; set: Record<string, unknown> },
  ) => Promise<void>;
  /** The module's record of the move: a ledger entry, a timeline row, notifications. */
  afterMove?: (tx: Tx, ctx: UserContext, move: Move<S, R, I>) => Promise<void>;
};

export type StageMover = ReturnType<typeof createStageMover>;

/** Today in China time (UTC+8, no daylight saving), YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The one function that moves any record of any pipeline, inside the caller's transaction. */
export function createStageMover({ clock, supervision }: { clock: Clock; supervision: SupervisionService }) {
  async function namesOf(tx: Tx, regionCode: string, key: StagePipeline, custom: readonly CustomStage[]) {
    const names = await readStageNames(tx, regionCode, key);
    for (const c of custom) names[c.code] = c.label;
    return names;
  }

  async function moveStage<S extends string, R extends PipelineRecord<S>, I extends MoveInput<S>>(
    tx: Tx,
    ctx: UserContext,
    adapter: PipelineAdapter<S, R, I>,
    id: string,
    input: I,
  ): Promise<R> {
    const { pipeline } = adapter;
    const record = await adapter.lock(tx, ctx, id);
    const custom = await readCustomStages(tx, record.regionCode, pipeline.key);
    const names = await namesOf(tx, record.regionCode, pipeline.key, custom);
    const from: StagePosition<S> = { stage: record.stage, subStage: record.subStage };
    const to: StagePosition<S> = { stage: input.to, subStage: input.subStage ?? null };
    const now = clock.now();
    const problems = checkMove({
      pipeline,
      custom,
      from,
      to,
      role: ctx.user.role,
      input,
      dates: adapter.datesOf(record),
      today: chinaToday(now),
      names,
    });
    const refused = problems.find((p) => p.path === 'to');
    if (refused) {
      throw new AppError(409, 'STAGE_TRANSITION', refused.title ?? refused.message, [
        { path: 'to', message: refused.message },
      ]);
    }
    const prepared = (await adapter.prepare?.(tx, ctx, { record, from, to, input, at: now })) ?? {};
    const all = [...problems, ...(prepared.problems ?? [])];
    if (all.length > 0) throw invalid(all, ctx.lang);

    // The database's done-date trigger (0053) takes the later of its clock and this one as "now".
    await tx.execute(sql`SELECT set_config('gaodi.now', ${now.toISOString()}, true)`);
    await adapter.save(tx, record, {
      stage: to.stage,
      subStage: to.subStage,
      at: now,
      set: prepared.set ?? {},
    });
    const nameOf = (p: StagePosition<S>) => (p.subStage ? (names[p.subStage] ?? p.subStage) : names[p.stage]);
    const text = [`阶段变更：${nameOf(from)} → ${nameOf(to)}`, prepared.detail, input.note]
      .filter(Boolean)
      .join('。');
    await adapter.afterMove?.(tx, ctx, { record, from, to, input, text, at: now });
    await recordUserAction(tx, ctx, now, {
      action: 'stage',
      targetType: adapter.auditType,
      targetId: record.id,
      detail: {
        from: from.stage,
        fromSub: from.subStage,
        to: to.stage,
        toSub: to.subStage,
        ...changeOf(
          { stage: nameOf(from), ...pick(record, Object.keys(prepared.set ?? {})) },
          { stage: nameOf(to), ...(prepared.set ?? {}) },
        ),
      },
    });
    if (adapter.lightsOf) await supervision.refreshItems(tx, adapter.lightsOf, [record.id]);
    return record;
  }

  return { moveStage };
}

/** The record's current values of `keys` (what a move's `set` is about to change). */
function pick(record: object, keys: string[]): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, values[k] ?? null]));
}
