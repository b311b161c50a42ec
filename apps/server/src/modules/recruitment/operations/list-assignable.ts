import { and, asc, eq, inArray } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.table.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';

/** The people of the region who can own or serve on a record (for the forms). */
export const listAssignable = ({ db }: Pick<RecruitmentDeps, 'db'>, ctx: UserContext) =>
  db.transaction(ctx.scope, (tx) =>
    tx
      .select({ id: users.id, name: users.displayName, role: users.role })
      .from(users)
      .where(
        and(
          inArray(users.role, ['staff', 'taskforce_lead', 'helper', 'leader']),
          eq(users.isDisabled, false),
        ),
      )
      .orderBy(asc(users.displayName)),
  );
