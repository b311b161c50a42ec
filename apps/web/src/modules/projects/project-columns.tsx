import { PROJECT_STAGE_LABELS, type ProjectStage, type ProjectSummary } from '@gaodi/contracts';
import { Flex, type TableColumnType, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { labelOf, yuan } from '../matchmaking/matchmaking-labels.tsx';
import { LightTag } from '../supervision/light-tag.tsx';

/** The project list's columns: title (enclave tagged), parties, stage, light, helper, amount, dates. */
export function useProjectColumns(): TableColumnType<ProjectSummary>[] {
  const { t, lang } = useI18n();
  return [
    {
      title: t('proj.title'),
      dataIndex: 'title',
      key: 'title',
      render: (v, p) => (
        <Flex gap={4} wrap>
          <Link to={`/projects/${p.id}`}>{v}</Link>
          {p.isEnclave && <Tag color="purple">{t('proj.enclave')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('proj.parties'),
      key: 'parties',
      width: 260,
      render: (_, p) => p.parties.map((x) => x.name).join('、'),
    },
    {
      title: t('proj.stage'),
      dataIndex: 'stage',
      key: 'stage',
      width: 90,
      render: (s: ProjectStage) => labelOf(PROJECT_STAGE_LABELS, s, lang),
    },
    {
      title: t('proj.light'),
      key: 'light',
      width: 80,
      render: (_, p) => <LightTag light={p.light} lang={lang} />,
    },
    {
      title: t('proj.helper'),
      dataIndex: 'helperName',
      key: 'helper',
      width: 90,
      render: (v) => v ?? '—',
    },
    {
      title: t('proj.amount'),
      dataIndex: 'amountFen',
      key: 'amount',
      width: 110,
      render: (v: number) => yuan(v),
    },
    {
      title: t('proj.signedOn'),
      dataIndex: 'signedOn',
      key: 'signed',
      width: 130,
      render: (v) => formatDate(v, lang),
    },
    {
      title: t('proj.landedOn'),
      dataIndex: 'landedOn',
      key: 'landed',
      width: 130,
      render: (v) => formatDate(v, lang),
    },
  ];
}
