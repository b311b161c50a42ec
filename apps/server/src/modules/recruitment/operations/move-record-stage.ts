import type { StageMoveInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { recruitmentStageAdapter } from '../recruitment.pipeline.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision' | 'stageMover'>;

/**
 * Moves a record to another stage (or a custom stage inside one) through the one stage mover; the
 * move writes its ledger entry, its audit row and refreshes the record's light.
 */
export const moveRecordStage = (
  deps: Deps,
  ctx: UserContext,
  id: string,
  input: z.output<typeof StageMoveInput>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    await deps.stageMover.moveStage(tx, ctx, recruitmentStageAdapter(deps), id, input);
    return readRecordIn(tx, deps, ctx, id);
  });
