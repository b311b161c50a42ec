import {
  IdParams,
  PasswordResetResult,
  UserCreateInput,
  UserSummary,
  UserUpdateInput,
} from '@gaodi/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import { AppError, notFound } from '../http/errors.ts';
import { guard, userCtx } from './auth.plugin.ts';
import type { AuthService } from './auth.service.ts';
import { users } from './auth.table.ts';
import { hashPassword } from './password.ts';
import { passwordProblems } from './password-policy.ts';
import { resetPassword } from './reset-password.ts';

type Deps = { auth: AuthService; db: Database; clock: Clock };

/** User administration: the system admin creates accounts; the security admin disables and unlocks them. */
export const usersRoutes: FastifyPluginAsyncZod<Deps> = async (app, { auth, db, clock }) => {
  const tags = ['users'];
  const toSummary = (r: typeof users.$inferSelect): UserSummary => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role as UserSummary['role'],
    regionCode: r.regionCode,
    phone: r.phone,
    isDisabled: r.isDisabled,
    isLocked: r.lockedUntil !== null && r.lockedUntil > clock.now(),
    mustChangePassword: r.mustChangePassword,
  });

  app.get(
    '/api/users',
    {
      schema: { tags, summary: '用户列表', response: { 200: z.array(UserSummary) } },
      preHandler: guard(auth, 'user', 'read'),
    },
    async (request) =>
      db.transaction(request.ctx.scope, async (tx) =>
        (await tx.select().from(users).orderBy(asc(users.regionCode), asc(users.username))).map(toSummary),
      ),
  );

  app.post(
    '/api/users',
    {
      schema: { tags, summary: '新增用户', body: UserCreateInput, response: { 200: UserSummary } },
      preHandler: guard(auth, 'user', 'create'),
    },
    async (request) => {
      const ctx = userCtx(request);
      const { password, ...rest } = request.body;
      const problems = await passwordProblems({ password, username: rest.username, previousHashes: [] });
      if (problems.length > 0)
        throw new AppError(
          400,
          'VALIDATION',
          problems[0] ?? '',
          problems.map((message) => ({ path: 'password', message })),
        );
      const passwordHash = await hashPassword(password);
      return db.transaction(ctx.scope, async (tx) => {
        const visible = rowsOf<{ ok: boolean }>(
          await tx.execute(
            sql`SELECT ${rest.regionCode} = ANY (gaodi_region_subtree(${ctx.user.activeRegionCode})) AS ok`,
          ),
        )[0]?.ok;
        if (!visible)
          throw new AppError(400, 'VALIDATION', '区域超出管理范围', [
            { path: 'regionCode', message: '只能在本级及下级区域创建用户' },
          ]);
        // The bound organisation must exist in the user's own region. Raw SQL by table name: the
        // platform does not import the directory module that owns these tables.
        const org = rest.enterpriseId
          ? {
              path: 'enterpriseId',
              row: sql`SELECT region_code FROM enterprises WHERE id = ${rest.enterpriseId} AND deleted_at IS NULL`,
            }
          : rest.instituteId
            ? {
                path: 'instituteId',
                row: sql`SELECT region_code FROM institutes WHERE id = ${rest.instituteId} AND deleted_at IS NULL`,
              }
            : null;
        if (org) {
          const found = rowsOf<{ region_code: string }>(await tx.execute(org.row))[0];
          if (found?.region_code !== rest.regionCode)
            throw new AppError(400, 'VALIDATION', '所属单位不存在或不在该区域', [
              { path: org.path, message: '所属单位不存在或不在所选区域' },
            ]);
        }
        const [row] = await tx
          .insert(users)
          .values({ ...rest, passwordHash, passwordHistory: [passwordHash], mustChangePassword: true })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        await recordAudit(tx, {
          regionCode: row.regionCode,
          at: clock.now(),
          actorId: ctx.user.id,
          actorName: ctx.user.username,
          action: 'create',
          targetType: 'user',
          targetId: row.id,
          result: 'ok',
          clientAddress: ctx.clientAddress,
        });
        return toSummary(row);
      });
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
        response: { 200: UserSummary },
      },
      preHandler: guard(auth, 'user', 'update'),
    },
    async (request) => {
      const ctx = userCtx(request);
      return db.transaction(ctx.scope, async (tx) => {
        const patch: Partial<typeof users.$inferInsert> = {};
        if (request.body.isDisabled !== undefined) patch.isDisabled = request.body.isDisabled;
        if (request.body.unlock) {
          patch.lockedUntil = null;
          patch.failedLogins = 0;
        }
        if (Object.keys(patch).length === 0) throw new AppError(400, 'VALIDATION', '没有要修改的内容');
        // Sessions of a disabled user end at once: a trigger on users deletes them in this transaction.
        const [row] = await tx.update(users).set(patch).where(eq(users.id, request.params.id)).returning();
        if (!row) throw notFound(ctx.lang);
        await recordAudit(tx, {
          regionCode: row.regionCode,
          at: clock.now(),
          actorId: ctx.user.id,
          actorName: ctx.user.username,
          action:
            request.body.isDisabled === true
              ? 'disable'
              : request.body.isDisabled === false
                ? 'enable'
                : 'unlock',
          targetType: 'user',
          targetId: row.id,
          result: 'ok',
          clientAddress: ctx.clientAddress,
        });
        return toSummary(row);
      });
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: '重置用户密码（一次性密码，下次登录须修改）',
        params: IdParams,
        response: { 200: PasswordResetResult },
      },
      preHandler: guard(auth, 'user', 'update'),
    },
    async (request) => resetPassword({ db, clock }, userCtx(request), request.params.id),
  );
};
