import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/notifications/notifier.ts';
import type { SupervisedItemProvider } from './supervision.provider.ts';

/**
 * What supervision's operations may use, given once in app.ts: every module whose items get lights
 * registers its provider there. Each operation takes the `Pick` of it that it really uses.
 */
export type SupervisionDeps = {
  db: Database;
  clock: Clock;
  notifier: Notifier;
  providers: readonly SupervisedItemProvider[];
};
