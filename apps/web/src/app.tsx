import {
  AuditOutlined,
  BankOutlined,
  HomeOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Action, Resource } from '@gaodi/contracts';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Flex, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useMemo } from 'react';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from './modules/auth/login-page.tsx';
import { ForcedPasswordPage } from './modules/auth/password-page.tsx';
import { SessionHeader } from './modules/auth/session-header.tsx';
import { ME_KEY, SessionProvider, useCan, useMe } from './modules/auth/use-session.ts';
import {
  AchievementsRoute,
  CheckinRoute,
  EventsRoutes,
  NeedsRoutes,
  useMatchmakingNav,
} from './modules/matchmaking/matchmaking-routes.tsx';
import { InboxRoute } from './modules/notifications/notifications-routes.tsx';
import { UnreadBadge } from './modules/notifications/unread-badge.tsx';
import { ProjectsRoutes } from './modules/projects/projects-routes.tsx';
import { RecruitmentRoutes, useRecruitmentNav } from './modules/recruitment/recruitment-routes.tsx';
import { StageLabelsRoute, useSettingsNav } from './modules/settings/settings-routes.tsx';
import { StageNamesReady } from './modules/settings/stage-names-ready.tsx';
import {
  ProposalsRoute,
  SupervisionRulesRoute,
  useRoundtableNav,
  useSupervisionNav,
} from './modules/supervision/supervision-routes.tsx';
import { isApiError, setUnauthorizedHandler } from './ui/api.ts';
import { AppLayout, type NavItem } from './ui/app-layout.tsx';
import { ErrorBoundary, ForbiddenPage, NotFoundPage, QueryError } from './ui/error-pages.tsx';
import { setDateLocale } from './ui/format.ts';
import { I18nProvider, useI18n } from './ui/i18n.tsx';
import { PageLoading } from './ui/page.tsx';

const RELOADED = 'gaodi_chunk_reload';

/** Pages load on first visit, so the login page does not carry every screen. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => {
    try {
      const module = await load();
      sessionStorage.removeItem(RELOADED);
      return { default: module[name] as ComponentType };
    } catch (error) {
      // After a new release the old chunk names are gone: load the new index.html once.
      if (!sessionStorage.getItem(RELOADED)) {
        sessionStorage.setItem(RELOADED, '1');
        window.location.reload();
        return new Promise<never>(() => {});
      }
      throw error;
    }
  });
}

const HomePage = page(() => import('./modules/home/home-page.tsx'), 'HomePage');
const EnterprisesPage = page(() => import('./modules/directory/enterprises-page.tsx'), 'EnterprisesPage');
const EnterprisePage = page(() => import('./modules/directory/enterprise-page.tsx'), 'EnterprisePage');
const EnterpriseFormPage = page(
  () => import('./modules/directory/enterprise-form-page.tsx'),
  'EnterpriseFormPage',
);
const InstitutesPage = page(() => import('./modules/directory/institutes-page.tsx'), 'InstitutesPage');
const InstitutePage = page(() => import('./modules/directory/institute-page.tsx'), 'InstitutePage');
const InstituteFormPage = page(
  () => import('./modules/directory/institute-form-page.tsx'),
  'InstituteFormPage',
);
const ExpertsPage = page(() => import('./modules/directory/experts-page.tsx'), 'ExpertsPage');
const ExpertFormPage = page(() => import('./modules/directory/expert-form-page.tsx'), 'ExpertFormPage');
const IndustriesPage = page(() => import('./modules/directory/industries-page.tsx'), 'IndustriesPage');
const AuditPage = page(() => import('./modules/audit/audit-page.tsx'), 'AuditPage');
const UsersPage = page(() => import('./modules/users/users-page.tsx'), 'UsersPage');
const PasswordPage = page(() => import('./modules/auth/password-page.tsx'), 'PasswordPage');

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
    },
  },
});

/** A route the role may not use shows the 403 page (the menu does not offer it either). */
function Allowed({
  resource,
  action = 'read',
  children,
}: {
  resource: Resource;
  action?: Action;
  children: ReactNode;
}) {
  const can = useCan();
  return can(resource, action) ? children : <ForbiddenPage />;
}

function useNavItems(): NavItem[] {
  const can = useCan();
  const { t } = useI18n();
  const recruitmentNav = useRecruitmentNav();
  const supervisionNav = useSupervisionNav();
  const matchmakingNav = useMatchmakingNav();
  const roundtableNav = useRoundtableNav();
  const settingsNav = useSettingsNav();
  return useMemo(() => {
    const directory: NavItem[] = [];
    if (can('enterprise', 'read'))
      directory.push({
        key: 'enterprises',
        icon: <ShopOutlined />,
        label: <Link to="/enterprises">{t('nav.enterprises')}</Link>,
      });
    if (can('institute', 'read'))
      directory.push({
        key: 'institutes',
        icon: <BankOutlined />,
        label: <Link to="/institutes">{t('nav.institutes')}</Link>,
      });
    if (can('expert', 'read'))
      directory.push({
        key: 'experts',
        icon: <TeamOutlined />,
        label: <Link to="/experts">{t('nav.experts')}</Link>,
      });
    if (can('industry', 'create'))
      directory.push({
        key: 'industries',
        icon: <TagsOutlined />,
        label: <Link to="/industries">{t('nav.industries')}</Link>,
      });
    const system: NavItem[] = [];
    if (can('user', 'read'))
      system.push({ key: 'users', icon: <UserOutlined />, label: <Link to="/users">{t('nav.users')}</Link> });
    if (can('audit', 'read'))
      system.push({
        key: 'audit',
        icon: <AuditOutlined />,
        label: <Link to="/audit">{t('nav.audit')}</Link>,
      });
    const items: NavItem[] = [
      { key: 'home', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    ];
    if (directory.length > 0)
      items.push({ key: 'directory', label: t('nav.directory'), type: 'group', children: directory });
    if (recruitmentNav) items.push(recruitmentNav);
    if (matchmakingNav) items.push(matchmakingNav);
    if (roundtableNav) items.push(roundtableNav);
    if (supervisionNav) system.push(supervisionNav);
    if (settingsNav) system.push(settingsNav);
    if (system.length > 0)
      items.push({ key: 'system', label: t('nav.system'), type: 'group', children: system });
    return items;
  }, [can, t, recruitmentNav, supervisionNav, matchmakingNav, roundtableNav, settingsNav]);
}

function Shell() {
  const { t } = useI18n();
  const location = useLocation();
  const items = useNavItems();
  const section = location.pathname.split('/')[1] || 'home';
  return (
    <AppLayout
      brand={t('app.fullTitle')}
      brandShort={t('app.name')}
      items={items}
      selectedKeys={[section]}
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
      {me.data.mustChangePassword ? <ForcedPasswordPage /> : <Shell />}
    </SessionProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/checkin/:token" element={<CheckinRoute />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route path="home" element={<Navigate to="/" replace />} />
        <Route path="enterprises">
          <Route
            index
            element={
              <Allowed resource="enterprise">
                <EnterprisesPage />
              </Allowed>
            }
          />
          <Route
            path="new"
            element={
              <Allowed resource="enterprise" action="create">
                <EnterpriseFormPage />
              </Allowed>
            }
          />
          <Route
            path=":id"
            element={
              <Allowed resource="enterprise">
                <EnterprisePage />
              </Allowed>
            }
          />
          <Route
            path=":id/edit"
            element={
              <Allowed resource="enterprise" action="update">
                <EnterpriseFormPage />
              </Allowed>
            }
          />
        </Route>
        <Route path="institutes">
          <Route
            index
            element={
              <Allowed resource="institute">
                <InstitutesPage />
              </Allowed>
            }
          />
          <Route
            path="new"
            element={
              <Allowed resource="institute" action="create">
                <InstituteFormPage />
              </Allowed>
            }
          />
          <Route
            path=":id"
            element={
              <Allowed resource="institute">
                <InstitutePage />
              </Allowed>
            }
          />
          <Route
            path=":id/edit"
            element={
              <Allowed resource="institute" action="update">
                <InstituteFormPage />
              </Allowed>
            }
          />
        </Route>
        <Route path="experts">
          <Route
            index
            element={
              <Allowed resource="expert">
                <ExpertsPage />
              </Allowed>
            }
          />
          <Route
            path="new"
            element={
              <Allowed resource="expert" action="create">
                <ExpertFormPage />
              </Allowed>
            }
          />
          <Route
            path=":id/edit"
            element={
              <Allowed resource="expert" action="update">
                <ExpertFormPage />
              </Allowed>
            }
          />
        </Route>
        <Route
          path="industries"
          element={
            <Allowed resource="industry">
              <IndustriesPage />
            </Allowed>
          }
        />
        <Route
          path="audit"
          element={
            <Allowed resource="audit">
              <AuditPage />
            </Allowed>
          }
        />
        <Route
          path="users"
          element={
            <Allowed resource="user">
              <UsersPage />
            </Allowed>
          }
        />
        <Route path="recruitment/*" element={<RecruitmentRoutes />} />
        <Route path="needs/*" element={<NeedsRoutes />} />
        <Route path="achievements" element={<AchievementsRoute />} />
        <Route path="events/*" element={<EventsRoutes />} />
        <Route path="projects/*" element={<ProjectsRoutes />} />
        <Route path="notifications" element={<InboxRoute />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="supervision-rules" element={<SupervisionRulesRoute />} />
        <Route path="supervision/proposals" element={<ProposalsRoute />} />
        <Route path="settings/stage-labels" element={<StageLabelsRoute />} />
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
