import { and, asc, eq } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.table.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { ProjectDeps } from '../projects.deps.ts';

/** Helpers the user may pick (for the assignment form); row-level security keeps them to the user's regions. */
export const listHelpers = ({ db }: Pick<ProjectDeps, 'db'>, ctx: UserContext) =>
  db.transaction(ctx.scope, (tx) =>
    tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(eq(users.role, 'helper'), eq(users.isDisabled, false)))
      .orderBy(asc(users.displayName)),
  );
