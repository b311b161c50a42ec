import {
  type Action,
  ChangePasswordRoute,
  can,
  type LoginInput,
  LoginRoute,
  LogoutRoute,
  type Me,
  MfaConfirmRoute,
  MfaEnrolRoute,
  MfaRecoveryCodesRoute,
  MfaVerifyRoute,
  type PasswordChangeInput,
  type Resource,
  SessionRoute,
  SwitchRegionRoute,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { useNavigate } from 'react-router';
import { call, setCsrfToken } from '../../ui/api.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    // The session route answers anonymous visitors with `me: null` (200), not 401, so the login
    // page loads without a failed request in the console.
    queryFn: async (): Promise<Me | null> => {
      const { me } = await call(SessionRoute, {});
      setCsrfToken(me?.csrfToken ?? null);
      return me;
    },
    staleTime: 60_000,
    retry: false,
  });
}

const SessionContext = createContext<Me | null>(null);

/**
 * Provided by the sign-in gate once the user is loaded. Pages read the user from here rather than
 * from the query, so on sign-out they unmount with the gate instead of rendering without a user.
 */
export const SessionProvider = SessionContext.Provider;

/** The signed-in user inside the authenticated part of the app. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside SessionProvider');
  return me;
}

/** `can(resource, action)` for the signed-in user: the UI hides what the API would refuse. */
export function useCan() {
  const me = useSession();
  return useCallback((resource: Resource, action: Action) => can(me.role, resource, action), [me.role]);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => call(LoginRoute, { body: input, redirectOn401: false }),
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await client.refetchQueries({ queryKey: ME_KEY });
    },
  });
}

/**
 * 退出登录, from the header or a sign-in gate page. Everything happens in the hook's own
 * `onSettled`, which runs however the call ends: callbacks passed to `mutate()` do not run once
 * the calling component has unmounted, and signing out unmounts it. The user is set to nobody
 * before the cache is emptied, so the sign-in gate (observing that query) sees it; `clear()` first
 * would leave the gate watching a dropped query and the page on screen.
 */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => call(LogoutRoute, { redirectOn401: false }),
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData(ME_KEY, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      client.getMutationCache().clear();
      navigate('/login', { replace: true });
    },
  });
}

export function useSwitchRegion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (regionCode: string) => call(SwitchRegionRoute, { body: { regionCode } }),
    // Every list and figure depends on the active region.
    onSuccess: () => client.invalidateQueries(),
  });
}

/** 修改密码: on success the user is reloaded (no longer required to change it). */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => call(ChangePasswordRoute, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** The second sign-in step: a code or a recovery code; on success the user is reloaded. */
export function useVerifyMfa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(MfaVerifyRoute, { body: { code } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** A new secret to scan (kept pending until a code confirms it). */
export function useBeginMfa() {
  return useMutation({ mutationFn: () => call(MfaEnrolRoute, {}) });
}

/** Confirms the secret with a code; answers the ten recovery codes (the user is reloaded later). */
export function useConfirmMfa() {
  return useMutation({ mutationFn: (code: string) => call(MfaConfirmRoute, { body: { code } }) });
}

export function useRenewRecoveryCodes() {
  return useMutation({ mutationFn: () => call(MfaRecoveryCodesRoute, {}) });
}
