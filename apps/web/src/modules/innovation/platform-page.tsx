import { ListTalentsRoute, type PlatformDetail, translateMessage } from '@gaodi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { call } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { AssessmentDialog, EvidenceDialog } from './evidence-dialog.tsx';
import { GRADE, KIND, LEVEL, label, PARTNER_KIND, PARTNER_ROLE, TIER, wan } from './innovation-labels.ts';
import { PlatformFormDialog } from './platform-form-dialog.tsx';
import { usePlatform } from './use-innovation.ts';

type Evidence = PlatformDetail['evidence'][number];

/** A platform's page: partners, evidence over the years, assessments, projects, talents. */
export function PlatformPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const platform = usePlatform(id);
  const talents = useQuery({
    queryKey: ['talents', 'list', { platformId: id }],
    queryFn: () => call(ListTalentsRoute, { query: { platformId: id, pageSize: 200 } }),
    enabled: Boolean(id) && can('talent', 'read'),
  });
  const [dialog, setDialog] = useState<'edit' | 'evidence' | 'assess' | null>(null);
  if (platform.isPending) return <PageLoading />;
  if (platform.isError) return <QueryError error={platform.error} onRetry={() => platform.refetch()} />;
  const p = platform.data;
  const c = p.criteria;
  const canUpdate = can('platform', 'update');
  return (
    <Page
      title={p.name}
      testId="platform-page"
      crumbs={[{ title: t('inno.platforms'), to: '/platforms' }, { title: p.name }]}
      extra={
        canUpdate && (
          <Flex gap={8}>
            <Button onClick={() => setDialog('edit')}>{t('common.edit')}</Button>
            <Button type="primary" onClick={() => setDialog('evidence')} data-testid="evidence-add">
              {t('inno.addEvidence')}
            </Button>
            <Button onClick={() => setDialog('assess')}>{t('inno.assess')}</Button>
          </Flex>
        )
      }
    >
      <Panel>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('inno.kind')}>{label(KIND, p.kind, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('inno.level')}>{label(LEVEL, p.level, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('inno.tier')}>{label(TIER, p.tier, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('inno.industry')}>
            {p.industryId ? <Link to={`/elements/${p.industryId}`}>{p.industryName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inno.operatingFilter')}>
            {p.isOperating ? (
              <Tag color="green" data-testid="platform-status">
                {t('inno.operating')}
              </Tag>
            ) : (
              <Tag data-testid="platform-status">{t('inno.notOperating')}</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('inno.criteria')}>
            {t('inno.criteriaText', {
              staff: c.minStaff,
              area: c.minAreaM2,
              equipment: wan(c.minEquipmentFen),
              rd: wan(c.minRdSpendingFen),
              outputs: c.minOutputs,
            })}
          </Descriptions.Item>
        </Descriptions>
        {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('inno.partners')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.partners}
          columns={[
            { title: t('inno.partnerName'), dataIndex: 'name', key: 'name' },
            {
              title: t('inno.partnerKind'),
              key: 'kind',
              render: (_, x) => label(PARTNER_KIND, x.kind, lang),
            },
            {
              title: t('inno.partnerRole'),
              key: 'role',
              render: (_, x) => label(PARTNER_ROLE, x.role, lang),
            },
          ]}
        />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('inno.evidence')}</Typography.Title>
        <Table<Evidence>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={p.evidence}
          data-testid="evidence-table"
          columns={[
            { title: t('inno.year'), dataIndex: 'year', key: 'year', width: 70 },
            { title: t('inno.staff'), dataIndex: 'staff', key: 'staff' },
            { title: t('inno.area'), dataIndex: 'areaM2', key: 'area' },
            { title: t('inno.equipment'), key: 'eq', render: (_, e) => wan(e.equipmentFen) },
            { title: t('inno.rd'), key: 'rd', render: (_, e) => wan(e.rdSpendingFen) },
            {
              title: `${t('inno.patents')}/${t('inno.standards')}/${t('inno.products')}/${t('inno.served')}`,
              key: 'outputs',
              render: (_, e) => `${e.patents}/${e.standards}/${e.products}/${e.servedEnterprises}`,
            },
            {
              title: t('inno.meets'),
              key: 'meets',
              render: (_, e) =>
                e.meetsCriteria ? (
                  <Tag color="green">{t('common.yes')}</Tag>
                ) : (
                  <span>{e.shortfalls.map((s) => translateMessage(s, lang)).join('；')}</span>
                ),
            },
          ]}
        />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('inno.assessments')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.assessments}
          columns={[
            { title: t('inno.year'), dataIndex: 'year', key: 'year', width: 70 },
            { title: t('inno.grade'), key: 'grade', render: (_, a) => label(GRADE, a.grade, lang) },
            { title: t('inno.score'), key: 'score', render: (_, a) => a.score ?? '—' },
            {
              title: t('inno.meets'),
              key: 'met',
              render: (_, a) => (a.metCriteria ? t('common.yes') : t('common.no')),
            },
            { title: t('inno.note'), dataIndex: 'note', key: 'note' },
            { title: t('inno.assessor'), dataIndex: 'assessorName', key: 'assessor' },
          ]}
        />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('inno.talents')}</Typography.Title>
        <Flex gap={8} wrap data-testid="platform-talents">
          {(talents.data?.items ?? []).map((x) => (
            <Link key={x.id} to={`/talents/${x.id}`}>
              <Tag color={x.isLeading ? 'gold' : x.isHighLevel ? 'blue' : 'default'}>{x.name}</Tag>
            </Link>
          ))}
          {talents.data?.items.length === 0 && t('common.none')}
        </Flex>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('inno.projects')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {p.projects.map((x) => (
            <Link key={x.id} to={`/projects/${x.id}`}>
              {x.title}
            </Link>
          ))}
          {p.projects.length === 0 && t('common.none')}
        </Flex>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('inno.recruitment')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {p.recruitment.map((x) => (
            <Link key={x.id} to={`/recruitment/${x.id}`}>
              {x.instituteName}
            </Link>
          ))}
          {p.recruitment.length === 0 && t('common.none')}
        </Flex>
      </Panel>
      {dialog === 'edit' && <PlatformFormDialog platform={p} onClose={() => setDialog(null)} />}
      {dialog === 'evidence' && (
        <EvidenceDialog platformId={p.id} year={p.year} onClose={() => setDialog(null)} />
      )}
      {dialog === 'assess' && (
        <AssessmentDialog platformId={p.id} year={p.year} onClose={() => setDialog(null)} />
      )}
    </Page>
  );
}
