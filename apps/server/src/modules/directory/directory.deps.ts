import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';

/** What the directory's operations use; each takes only its part (`Pick<DirectoryDeps, …>`). */
export type DirectoryDeps = { db: Database; clock: Clock };
