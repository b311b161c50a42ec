import type { IncubateeDetail } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { StageMover } from '../../pipelines/index.ts';
import { type IncubateeMoveInput, incubateeStageAdapter } from '../incubation.pipeline.ts';
import { readIncubatee } from '../incubation.queries.ts';

const adapter = incubateeStageAdapter();

/** Moves up the chain, graduates or exits, through the one stage mover. */
export async function moveIncubatee(
  { mover }: { mover: StageMover },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: IncubateeMoveInput,
): Promise<IncubateeDetail> {
  await mover.moveStage(tx, ctx, adapter, id, input);
  return readIncubatee(tx, ctx, id);
}
