import { z } from 'zod';
import type { Role } from './permissions.ts';

/**
 * One mechanism for every record that moves through stages (recruitment records, needs, projects,
 * service requests, decisions, incubatees…). A pipeline is declared once, here in contracts; the
 * server's one move function and the web's one move dialog both read the declaration, and
 * `checkMove` (pure) is the same check on both sides.
 */

export type Bilingual = { zh: string; en: string };

/** What a move needs besides its target. `field` is the field of the move's input. */
export type Requirement =
  | {
      field: string;
      kind: 'date';
      label: Bilingual;
      /** The date records something done: it may not lie in the future. */
      isNotFuture?: boolean;
    }
  | { field: string; kind: 'file'; label: Bilingual }
  | { field: string; kind: 'text'; label: Bilingual; maxLength: number }
  /** Checked by the module (e.g. "an existing platform or a new one"); the dialog has a widget for it. */
  | { field: string; kind: 'custom'; label: Bilingual };

/** How a stage counts in rules and figures. */
export type StageGroup = 'active' | 'done' | 'stopped';

export type PipelineKey = 'recruitment' | 'need' | 'project' | 'service_request' | 'decision' | 'incubatee';

export type PipelineDefinition<S extends string> = {
  key: PipelineKey;
  /** Every stage: the main line in order, then the side exits. */
  stages: readonly S[];
  /** Side exits (终止, 搁置…), shown apart from the main line. */
  sideExits: readonly S[];
  labels: Record<S, Bilingual>;
  /** Allowed moves, from → targets. Anything else is refused. */
  moves: Record<S, readonly S[]>;
  /** What entering a stage requires. */
  requires: Partial<Record<S, readonly Requirement[]>>;
  /** Only these roles may move a record into the stage (absent: whoever may update the record). */
  roles?: Partial<Record<S, readonly Role[]>>;
  /** Every stage's group: active (in work), done (reached the goal), stopped (left the line). */
  groups: Record<S, StageGroup>;
  /**
   * Record dates that must be in order: each pair [earlier, later] means `later` is on or after
   * `earlier` whenever both are set (e.g. landed on or after signed). Enforced by checkMove, by the
   * server and by a CHECK constraint on the table.
   */
  dateOrder: readonly (readonly [string, string])[];
};

export type Pipeline<S extends string> = PipelineDefinition<S> & {
  /** The zod enum of the stages, for contracts and CHECK constraints. */
  Stage: z.ZodEnum<{ [K in S]: K }>;
  mainLine: readonly S[];
  canMove: (from: S, to: S) => boolean;
  requirementsOf: (to: S) => readonly Requirement[];
  stagesIn: (...groups: StageGroup[]) => S[];
};

/** Declares a pipeline; checks the declaration itself (unknown stages in moves, groups, roles). */
export function definePipeline<const S extends string>(def: PipelineDefinition<S>): Pipeline<S> {
  const known = new Set<string>(def.stages);
  for (const [from, targets] of Object.entries(def.moves) as [S, readonly S[]][]) {
    for (const to of targets) {
      if (!known.has(to)) throw new Error(`pipeline ${def.key}: move ${from} → ${to} to an unknown stage`);
    }
  }
  for (const exit of def.sideExits) {
    if (!known.has(exit)) throw new Error(`pipeline ${def.key}: unknown side exit ${exit}`);
  }
  const mainLine = def.stages.filter((s) => !def.sideExits.includes(s));
  return {
    ...def,
    Stage: z.enum(def.stages as unknown as [S, ...S[]]) as unknown as z.ZodEnum<{ [K in S]: K }>,
    mainLine,
    canMove: (from, to) => def.moves[from]?.includes(to) ?? false,
    requirementsOf: (to) => def.requires[to] ?? [],
    stagesIn: (...groups) => def.stages.filter((s) => groups.includes(def.groups[s])),
  };
}

// ---- custom stages: an office refines a built-in stage ---------------------------------------

/**
 * A stage an office adds (e.g. 尽职调查 between 洽谈 and 签约). It refines one built-in stage: a
 * record in it is in the built-in stage for every rule and figure, and its sub-stage says where
 * inside. Custom stages of one built-in stage are ordered by `position`.
 */
export const CustomStage = z.object({
  code: z.string(),
  refines: z.string(),
  position: z.number().int(),
  label: z.string(),
  description: z.string(),
  /** The region that declared it (an office's own, or its city's or province's). */
  regionCode: z.string(),
});
export type CustomStage = z.infer<typeof CustomStage>;

/** Where a record is: its built-in stage and, maybe, the office's custom stage inside it. */
export type StagePosition<S extends string> = { stage: S; subStage: string | null };

/** The targets offered from a position, built-in and custom, in board order. */
export function movesFrom<S extends string>(
  pipeline: Pipeline<S>,
  custom: readonly CustomStage[],
  from: StagePosition<S>,
): StagePosition<S>[] {
  const own = custom.filter((c) => c.refines === from.stage).sort((a, b) => a.position - b.position);
  const inside = own
    .filter((c) => c.code !== from.subStage)
    .map((c) => ({ stage: from.stage, subStage: c.code }));
  // Leaving a refined stage: to the built-in targets, or straight into their first custom stage.
  const out = pipeline.moves[from.stage].flatMap((to) => [
    { stage: to, subStage: null },
    ...custom
      .filter((c) => c.refines === to)
      .sort((a, b) => a.position - b.position)
      .map((c) => ({ stage: to, subStage: c.code })),
  ]);
  return [...inside, ...out];
}

// ---- the one check, shared by server and web ------------------------------------------------

export type MoveProblem = {
  path: string;
  message: string;
  /** For a refused move: the headline (不能从“X”直接变更为“Y”), the message lists the allowed targets. */
  title?: string;
};

export type MoveCheck<S extends string> = {
  pipeline: Pipeline<S>;
  custom: readonly CustomStage[];
  from: StagePosition<S>;
  to: StagePosition<S>;
  role: Role;
  /** The move's input: requirement fields by name. */
  input: Record<string, unknown>;
  /** The record's current dates (e.g. signedOn), for the order rules. */
  dates: Record<string, string | null | undefined>;
  /** Today in China time, YYYY-MM-DD. */
  today: string;
  /** The office's names of the stages (阶段名称). */
  names: Record<string, string>;
};

/**
 * Every problem with a move, per field: not an allowed move, a role that may not enter the
 * stage, a missing requirement, a date in the future, dates out of order. Empty when fine.
 */
export function checkMove<S extends string>(c: MoveCheck<S>): MoveProblem[] {
  const { pipeline, from, to, names } = c;
  const nameOf = (p: StagePosition<S>) => (p.subStage ? (names[p.subStage] ?? p.subStage) : names[p.stage]);
  const allowed = movesFrom(pipeline, c.custom, from).some(
    (m) => m.stage === to.stage && m.subStage === (to.subStage ?? null),
  );
  if (!allowed) {
    const targets = movesFrom(pipeline, c.custom, from).map(nameOf);
    return [
      {
        path: 'to',
        title: `不能从“${nameOf(from)}”直接变更为“${nameOf(to)}”`,
        message: `允许的去向：${targets.join('、') || '无'}`,
      },
    ];
  }
  const problems: MoveProblem[] = [];
  const roles = pipeline.roles?.[to.stage];
  if (to.stage !== from.stage && roles && !roles.includes(c.role)) {
    problems.push({ path: 'to', message: `您的角色不能将记录变更为“${names[to.stage]}”` });
  }
  if (to.stage === from.stage) return problems; // a move inside a refined stage needs nothing more
  const dates = { ...c.dates };
  for (const req of pipeline.requirementsOf(to.stage)) {
    const value = c.input[req.field];
    const isMissing =
      value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (req.kind === 'custom') continue; // the module checks it
    if (isMissing) {
      problems.push({ path: req.field, message: `${names[to.stage]}须填写${req.label.zh}` });
      continue;
    }
    if (req.kind === 'date' && typeof value === 'string') {
      if (req.isNotFuture && value > c.today) {
        problems.push({ path: req.field, message: `${req.label.zh}不能晚于今天` });
      }
      dates[req.field] = value;
    }
    if (req.kind === 'text' && typeof value === 'string' && value.length > req.maxLength) {
      problems.push({ path: req.field, message: `${req.label.zh}不能超过 ${req.maxLength} 个字` });
    }
  }
  for (const [earlier, later] of pipeline.dateOrder) {
    const a = dates[earlier];
    const b = dates[later];
    if (a && b && b < a && problems.every((p) => p.path !== later)) {
      const label = labelOfField(pipeline, later);
      const earlierLabel = labelOfField(pipeline, earlier);
      problems.push({ path: later, message: `${label}不能早于${earlierLabel}（${a}）` });
    }
  }
  return problems;
}

function labelOfField<S extends string>(pipeline: Pipeline<S>, field: string): string {
  for (const reqs of Object.values(pipeline.requires) as (readonly Requirement[] | undefined)[]) {
    const req = reqs?.find((r) => r.field === field);
    if (req) return req.label.zh;
  }
  return field;
}

/** The input every move sends besides its requirement fields. */
export const StageTarget = z.object({
  /** The office's custom stage inside `to`, or null for the built-in stage itself. */
  subStage: z.string().trim().max(40).nullable().optional(),
});
