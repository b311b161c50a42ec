import type { AccountRequest, Role, UserCreateInput, UserEditInput, UserSummary } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import { changeOf, recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf, type Tx } from '../db/database.ts';
import { AppError, notFound } from '../http/errors.ts';
import { fileAccountRequest, planAccountChange, type Target } from './account-admin.ts';
import { users } from './auth.table.ts';
import type { UserContext } from './context.ts';
import { hashPassword } from './password.ts';
import { passwordProblems } from './password-policy.ts';
import { applyPasswordReset } from './reset-password.ts';

type Deps = { db: Database; clock: Clock };
type UserRow = typeof users.$inferSelect;
/** Applied at once (200) or waiting for a second administrator (202). */
export type Outcome<T> = { status: 200; body: T } | { status: 202; body: AccountRequest };

export function toSummary(r: UserRow, now: Date, mfaEnabled = false): UserSummary {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role as Role,
    regionCode: r.regionCode,
    phone: r.phone,
    isDisabled: r.isDisabled,
    isLocked: r.lockedUntil !== null && r.lockedUntil > now,
    mustChangePassword: r.mustChangePassword,
    mfaEnabled,
  };
}

const BOUND_ROLES = new Set<string>(['enterprise', 'institute']);

async function findTarget(tx: Tx, ctx: UserContext, id: string): Promise<UserRow & Target> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound(ctx.lang);
  return row;
}

async function audit(
  tx: Tx,
  ctx: UserContext,
  at: Date,
  row: { id: string; regionCode: string },
  action: string,
  detail?: unknown,
) {
  await recordAudit(tx, {
    regionCode: row.regionCode,
    at,
    actorId: ctx.user.id,
    actorName: ctx.user.username,
    action,
    targetType: 'user',
    targetId: row.id,
    result: 'ok',
    clientAddress: ctx.clientAddress,
    detail,
  });
}

async function checkRegionInScope(tx: Tx, ctx: UserContext, regionCode: string) {
  const visible = rowsOf<{ ok: boolean }>(
    await tx.execute(
      sql`SELECT ${regionCode} = ANY (gaodi_region_subtree(${ctx.user.activeRegionCode})) AS ok`,
    ),
  )[0]?.ok;
  if (!visible)
    throw new AppError(400, 'VALIDATION', '区域超出管理范围', [
      { path: 'regionCode', message: '只能在本级及下级区域创建用户' },
    ]);
}

/** The bound organisation must exist in the user's own region (raw SQL: platform does not import the directory). */
async function checkOrganisation(
  tx: Tx,
  input: { regionCode: string; enterpriseId: string | null; instituteId: string | null },
) {
  const org = input.enterpriseId
    ? {
        path: 'enterpriseId',
        row: sql`SELECT region_code FROM enterprises WHERE id = ${input.enterpriseId} AND deleted_at IS NULL`,
      }
    : input.instituteId
      ? {
          path: 'instituteId',
          row: sql`SELECT region_code FROM institutes WHERE id = ${input.instituteId} AND deleted_at IS NULL`,
        }
      : null;
  if (!org) return;
  const found = rowsOf<{ region_code: string }>(await tx.execute(org.row))[0];
  if (found?.region_code !== input.regionCode)
    throw new AppError(400, 'VALIDATION', '所属单位不存在或不在该区域', [
      { path: org.path, message: '所属单位不存在或不在所选区域' },
    ]);
}

export type NewAccount = Omit<UserCreateInput, 'password'> & { passwordHash: string };

/** Inserts an account whose initial password must be changed at first sign-in. */
export async function applyCreate(tx: Tx, account: NewAccount): Promise<UserRow> {
  const [row] = await tx
    .insert(users)
    .values({
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      regionCode: account.regionCode,
      phone: account.phone ?? null,
      enterpriseId: account.enterpriseId ?? null,
      instituteId: account.instituteId ?? null,
      passwordHash: account.passwordHash,
      passwordHistory: [account.passwordHash],
      mustChangePassword: true,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function applyEdit(tx: Tx, id: string, edit: UserEditInput): Promise<UserRow | undefined> {
  const [row] = await tx.update(users).set(edit).where(eq(users.id, id)).returning();
  return row;
}

export async function applyState(tx: Tx, id: string, isDisabled: boolean): Promise<UserRow | undefined> {
  // Sessions of a disabled user end at once: a trigger on users deletes them in this transaction.
  const [row] = await tx.update(users).set({ isDisabled }).where(eq(users.id, id)).returning();
  return row;
}

/** 新增用户: business roles at once; an administrator account only with a second administrator. */
export async function createUser(
  { db, clock }: Deps,
  ctx: UserContext,
  input: UserCreateInput,
): Promise<Outcome<UserSummary>> {
  const { password, ...rest } = input;
  const problems = await passwordProblems({ password, username: rest.username, previousHashes: [] });
  if (problems.length > 0)
    throw new AppError(
      400,
      'VALIDATION',
      problems[0] ?? '',
      problems.map((message) => ({ path: 'password', message })),
    );
  const account: NewAccount = { ...rest, passwordHash: await hashPassword(password) };
  return db.transaction(ctx.scope, async (tx) => {
    await checkRegionInScope(tx, ctx, rest.regionCode);
    await checkOrganisation(tx, {
      regionCode: rest.regionCode,
      enterpriseId: rest.enterpriseId ?? null,
      instituteId: rest.instituteId ?? null,
    });
    const plan = await planAccountChange(tx, ctx, { action: 'create', roles: [rest.role], target: null });
    const now = clock.now();
    if (plan.kind === 'two_person') {
      const taken = rowsOf(await tx.execute(sql`SELECT 1 FROM gaodi_auth_find_user(${rest.username})`));
      if (taken.length > 0) throw new AppError(409, 'CONFLICT', '用户名已存在');
      const request = await fileAccountRequest(tx, ctx, now, {
        action: 'create',
        approver: plan.approver,
        target: { id: null, username: rest.username, role: rest.role, regionCode: rest.regionCode },
        payload: {
          ...account,
          phone: account.phone ?? null,
          enterpriseId: account.enterpriseId ?? null,
          instituteId: account.instituteId ?? null,
        },
      });
      return { status: 202, body: request };
    }
    const row = await applyCreate(tx, account);
    await audit(tx, ctx, now, row, 'create', { role: row.role, bootstrap: plan.bootstrap || undefined });
    return { status: 200, body: toSummary(row, now) };
  });
}

/** 编辑: name, phone, role, region; a change to or from an administrator role needs a second administrator. */
export async function editUser(
  { db, clock }: Deps,
  ctx: UserContext,
  id: string,
  edit: UserEditInput,
): Promise<Outcome<UserSummary>> {
  return db.transaction(ctx.scope, async (tx) => {
    const target = await findTarget(tx, ctx, id);
    const newRole = edit.role;
    if (newRole && newRole !== target.role && (BOUND_ROLES.has(newRole) || BOUND_ROLES.has(target.role)))
      throw new AppError(400, 'VALIDATION', '企业用户和院所联络人的角色不能修改', [
        { path: 'role', message: '企业用户和院所联络人的角色不能修改' },
      ]);
    if (edit.regionCode && edit.regionCode !== target.regionCode) {
      if (BOUND_ROLES.has(target.role))
        throw new AppError(400, 'VALIDATION', '企业用户和院所联络人的区域随所属单位', [
          { path: 'regionCode', message: '企业用户和院所联络人的区域随所属单位' },
        ]);
      await checkRegionInScope(tx, ctx, edit.regionCode);
    }
    const roles = [...new Set([target.role as Role, ...(newRole ? [newRole] : [])])];
    const plan = await planAccountChange(tx, ctx, { action: 'update', roles, target, newRole });
    const now = clock.now();
    if (plan.kind === 'two_person') {
      const request = await fileAccountRequest(tx, ctx, now, {
        action: 'update',
        approver: plan.approver,
        target: {
          id: target.id,
          username: target.username,
          role: target.role as Role,
          regionCode: target.regionCode,
        },
        payload: { ...edit },
      });
      return { status: 202, body: request };
    }
    const before = {
      displayName: target.displayName,
      phone: target.phone,
      role: target.role,
      regionCode: target.regionCode,
    };
    const row = await applyEdit(tx, target.id, edit);
    if (!row) throw notFound(ctx.lang);
    await audit(tx, ctx, now, row, 'update', {
      ...changeOf(before, { ...before, ...edit }),
      bootstrap: plan.bootstrap || undefined,
    });
    return { status: 200, body: toSummary(row, now) };
  });
}

/** 停用 / 启用 / 解锁 by the 三员 table; disabling an administrator needs a second administrator. */
export async function setUserState(
  { db, clock }: Deps,
  ctx: UserContext,
  id: string,
  change: { isDisabled?: boolean; unlock?: true },
): Promise<Outcome<UserSummary>> {
  return db.transaction(ctx.scope, async (tx) => {
    const target = await findTarget(tx, ctx, id);
    const now = clock.now();
    if (change.unlock) {
      await planAccountChange(tx, ctx, { action: 'unlock', roles: [target.role as Role], target });
      const ok = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`SELECT gaodi_auth_unlock(${target.id}) AS ok`),
      )[0]?.ok;
      if (!ok) throw new AppError(403, 'FORBIDDEN', '三员分立：无权管理该角色的账号');
      await audit(tx, ctx, now, target, 'unlock');
    }
    let row: UserRow | undefined = target;
    if (change.isDisabled !== undefined && change.isDisabled !== target.isDisabled) {
      const action = change.isDisabled ? 'disable' : 'enable';
      const plan = await planAccountChange(tx, ctx, { action, roles: [target.role as Role], target });
      if (plan.kind === 'two_person') {
        const request = await fileAccountRequest(tx, ctx, now, {
          action,
          approver: plan.approver,
          target: {
            id: target.id,
            username: target.username,
            role: target.role as Role,
            regionCode: target.regionCode,
          },
          payload: { isDisabled: change.isDisabled },
        });
        return { status: 202, body: request };
      }
      row = await applyState(tx, target.id, change.isDisabled);
      await audit(tx, ctx, now, target, action, { bootstrap: plan.bootstrap || undefined });
    }
    const [fresh] = await tx
      .select()
      .from(users)
      .where(eq(users.id, row?.id ?? target.id));
    return { status: 200, body: toSummary(fresh ?? target, now) };
  });
}

/** 重置密码: a one-time password shown once; for an administrator, once a second administrator approves. */
export async function resetUserPassword(
  { db, clock }: Deps,
  ctx: UserContext,
  id: string,
): Promise<Outcome<{ temporaryPassword: string }>> {
  return db.transaction(ctx.scope, async (tx) => {
    const target = await findTarget(tx, ctx, id);
    const plan = await planAccountChange(tx, ctx, {
      action: 'reset_password',
      roles: [target.role as Role],
      target,
    });
    const now = clock.now();
    if (plan.kind === 'two_person') {
      const request = await fileAccountRequest(tx, ctx, now, {
        action: 'reset_password',
        approver: plan.approver,
        target: {
          id: target.id,
          username: target.username,
          role: target.role as Role,
          regionCode: target.regionCode,
        },
        payload: {},
      });
      return { status: 202, body: request };
    }
    const temporaryPassword = await applyPasswordReset(tx, target.id);
    if (!temporaryPassword) throw notFound(ctx.lang);
    await audit(tx, ctx, now, target, 'reset_password', { bootstrap: plan.bootstrap || undefined });
    return { status: 200, body: { temporaryPassword } };
  });
}
