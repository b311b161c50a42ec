import {
  ApproveAccountRequestRoute,
  CreateUserRoute,
  EditUserRoute,
  ListAccountRequestsRoute,
  ListUsersRoute,
  RejectAccountRequestRoute,
  ResetUserPasswordRoute,
  SetUserStateRoute,
} from '@gaodi/contracts';
import { asc, sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { registerRoute } from '../http/route.ts';
import type { AuthService } from './auth.service.ts';
import { users } from './auth.table.ts';
import { decideAccountRequest, listAccountRequests } from './decide-account-request.ts';
import { createUser, editUser, resetUserPassword, setUserState, toSummary } from './user-changes.ts';

type Deps = { auth: AuthService; db: Database; clock: Clock };

/** 200 with the change applied, or 202 with the request that waits for a second administrator. */
function answer<O extends { status: number; body: unknown }>(reply: FastifyReply, outcome: O): O['body'] {
  reply.code(outcome.status);
  return outcome.body;
}

/**
 * User administration under 三员 separation (ACCOUNT_RULES in contracts, enforced again by a trigger
 * in the database). A change the table puts under the two-person rule answers 202 with the pending
 * request; another administrator approves or rejects it under /api/account-requests.
 */
export const usersRoutes: FastifyPluginAsync<Deps> = async (app, { auth, db, clock }) => {
  const deps = { db, clock };

  registerRoute(app, auth, ListUsersRoute, ({ ctx }) =>
    db.transaction(ctx.scope, async (tx) => {
      const withMfa = new Set(
        rowsOf<{ id: string }>(await tx.execute(sql`SELECT gaodi_mfa_enabled_users() AS id`)).map(
          (r) => r.id,
        ),
      );
      return (await tx.select().from(users).orderBy(asc(users.regionCode), asc(users.username))).map((r) =>
        toSummary(r, clock.now(), withMfa.has(r.id)),
      );
    }),
  );

  registerRoute(app, auth, CreateUserRoute, async ({ ctx, body, reply }) =>
    answer(reply, await createUser(deps, ctx, body)),
  );

  registerRoute(app, auth, EditUserRoute, async ({ ctx, params, body, reply }) =>
    answer(reply, await editUser(deps, ctx, params.id, body)),
  );

  registerRoute(app, auth, SetUserStateRoute, async ({ ctx, params, body, reply }) => {
    if (body.isDisabled === undefined && !body.unlock)
      throw new AppError(400, 'VALIDATION', '没有要修改的内容');
    return answer(reply, await setUserState(deps, ctx, params.id, body));
  });

  registerRoute(app, auth, ResetUserPasswordRoute, async ({ ctx, params, reply }) =>
    answer(reply, await resetUserPassword(deps, ctx, params.id)),
  );

  registerRoute(app, auth, ListAccountRequestsRoute, ({ ctx }) => listAccountRequests(db, ctx));

  registerRoute(app, auth, ApproveAccountRequestRoute, ({ ctx, params }) =>
    decideAccountRequest(deps, ctx, params.id, true),
  );
  registerRoute(app, auth, RejectAccountRequestRoute, ({ ctx, params }) =>
    decideAccountRequest(deps, ctx, params.id, false),
  );
};
