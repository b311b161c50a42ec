import { PlusOutlined } from '@ant-design/icons';
import { PlatformKind, PlatformLevel, type PlatformSummary, PlatformTier } from '@gaodi/contracts';
import { Button, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { ListSearch } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { GRADE, KIND, LEVEL, label, options, TIER } from './innovation-labels.ts';
import { PlatformFormDialog } from './platform-form-dialog.tsx';
import { usePlatformList } from './use-innovation.ts';

/** 创新平台: the list with filters by kind, level, 1+4+N tier, industry and operating or not. */
export function PlatformsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const industries = useIndustries();
  const [isRegistering, setIsRegistering] = useState(false);
  const [state, update] = useUrlState([
    'q',
    'kind',
    'level',
    'tier',
    'industryId',
    'operating',
    'page',
  ] as const);
  const query = {
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
  const list = usePlatformList(query);
  const select = (
    key: 'kind' | 'level' | 'tier' | 'industryId' | 'operating',
    placeholder: string,
    opts: { value: string; label: string }[],
  ) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={state[key]}
      onChange={(v) => update({ [key]: v, page: undefined })}
      options={opts}
      style={{ minWidth: 150 }}
      data-testid={`platforms-filter-${key}`}
    />
  );
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
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <div style={{ width: 260 }}>
            <ListSearch
              initial={state.q}
              update={update}
              placeholder={t('inno.name')}
              testId="platforms-search"
            />
          </div>
          {select('kind', t('inno.kind'), options(KIND, lang))}
          {select('level', t('inno.level'), options(LEVEL, lang))}
          {select('tier', t('inno.tier'), options(TIER, lang))}
          {select(
            'industryId',
            t('inno.industry'),
            (industries.data ?? []).map((i) => ({
              value: i.id,
              label: lang === 'en' ? i.nameEn || i.name : i.name,
            })),
          )}
          {select('operating', t('inno.operatingFilter'), [
            { value: 'true', label: t('inno.operating') },
            { value: 'false', label: t('inno.notOperating') },
          ])}
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<PlatformSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 1000 }}
            pagination={{
              current: query.page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page) => update({ page: String(page) }, { keepPage: true }),
            }}
            columns={[
              {
                title: t('inno.name'),
                key: 'name',
                render: (_, p) => <Link to={`/platforms/${p.id}`}>{p.name}</Link>,
              },
              { title: t('inno.kind'), key: 'kind', width: 150, render: (_, p) => label(KIND, p.kind, lang) },
              {
                title: t('inno.level'),
                key: 'level',
                width: 80,
                render: (_, p) => label(LEVEL, p.level, lang),
              },
              { title: t('inno.tier'), key: 'tier', width: 140, render: (_, p) => label(TIER, p.tier, lang) },
              {
                title: t('inno.industry'),
                key: 'industry',
                width: 120,
                render: (_, p) => p.industryName ?? '—',
              },
              { title: t('inno.partners'), key: 'partners', render: (_, p) => p.partnerNames.join('、') },
              {
                title: t('inno.operatingFilter'),
                key: 'operating',
                width: 130,
                render: (_, p) =>
                  p.isOperating ? (
                    <Tag color="green" data-testid="platform-operating">
                      {t('inno.operating')}
                    </Tag>
                  ) : (
                    <Tag>{t('inno.notOperating')}</Tag>
                  ),
              },
              {
                title: t('inno.latestGrade'),
                key: 'grade',
                width: 90,
                render: (_, p) => (p.latestGrade ? label(GRADE, p.latestGrade, lang) : '—'),
              },
            ]}
          />
        )}
      </Panel>
      {isRegistering && <PlatformFormDialog onClose={() => setIsRegistering(false)} />}
    </Page>
  );
}
