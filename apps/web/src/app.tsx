import { MutationCache, QueryClient, QueryClientProvider, replaceEqualDeep } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Flex, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, Suspense, useEffect, useMemo } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { AuditRoute, useAuditNav } from './modules/audit/audit-routes.tsx';
import { LoginPage } from './modules/auth/login-page.tsx';
import { ForcedMfaEnrolPage, MfaCodePage } from './modules/auth/mfa-pages.tsx';
import { ForcedPasswordPage } from './modules/auth/password-page.tsx';
import { SessionHeader } from './modules/auth/session-header.tsx';
import { ME_KEY, SessionProvider, useMe } from './modules/auth/use-session.ts';
import {
  ConciergeRoutes,
  ServiceSettingsRoute,
  StationRoute,
  useConciergeNav,
  useServiceSettingsNav,
} from './modules/concierge/concierge-routes.tsx';
import {
  EnterprisesRoutes,
  ExpertsRoutes,
  IndustriesRoute,
  InstitutesRoutes,
  useDirectoryNav,
} from './modules/directory/directory-routes.tsx';
import { HomeRoute, useHomeNav } from './modules/home/home-routes.tsx';
import {
  CarriersRoutes,
  IncubateesRoutes,
  useIncubationNav,
} from './modules/incubation/incubation-routes.tsx';
import {
  DashboardRoute,
  IndicatorsRoutes,
  useIndicatorsNav,
} from './modules/indicators/indicators-routes.tsx';
import {
  ElementsRoutes,
  PlatformsRoutes,
  TalentsRoutes,
  useInnovationNav,
} from './modules/innovation/innovation-routes.tsx';
import { IntegrationRoute, useIntegrationNav } from './modules/integration/integration-routes.tsx';
import {
  AchievementsRoute,
  CheckinRoute,
  EventsRoutes,
  NeedsRoutes,
  useMatchmakingNav,
} from './modules/matchmaking/matchmaking-routes.tsx';
import {
  ChannelsRoute,
  InboxRoute,
  PreferencesRoute,
  useChannelsNav,
  usePreferencesNav,
} from './modules/notifications/notifications-routes.tsx';
import { UnreadBadge } from './modules/notifications/unread-badge.tsx';
import { ProjectsRoutes } from './modules/projects/projects-routes.tsx';
import { RecruitmentRoutes, useRecruitmentNav } from './modules/recruitment/recruitment-routes.tsx';
import { RoundtableRoutes, useMeetingsNav } from './modules/roundtable/roundtable-routes.tsx';
import { StageLabelsRoute, useSettingsNav } from './modules/settings/settings-routes.tsx';
import { StageNamesReady } from './modules/settings/stage-names-ready.tsx';
import {
  ProposalsRoute,
  SupervisionRulesRoute,
  useRoundtableNav,
  useSupervisionNav,
} from './modules/supervision/supervision-routes.tsx';
import { UsersRoute, useUsersNav } from './modules/users/users-routes.tsx';
import { isApiError, setUnauthorizedHandler, versionOf } from './ui/api.ts';
import { AppLayout, type NavItem } from './ui/app-layout.tsx';
import { ErrorBoundary, ForbiddenPage, NotFoundPage, QueryError } from './ui/error-pages.tsx';
import { setDateLocale } from './ui/format.ts';
import { I18nProvider, useI18n } from './ui/i18n.tsx';
import { lazyPage } from './ui/lazy-page.ts';
import { highlightOf, NavTableContext, navEntriesOf, rememberList } from './ui/nav-table.tsx';
import { PageLoading } from './ui/page.tsx';

const PasswordPage = lazyPage(() => import('./modules/auth/password-page.tsx'), 'PasswordPage');
const MfaPage = lazyPage(() => import('./modules/auth/mfa-pages.tsx'), 'MfaPage');

const queryClient: QueryClient = new QueryClient({
  // A CSRF refusal means the session changed underneath (signed in again in another tab):
  // reload the user so the next attempt carries the current token.
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isApiError(error) && error.code === 'CSRF')
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  }),
  defaultOptions: {
    queries: {
      // 4xx answers do not change on retry; a network blip or a 5xx may.
      retry: (count, error) =>
        count < 2 && !(isApiError(error) && error.statusCode >= 400 && error.statusCode < 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
      // A record answer with its version (ETag) stays the object the version belongs to (api.ts).
      structuralSharing: (old, next) => (versionOf(next) ? next : replaceEqualDeep(old, next)),
    },
  },
});

function useNavItems(): NavItem[] {
  const { t } = useI18n();
  const homeNav = useHomeNav();
  const directoryNav = useDirectoryNav();
  const usersNav = useUsersNav();
  const integrationNav = useIntegrationNav();
  const auditNav = useAuditNav();
  const recruitmentNav = useRecruitmentNav();
  const supervisionNav = useSupervisionNav();
  const matchmakingNav = useMatchmakingNav();
  const roundtableNav = useRoundtableNav();
  const settingsNav = useSettingsNav();
  const indicatorsNav = useIndicatorsNav();
  const innovationNav = useInnovationNav();
  const conciergeNav = useConciergeNav();
  const meetingsNav = useMeetingsNav();
  const serviceSettingsNav = useServiceSettingsNav();
  const incubationNav = useIncubationNav();
  const channelsNav = useChannelsNav();
  const preferencesNav = usePreferencesNav();
  return useMemo(() => {
    const system = [
      usersNav,
      auditNav,
      supervisionNav,
      settingsNav,
      serviceSettingsNav,
      integrationNav,
      channelsNav,
    ].filter((n): n is NavItem => n !== null);
    const items: NavItem[] = [homeNav];
    if (indicatorsNav) items.push(indicatorsNav);
    if (directoryNav) items.push(directoryNav);
    if (recruitmentNav) items.push(recruitmentNav);
    if (matchmakingNav) items.push(matchmakingNav);
    if (conciergeNav) items.push(conciergeNav);
    if (meetingsNav) items.push(meetingsNav);
    if (roundtableNav) items.push(roundtableNav);
    if (innovationNav) items.push(innovationNav);
    if (incubationNav) items.push(incubationNav);
    if (preferencesNav)
      items.push({ key: 'personal', label: t('nav.personal'), type: 'group', children: [preferencesNav] });
    if (system.length > 0)
      items.push({ key: 'system', label: t('nav.system'), type: 'group', children: system });
    return items;
  }, [
    t,
    homeNav,
    directoryNav,
    usersNav,
    integrationNav,
    auditNav,
    recruitmentNav,
    supervisionNav,
    matchmakingNav,
    roundtableNav,
    settingsNav,
    indicatorsNav,
    innovationNav,
    conciergeNav,
    meetingsNav,
    serviceSettingsNav,
    incubationNav,
    channelsNav,
    preferencesNav,
  ]);
}

function Shell() {
  const { t } = useI18n();
  const location = useLocation();
  const items = useNavItems();
  // The routing table read from the menu: highlight, default breadcrumbs, ways back, titles.
  const entries = useMemo(() => navEntriesOf(items), [items]);
  const selected = highlightOf(entries, location.pathname)?.key;
  useEffect(() => rememberList(entries, location.pathname, location.search), [entries, location]);
  return (
    <NavTableContext.Provider value={entries}>
      <AppLayout
        brand={t('app.fullTitle')}
        brandShort={t('app.name')}
        items={items}
        selectedKeys={selected ? [selected] : []}
        openKeys={['directory', 'system']}
        headerRight={
          <Flex gap={8} align="center">
            <UnreadBadge />
            <SessionHeader />
          </Flex>
        }
        footer={t('app.footer')}
      >
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <StageNamesReady>
              <Outlet />
            </StageNamesReady>
          </Suspense>
        </ErrorBoundary>
      </AppLayout>
    </NavTableContext.Provider>
  );
}

/** Everything behind sign-in: loads the user first, sends anonymous visitors to the login page. */
function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending)
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  if (me.isError) return <QueryError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionProvider value={me.data}>
      {me.data.mfa === 'code' ? (
        <MfaCodePage />
      ) : me.data.mustChangePassword ? (
        <ForcedPasswordPage />
      ) : me.data.mfa === 'enrol' ? (
        <ForcedMfaEnrolPage />
      ) : (
        <Shell />
      )}
    </SessionProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/checkin/:token" element={<CheckinRoute />} />
      <Route
        path="/station/:regionCode"
        element={
          <Suspense fallback={null}>
            <StationRoute />
          </Suspense>
        }
      />
      <Route element={<RequireSession />}>
        <Route index element={<HomeRoute />} />
        <Route path="home" element={<Navigate to="/" replace />} />
        <Route path="enterprises/*" element={<EnterprisesRoutes />} />
        <Route path="institutes/*" element={<InstitutesRoutes />} />
        <Route path="experts/*" element={<ExpertsRoutes />} />
        <Route path="industries" element={<IndustriesRoute />} />
        <Route path="audit" element={<AuditRoute />} />
        <Route path="users" element={<UsersRoute />} />
        <Route path="integration" element={<IntegrationRoute />} />
        <Route path="recruitment/*" element={<RecruitmentRoutes />} />
        <Route path="needs/*" element={<NeedsRoutes />} />
        <Route path="achievements" element={<AchievementsRoute />} />
        <Route path="events/*" element={<EventsRoutes />} />
        <Route path="projects/*" element={<ProjectsRoutes />} />
        <Route path="concierge/*" element={<ConciergeRoutes />} />
        <Route path="roundtable/*" element={<RoundtableRoutes />} />
        <Route path="dashboard" element={<DashboardRoute />} />
        <Route path="indicators/*" element={<IndicatorsRoutes />} />
        <Route path="platforms/*" element={<PlatformsRoutes />} />
        <Route path="talents/*" element={<TalentsRoutes />} />
        <Route path="elements/*" element={<ElementsRoutes />} />
        <Route path="carriers/*" element={<CarriersRoutes />} />
        <Route path="incubatees/*" element={<IncubateesRoutes />} />
        <Route path="notifications" element={<InboxRoute />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="mfa" element={<MfaPage />} />
        <Route path="supervision-rules" element={<SupervisionRulesRoute />} />
        <Route path="supervision/proposals" element={<ProposalsRoute />} />
        <Route path="settings/stage-labels" element={<StageLabelsRoute />} />
        <Route path="settings/concierge" element={<ServiceSettingsRoute />} />
        <Route path="settings/notification-channels" element={<ChannelsRoute />} />
        <Route path="settings/notifications" element={<PreferencesRoute />} />
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** A 401 anywhere means the session is gone: forget the user, and the gate shows the login page. */
function UnauthorizedRedirect() {
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setUnauthorizedHandler(null);
  }, []);
  return null;
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  setDateLocale(lang);
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{
        token: { colorPrimary: '#1656b0', borderRadius: 4, colorBgLayout: '#f0f2f5' },
        components: {
          Layout: { headerBg: '#0b2f63', siderBg: '#ffffff', bodyBg: '#f0f2f5' },
          Table: { headerBg: '#f5f7fa' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed>
          <BrowserRouter>
            <UnauthorizedRedirect />
            <AppRoutes />
          </BrowserRouter>
        </Themed>
      </I18nProvider>
    </QueryClientProvider>
  );
}
