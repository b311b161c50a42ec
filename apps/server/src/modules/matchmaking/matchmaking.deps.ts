import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import type { DirectoryService } from '../directory/index.ts';
import type { StageMover } from '../pipelines/index.ts';
import type { MatchIndex } from './match-index.ts';

/**
 * Everything the matchmaking operations use, built once in app.ts. Each operation takes only the
 * part it needs (`Pick<MatchmakingDeps, …>`).
 */
export type MatchmakingDeps = {
  db: Database;
  clock: Clock;
  index: MatchIndex;
  uploads: UploadStore;
  directory: DirectoryService;
  mover: StageMover;
};

/** Runs a write in one transaction, then lets the index catch up at once (the write is committed). */
export async function writeIndexed<T>(
  { db, index }: Pick<MatchmakingDeps, 'db' | 'index'>,
  ctx: UserContext,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const result = await db.transaction(ctx.scope, fn);
  index.changed();
  return result;
}
