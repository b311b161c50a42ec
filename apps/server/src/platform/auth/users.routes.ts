import {
  AccountRequest,
  AccountRequestDecision,
  IdParams,
  PasswordResetResult,
  UserCreateInput,
  UserEditInput,
  UserSummary,
  UserUpdateInput,
} from '@gaodi/contracts';
import { asc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { guard, userCtx } from './auth.plugin.ts';
import type { AuthService } from './auth.service.ts';
import { users } from './auth.table.ts';
import { decideAccountRequest, listAccountRequests } from './decide-account-request.ts';
import { createUser, editUser, resetUserPassword, setUserState, toSummary } from './user-changes.ts';

type Deps = { auth: AuthService; db: Database; clock: Clock };

/**
 * User administration under 三员 separation (ACCOUNT_RULES in contracts, enforced again by a trigger
 * in the database). A change the table puts under the two-person rule answers 202 with the pending
 * request; another administrator approves or rejects it under /api/account-requests.
 */
export const usersRoutes: FastifyPluginAsyncZod<Deps> = async (app, { auth, db, clock }) => {
  const tags = ['users'];
  const deps = { db, clock };

  app.get(
    '/api/users',
    {
      schema: { tags, summary: '用户列表', response: { 200: z.array(UserSummary) } },
      preHandler: guard(auth, 'user', 'read'),
    },
    async (request) =>
      db.transaction(request.ctx.scope, async (tx) =>
        (await tx.select().from(users).orderBy(asc(users.regionCode), asc(users.username))).map((r) =>
          toSummary(r, clock.now()),
        ),
      ),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '新增用户（管理员账号须另一名管理员批准）',
        body: UserCreateInput,
        response: { 200: UserSummary, 202: AccountRequest },
      },
      preHandler: guard(auth, 'user', 'create'),
    },
    async (request, reply) => {
      const outcome = await createUser(deps, userCtx(request), request.body);
      return reply.code(outcome.status).send(outcome.body);
    },
  );

  app.put(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '编辑用户（姓名、手机号、角色、区域）',
        params: IdParams,
        body: UserEditInput,
        response: { 200: UserSummary, 202: AccountRequest },
      },
      preHandler: guard(auth, 'user', 'update'),
    },
    async (request, reply) => {
      const outcome = await editUser(deps, userCtx(request), request.params.id, request.body);
      return reply.code(outcome.status).send(outcome.body);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '停用、启用或解锁用户',
        params: IdParams,
        body: UserUpdateInput,
        response: { 200: UserSummary, 202: AccountRequest },
      },
      preHandler: guard(auth, 'user', 'update'),
    },
    async (request, reply) => {
      if (request.body.isDisabled === undefined && !request.body.unlock)
        throw new AppError(400, 'VALIDATION', '没有要修改的内容');
      const outcome = await setUserState(deps, userCtx(request), request.params.id, request.body);
      return reply.code(outcome.status).send(outcome.body);
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: '重置用户密码（一次性密码，下次登录须修改）',
        params: IdParams,
        response: { 200: PasswordResetResult, 202: AccountRequest },
      },
      preHandler: guard(auth, 'user', 'update'),
    },
    async (request, reply) => {
      const outcome = await resetUserPassword(deps, userCtx(request), request.params.id);
      return reply.code(outcome.status).send(outcome.body);
    },
  );

  app.get(
    '/api/account-requests',
    {
      schema: {
        tags,
        summary: '待审批的管理员账号变更（双人审批）',
        response: { 200: z.array(AccountRequest) },
      },
      preHandler: guard(auth, 'user', 'read'),
    },
    async (request) => listAccountRequests(db, userCtx(request)),
  );

  for (const [verb, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/api/account-requests/:id/${verb}`,
      {
        schema: {
          tags,
          summary: approve ? '批准管理员账号变更' : '驳回管理员账号变更',
          params: IdParams,
          response: { 200: AccountRequestDecision },
        },
        preHandler: guard(auth, 'user', 'update'),
      },
      async (request) => decideAccountRequest(deps, userCtx(request), request.params.id, approve),
    );
  }
};
