import { Button, Descriptions, Flex, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { DEGREE, EMPLOYER_KIND, GENDER, label, MODE, TITLE_RANK } from '../innovation/innovation-labels.ts';
import { TalentFormDialog } from './talent-form-dialog.tsx';
import { useTalent } from './use-talents.ts';

/** Links to the records a talent serves, or 无. */
function RecordLinks({ items, to }: { items: { id: string; name: string }[]; to: string }) {
  const { t } = useI18n();
  if (items.length === 0) return t('common.none');
  return (
    <Flex gap={8} wrap>
      {items.map((i) => (
        <Link key={i.id} to={`${to}/${i.id}`}>
          {i.name}
        </Link>
      ))}
    </Flex>
  );
}

/** A talent's page: who, where, programmes, groups, and the platforms, projects and records served. */
export function TalentPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const talent = useTalent(id);
  const [isEditing, setIsEditing] = useState(false);
  if (talent.isPending) return <PageLoading />;
  if (talent.isError) return <QueryError error={talent.error} onRetry={() => talent.refetch()} />;
  const x = talent.data;
  const pii = (value: string) =>
    x.isOwner || !value ? value || '—' : <Tooltip title={t('tal.masked')}>{value}</Tooltip>;
  return (
    <Page
      title={x.name}
      testId="talent-page"
      crumbs={[{ title: t('tal.talents'), to: '/talents' }, { title: x.name }]}
      extra={
        can('talent', 'update') && <Button onClick={() => setIsEditing(true)}>{t('common.edit')}</Button>
      }
    >
      <Panel>
        <Flex gap={4} style={{ marginBottom: 12 }}>
          {x.isLeading && <Tag color="gold">{t('tal.leading')}</Tag>}
          {x.isHighLevel && <Tag color="blue">{t('tal.highLevel')}</Tag>}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('tal.gender')}>{label(GENDER, x.gender, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('tal.birthYear')}>{x.birthYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tal.degree')}>{label(DEGREE, x.degree, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('tal.title')}>
            {x.title || '—'}（{label(TITLE_RANK, x.titleRank, lang)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('tal.employer')}>
            {x.employerName}（{label(EMPLOYER_KIND, x.employerKind, lang)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('tal.field')}>{x.field || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('inno.industry')}>
            {x.industryId ? <Link to={`/elements/${x.industryId}`}>{x.industryName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('tal.mode')}>
            {label(MODE, x.mode, lang)} {x.arrivedOn ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('tal.owner')}>{x.ownerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tal.phone')}>{pii(x.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('tal.idNumber')}>{pii(x.idNumber)}</Descriptions.Item>
        </Descriptions>
      </Panel>
      <Panel>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('tal.programmes')}>
            {x.awards.map((a) => `${a.programmeName}（${a.year}）`).join('、') || t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('tal.groups')}>
            {x.groups.map((g) => g.name).join('、') || t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('tal.platforms')}>
            <RecordLinks items={x.platforms} to="/platforms" />
          </Descriptions.Item>
          <Descriptions.Item label={t('inno.projects')}>
            <RecordLinks items={x.projects} to="/projects" />
          </Descriptions.Item>
          <Descriptions.Item label={t('inno.recruitment')}>
            <RecordLinks items={x.recruitment} to="/recruitment" />
          </Descriptions.Item>
          <Descriptions.Item label={t('tal.serviceRequests')}>
            <span data-testid="talent-requests">
              <RecordLinks items={x.serviceRequests} to="/concierge" />
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Panel>
      {isEditing && <TalentFormDialog talent={x} onClose={() => setIsEditing(false)} />}
    </Page>
  );
}
