import { MfaCodeInput, MfaEnrolment, MfaRecoveryCodes } from './auth.contract.ts';
import { IdParams, Ok } from './common.contract.ts';
import { defineRoute } from './route.ts';

/** Two-step sign-in (platform/auth/mfa/mfa.routes.ts). */

export const MfaVerifyRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/mfa/verify',
  summary: '两步验证：输入验证码或恢复码',
  tags: ['auth'],
  access: 'signed-in',
  body: MfaCodeInput,
  response: Ok,
});
export const MfaEnrolRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/mfa/enrol',
  summary: '设置两步验证：生成密钥（二维码）',
  tags: ['auth'],
  access: 'signed-in',
  response: MfaEnrolment,
});
export const MfaConfirmRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/mfa/enrol/confirm',
  summary: '设置两步验证：输入应用显示的验证码确认，得到恢复码',
  tags: ['auth'],
  access: 'signed-in',
  body: MfaCodeInput,
  response: MfaRecoveryCodes,
});
export const MfaRecoveryCodesRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/mfa/recovery-codes',
  summary: '重新生成恢复码（旧码作废）',
  tags: ['auth'],
  access: 'signed-in',
  response: MfaRecoveryCodes,
});
export const ResetUserMfaRoute = defineRoute({
  method: 'POST',
  path: '/api/users/:id/mfa-reset',
  summary: '重置用户的两步验证（安全管理员）',
  tags: ['users'],
  access: { resource: 'user_mfa', action: 'update' },
  params: IdParams,
  response: Ok,
});
