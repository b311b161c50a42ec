import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/notifications/notifier.ts';
import type { StageMover } from '../pipelines/index.ts';
import type { SupervisionService } from '../supervision/index.ts';

/**
 * What the projects' operations may use, built once in app.ts (the composition root). Each
 * operation takes the `Pick` of it that it really uses.
 */
export type ProjectDeps = {
  db: Database;
  clock: Clock;
  supervision: SupervisionService;
  notifier: Notifier;
  stageMover: StageMover;
};

/** The supervised item type (and audit target type) of projects. */
export const PROJECT_ITEM = 'project' as const;
