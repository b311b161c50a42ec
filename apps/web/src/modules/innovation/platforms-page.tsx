import { PlusOutlined } from '@ant-design/icons';
import { PlatformKind, PlatformLevel, type PlatformSummary, PlatformTier } from '@gaodi/contracts';
import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { ListSearch, UrlFilterSelect, useUrlPagination } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { KIND, LEVEL, options, TIER } from './innovation-labels.ts';
import { usePlatformColumns } from './platform-columns.tsx';
import { PlatformFormDialog } from './platform-form-dialog.tsx';
import { usePlatformList } from './use-innovation.ts';

const KEYS = ['q', 'kind', 'level', 'tier', 'industryId', 'operating', 'page'] as const;
type UrlState = Record<(typeof KEYS)[number], string | undefined>;

/** The list's query from its URL state (unknown values dropped). */
function listQueryOf(state: UrlState) {
  return {
    q: state.q,
    kind: PlatformKind.safeParse(state.kind).data,
    level: PlatformLevel.safeParse(state.level).data,
    tier: PlatformTier.safeParse(state.tier).data,
    industryId: state.industryId,
    isOperating:
      state.operating === 'true'
        ? ('true' as const)
        : state.operating === 'false'
          ? ('false' as const)
          : undefined,
    page: toInt(state.page, 1),
    pageSize: 20,
  };
}

/** Search by name; filters by kind, level, tier, industry and operating or not. */
function PlatformFilters({ state, update }: { state: UrlState; update: ReturnType<typeof useUrlState>[1] }) {
  const { t, lang } = useI18n();
  const industries = useIndustries();
  const filter = (name: 'kind' | 'level' | 'tier' | 'industryId' | 'operating') => ({
    name,
    value: state[name],
    update,
    testId: `platforms-filter-${name}`,
  });
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <div style={{ width: 260 }}>
        <ListSearch
          initial={state.q}
          update={update}
          placeholder={t('inno.name')}
          testId="platforms-search"
        />
      </div>
      <UrlFilterSelect {...filter('kind')} placeholder={t('inno.kind')} options={options(KIND, lang)} />
      <UrlFilterSelect {...filter('level')} placeholder={t('inno.level')} options={options(LEVEL, lang)} />
      <UrlFilterSelect {...filter('tier')} placeholder={t('inno.tier')} options={options(TIER, lang)} />
      <UrlFilterSelect
        {...filter('industryId')}
        placeholder={t('inno.industry')}
        options={(industries.data ?? []).map((i) => ({
          value: i.id,
          label: lang === 'en' ? i.nameEn || i.name : i.name,
        }))}
      />
      <UrlFilterSelect
        {...filter('operating')}
        placeholder={t('inno.operatingFilter')}
        options={[
          { value: 'true', label: t('inno.operating') },
          { value: 'false', label: t('inno.notOperating') },
        ]}
      />
    </Flex>
  );
}

/** 创新平台: the list with filters by kind, level, 1+4+N tier, industry and operating or not. */
export function PlatformsPage() {
  const { t } = useI18n();
  const can = useCan();
  const [isRegistering, setIsRegistering] = useState(false);
  const [state, update] = useUrlState(KEYS);
  const query = listQueryOf(state);
  const list = usePlatformList(query);
  const pagination = useUrlPagination(query.page, list.data?.total, update);
  const columns = usePlatformColumns();
  return (
    <Page
      title={t('inno.platforms')}
      testId="platforms-page"
      extra={
        can('platform', 'create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsRegistering(true)}
            data-testid="platform-new"
          >
            {t('inno.register')}
          </Button>
        )
      }
    >
      <Panel>
        <PlatformFilters state={state} update={update} />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<PlatformSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 1000 }}
            pagination={pagination}
            columns={columns}
          />
        )}
      </Panel>
      {isRegistering && <PlatformFormDialog onClose={() => setIsRegistering(false)} />}
    </Page>
  );
}
