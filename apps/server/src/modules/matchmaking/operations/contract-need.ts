import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { advanceNeed } from './advance-need.ts';

/**
 * Marks a need contracted when a project signed from it (called by the projects module in its
 * own transaction; needs stay written by this module only).
 */
export function contractNeedIn(tx: Tx, ctx: UserContext, clock: Clock, needId: string): Promise<void> {
  return advanceNeed(tx, ctx, clock, needId, 'contracted');
}
