import type { PlatformInput } from '@gaodi/contracts';
import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { platforms } from './innovation.table.ts';
import { findPlatform } from './operations/find-platform.ts';
import { insertPlatform } from './operations/insert-platform.ts';
import { toPlatform } from './operations/platform-row.ts';

export type PlatformService = ReturnType<typeof createPlatformService>;

/** Minimal platform registry: what recruitment links an operating institute to. */
export function createPlatformService({ db, clock }: { db: Database; clock: Clock }) {
  const insert = (tx: Tx, ctx: UserContext, input: z.output<typeof PlatformInput>) =>
    insertPlatform({ clock }, tx, ctx, input);

  const listPlatforms = (ctx: UserContext) =>
    db.transaction(ctx.scope, async (tx) =>
      (await tx.select().from(platforms).orderBy(asc(platforms.name))).map(toPlatform),
    );

  const createPlatform = (ctx: UserContext, input: z.output<typeof PlatformInput>) =>
    db.transaction(ctx.scope, (tx) => insert(tx, ctx, input));

  return { insertPlatform: insert, findPlatform, listPlatforms, createPlatform };
}
