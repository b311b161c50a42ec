import type { TalentSummary } from '@gaodi/contracts';
import { Flex, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { DEGREE, label, MODE } from '../innovation/innovation-labels.ts';

/** A talent's name, linked to the talent's page, with 领军 or 高层次 beside it. */
export function TalentName({ talent: x }: { talent: TalentSummary }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap>
      <Link to={`/talents/${x.id}`}>{x.name}</Link>
      {x.isLeading && <Tag color="gold">{t('tal.leading')}</Tag>}
      {!x.isLeading && x.isHighLevel && <Tag color="blue">{t('tal.highLevel')}</Tag>}
    </Flex>
  );
}

/** The talent registry's columns. */
export function useTalentColumns(): TableColumnsType<TalentSummary> {
  const { t, lang } = useI18n();
  return [
    { title: t('tal.name'), key: 'name', render: (_, x) => <TalentName talent={x} /> },
    {
      title: t('tal.degree'),
      key: 'degree',
      width: 80,
      render: (_, x) => label(DEGREE, x.degree, lang),
    },
    { title: t('tal.employer'), dataIndex: 'employerName', key: 'employer' },
    {
      title: t('inno.industry'),
      key: 'industry',
      width: 120,
      render: (_, x) => x.industryName ?? '—',
    },
    {
      title: t('tal.programmes'),
      key: 'programmes',
      render: (_, x) => x.programmes.join('、') || '—',
    },
    { title: t('tal.mode'), key: 'mode', width: 80, render: (_, x) => label(MODE, x.mode, lang) },
    { title: t('tal.phone'), dataIndex: 'phone', key: 'phone', width: 130 },
  ];
}
