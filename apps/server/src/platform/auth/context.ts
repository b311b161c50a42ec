import type { Role } from '@gaodi/contracts';
import type { Scope } from '../db/database.ts';
import type { Lang } from '../i18n/lang.ts';

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  activeRegionCode: string;
  csrfToken: string;
  enterpriseId: string | null;
  instituteId: string | null;
  /** The active region and every region below it. */
  visibleRegions: string[];
  /** An initial or reset password not yet changed: only the password and session endpoints answer. */
  mustChangePassword: boolean;
  /** The second sign-in step still owed ('code' or 'enrol'), or null once passed or not needed. */
  mfa: 'code' | 'enrol' | null;
  mfaEnabled: boolean;
  /** Set when a machine calls with an API key (api-keys/): the key's name is the username. */
  apiKey?: ApiKeyIdentity;
};

/** The key behind a machine's call: its permissions narrow its role's, its rate limit is per minute. */
export type ApiKeyIdentity = {
  id: string;
  name: string;
  permissions: ReadonlySet<string>;
  rateLimitPerMinute: number;
};

/** Who is asking and from where: what every service call receives. */
export type RequestContext = {
  user: SessionUser | null;
  sessionId: string | null;
  scope: Scope;
  clientAddress: string;
  lang: Lang;
};

export const anonymousScope: Scope = { userId: null, role: 'anonymous', regionCodes: [] };

export function scopeOf(user: SessionUser | null): Scope {
  if (!user) return anonymousScope;
  return {
    userId: user.id,
    role: user.role,
    regionCodes: user.visibleRegions,
    enterpriseId: user.enterpriseId,
    instituteId: user.instituteId,
  };
}

/** A signed-in context, for code that has already passed the permission guard. */
export type UserContext = RequestContext & { user: SessionUser };
