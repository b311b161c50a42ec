import { z } from 'zod';
import { RegionCode, text } from './common.contract.ts';
import { AccountAction, Role } from './permissions.ts';

/** How many of the four character classes (lower, upper, digit, other) a password uses. */
export function passwordClassCount(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
}

/**
 * A new password: at least 10 characters from three of the four classes. The server also refuses
 * one that contains the username, is common or published, or was one of the user's last five.
 */
export const NewPassword = z
  .string()
  .min(10, '密码至少 10 位')
  .max(128)
  .refine((p) => passwordClassCount(p) >= 3, '密码须包含大写字母、小写字母、数字、符号中的至少三类');

export const PasswordChangeInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

/** An administrator's password reset: a one-time password shown once, to be changed at next sign-in. */
export const PasswordResetResult = z.object({ temporaryPassword: z.string() });
export type PasswordResetResult = z.infer<typeof PasswordResetResult>;

export const LoginInput = z.object({
  username: text(64),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(['province', 'city', 'county']),
});
export type Region = z.infer<typeof Region>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  regionCode: z.string(),
  activeRegionCode: z.string(),
  /** Regions the user may switch to: their own and every region below it. */
  regions: z.array(Region),
  enterpriseId: z.uuid().nullable(),
  instituteId: z.uuid().nullable(),
  /** Send back as `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
  /** An initial or reset password: the API refuses everything but changing it (PASSWORD_CHANGE_REQUIRED). */
  mustChangePassword: z.boolean(),
  /**
   * The second sign-in step still owed: 'code' (enter the authenticator's code or a recovery code)
   * or 'enrol' (set up two-step sign-in first; required for MFA_REQUIRED_ROLES). Until it is done
   * the API answers only the MFA endpoints (403 MFA_REQUIRED / MFA_ENROLMENT_REQUIRED).
   */
  mfa: z.enum(['code', 'enrol']).nullable(),
  mfaEnabled: z.boolean(),
  /** Whether the role must use two-step sign-in. */
  mfaRequired: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SwitchRegionInput = z.object({ regionCode: RegionCode });
export type SwitchRegionInput = z.infer<typeof SwitchRegionInput>;

export const AuditEntry = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** The record's name today (null when the object has no name or is gone). */
  targetName: z.string().nullable().default(null),
  /** Where the record lives in the app (null when it has no page). */
  targetHref: z.string().nullable().default(null),
  result: z.enum(['ok', 'denied', 'failed']),
  clientAddress: z.string().nullable(),
  /** What the row records beyond who and what: before/after values of a change, a repeat count… */
  detail: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  /** The kind of object (need, project, user…) and, optionally, one object. */
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const UserSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  regionCode: z.string(),
  phone: z.string().nullable(),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Two-step sign-in set up (shown to the system and security admins). */
  mfaEnabled: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserCreateInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9_.-]{3,32}$/, '用户名为 3–32 位小写字母、数字或 _ . -'),
    displayName: text(40),
    role: Role,
    regionCode: RegionCode,
    phone: z.string().trim().max(20).nullable().default(null),
    /** The initial password; the user must change it at first sign-in. */
    password: NewPassword,
    enterpriseId: z.uuid().nullable().default(null),
    instituteId: z.uuid().nullable().default(null),
  })
  .superRefine((u, ctx) => {
    // An enterprise user is bound to one enterprise, an institute partner to one institute; nobody else is.
    const need = (field: 'enterpriseId' | 'instituteId', isNeeded: boolean, message: string) => {
      if (isNeeded !== (u[field] !== null)) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    need(
      'enterpriseId',
      u.role === 'enterprise',
      u.role === 'enterprise' ? '企业用户须绑定所属企业' : '只有企业用户绑定企业',
    );
    need(
      'instituteId',
      u.role === 'institute',
      u.role === 'institute' ? '院所联络人须绑定所属院所' : '只有院所联络人绑定院所',
    );
  });
export type UserCreateInput = z.input<typeof UserCreateInput>;

export const UserUpdateInput = z.object({
  isDisabled: z.boolean().optional(),
  /** Clears a login lock. */
  unlock: z.literal(true).optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

/** 编辑: what an administrator may change on an account (role and region within the 三员 table and their scope). */
export const UserEditInput = z
  .object({
    displayName: text(40).optional(),
    phone: z.string().trim().max(20).nullable().optional(),
    role: Role.optional(),
    regionCode: RegionCode.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), '没有要修改的内容');
export type UserEditInput = z.infer<typeof UserEditInput>;

/**
 * A change to an administrator account waiting for a second administrator (two-person rule). The
 * API answers 202 with it instead of applying the change.
 */
export const AccountRequest = z.object({
  id: z.uuid(),
  action: AccountAction,
  targetUserId: z.uuid().nullable(),
  targetUsername: z.string(),
  targetRole: Role,
  regionCode: z.string(),
  /** The fields to change or the new account (never a password). */
  changes: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
  requestedByName: z.string(),
  requestedAt: z.string(),
  approverRole: Role,
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type AccountRequest = z.infer<typeof AccountRequest>;

/** Approving a reset of an administrator's password shows its one-time password to the approver. */
export const AccountRequestDecision = z.object({
  request: AccountRequest,
  temporaryPassword: z.string().nullable(),
});
export type AccountRequestDecision = z.infer<typeof AccountRequestDecision>;

/** A code from the authenticator app (6 digits) or a recovery code (xxxxx-xxxxx). */
export const MfaCodeInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, '请输入验证码')
    .max(20)
    .regex(/^(\d{6}|[a-z2-7]{5}-?[a-z2-7]{5})$/i, '验证码为 6 位数字，或 10 位恢复码'),
});
export type MfaCodeInput = z.infer<typeof MfaCodeInput>;

/** A new secret to add to an authenticator app: the otpauth:// URI (shown as a QR code) and the key. */
export const MfaEnrolment = z.object({ secret: z.string(), otpauthUri: z.string() });
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

/** Ten one-time recovery codes, shown once. */
export const MfaRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type MfaRecoveryCodes = z.infer<typeof MfaRecoveryCodes>;
