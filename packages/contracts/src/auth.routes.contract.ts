import { z } from 'zod';
import {
  AccountRequest,
  AccountRequestDecision,
  LoginInput,
  Me,
  PasswordChangeInput,
  PasswordResetResult,
  SwitchRegionInput,
  UserCreateInput,
  UserEditInput,
  UserSummary,
  UserUpdateInput,
} from './auth.contract.ts';
import { IdParams, Ok } from './common.contract.ts';
import { defineRoute } from './route.ts';

/** Sign-in, the session and one's own password (platform/auth/auth.routes.ts). */

export const LoginRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/login',
  summary: '登录',
  tags: ['auth'],
  access: 'public',
  body: LoginInput,
  response: Ok,
});
export const LogoutRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/logout',
  summary: '退出登录',
  tags: ['auth'],
  access: 'public',
  response: Ok,
});
export const MeRoute = defineRoute({
  method: 'GET',
  path: '/api/auth/me',
  summary: '当前用户',
  tags: ['auth'],
  access: 'signed-in',
  response: Me,
});
/**
 * Who is signed in, for pages that serve both (the login page, the sign-in gate): anonymous is a
 * normal answer here (`{ me: null }`, 200), so a fresh login page logs no failed request.
 */
export const SessionRoute = defineRoute({
  method: 'GET',
  path: '/api/auth/session',
  summary: '当前会话（未登录时为空）',
  tags: ['auth'],
  access: 'public',
  response: z.object({ me: Me.nullable() }),
});
export const ChangePasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/password',
  summary: '修改密码',
  tags: ['auth'],
  access: 'signed-in',
  body: PasswordChangeInput,
  response: Ok,
});
export const SwitchRegionRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/region',
  summary: '切换当前区域',
  tags: ['auth'],
  access: 'signed-in',
  body: SwitchRegionInput,
  response: Ok,
});

/**
 * User administration under 三员 separation (platform/auth/users.routes.ts). A change under the
 * two-person rule answers 202 with the pending request (`accepted`).
 */

export const ListUsersRoute = defineRoute({
  method: 'GET',
  path: '/api/users',
  summary: '用户列表',
  tags: ['users'],
  access: { resource: 'user', action: 'read' },
  response: z.array(UserSummary),
});
export const CreateUserRoute = defineRoute({
  method: 'POST',
  path: '/api/users',
  summary: '新增用户（管理员账号须另一名管理员批准）',
  tags: ['users'],
  access: { resource: 'user', action: 'create' },
  body: UserCreateInput,
  response: UserSummary,
  accepted: AccountRequest,
});
export const EditUserRoute = defineRoute({
  method: 'PUT',
  path: '/api/users/:id',
  summary: '编辑用户（姓名、手机号、角色、区域）',
  tags: ['users'],
  access: { resource: 'user', action: 'update' },
  params: IdParams,
  body: UserEditInput,
  response: UserSummary,
  accepted: AccountRequest,
});
export const SetUserStateRoute = defineRoute({
  method: 'PATCH',
  path: '/api/users/:id',
  summary: '停用、启用或解锁用户',
  tags: ['users'],
  access: { resource: 'user', action: 'update' },
  params: IdParams,
  body: UserUpdateInput,
  response: UserSummary,
  accepted: AccountRequest,
});
export const ResetUserPasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/users/:id/password-reset',
  summary: '重置用户密码（一次性密码，下次登录须修改）',
  tags: ['users'],
  access: { resource: 'user', action: 'update' },
  params: IdParams,
  response: PasswordResetResult,
  accepted: AccountRequest,
});
export const ListAccountRequestsRoute = defineRoute({
  method: 'GET',
  path: '/api/account-requests',
  summary: '待审批的管理员账号变更（双人审批）',
  tags: ['users'],
  access: { resource: 'user', action: 'read' },
  response: z.array(AccountRequest),
});
export const ApproveAccountRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/account-requests/:id/approve',
  summary: '批准管理员账号变更',
  tags: ['users'],
  access: { resource: 'user', action: 'update' },
  params: IdParams,
  response: AccountRequestDecision,
});
export const RejectAccountRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/account-requests/:id/reject',
  summary: '驳回管理员账号变更',
  tags: ['users'],
  access: { resource: 'user', action: 'update' },
  params: IdParams,
  response: AccountRequestDecision,
});
