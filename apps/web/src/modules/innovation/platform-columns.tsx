import type { PlatformSummary } from '@gaodi/contracts';
import { type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { GRADE, KIND, LEVEL, label, TIER } from './innovation-labels.ts';

/** 运行中 or 未运行 by the region's operating criteria. */
export function OperatingTag({ platform: p }: { platform: PlatformSummary }) {
  const { t } = useI18n();
  return p.isOperating ? (
    <Tag color="green" data-testid="platform-operating">
      {t('inno.operating')}
    </Tag>
  ) : (
    <Tag>{t('inno.notOperating')}</Tag>
  );
}

/** The platform list's columns. */
export function usePlatformColumns(): TableColumnsType<PlatformSummary> {
  const { t, lang } = useI18n();
  return [
    {
      title: t('inno.name'),
      key: 'name',
      render: (_, p) => <Link to={`/platforms/${p.id}`}>{p.name}</Link>,
    },
    { title: t('inno.kind'), key: 'kind', width: 150, render: (_, p) => label(KIND, p.kind, lang) },
    { title: t('inno.level'), key: 'level', width: 80, render: (_, p) => label(LEVEL, p.level, lang) },
    { title: t('inno.tier'), key: 'tier', width: 140, render: (_, p) => label(TIER, p.tier, lang) },
    { title: t('inno.industry'), key: 'industry', width: 120, render: (_, p) => p.industryName ?? '—' },
    { title: t('inno.partners'), key: 'partners', render: (_, p) => p.partnerNames.join('、') },
    {
      title: t('inno.operatingFilter'),
      key: 'operating',
      width: 130,
      render: (_, p) => <OperatingTag platform={p} />,
    },
    {
      title: t('inno.latestGrade'),
      key: 'grade',
      width: 90,
      render: (_, p) => (p.latestGrade ? label(GRADE, p.latestGrade, lang) : '—'),
    },
  ];
}
