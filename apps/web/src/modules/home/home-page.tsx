import { ROLE_LABELS } from '@gaodi/contracts';
import { Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { regionName } from '../auth/session-header.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { DirectoryFigures, YearFigures } from './home-figures.tsx';
import { HomeWork } from './home-work.tsx';

/** Who is signed in, where, as what, and today's date. */
function Welcome() {
  const { t, lang } = useI18n();
  const me = useSession();
  const region = me.regions.find((r) => r.code === me.activeRegionCode);
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '20px 24px' } }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('home.today', { date: formatDate(new Date(), lang) })} ·{' '}
        {region ? regionName(region, lang) : me.activeRegionCode} · {ROLE_LABELS[me.role][lang]}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('home.intro')}</Typography.Paragraph>
    </Card>
  );
}

/** 主导产业: a city sees each county's taxonomy; the same leading industry is listed once. */
function LeadingIndustries() {
  const { t, lang } = useI18n();
  const industries = useIndustries(true);
  const leading = [
    ...new Map((industries.data ?? []).filter((i) => i.isLeading).map((i) => [i.name, i])).values(),
  ];
  return (
    <Card title={t('home.leading')}>
      {industries.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex gap={8} wrap>
          {leading.map((i) => (
            <Tag key={i.id} color="blue" style={{ fontSize: 14, padding: '4px 12px' }}>
              {lang === 'zh' ? i.name : i.nameEn}
            </Tag>
          ))}
          {leading.length === 0 && <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>}
        </Flex>
      )}
    </Card>
  );
}

/**
 * The home page: first what waits for this user (待我处理, by role), then the year's figures and the
 * directory for the office. An enterprise or institute user sees its own work, not the register's size.
 */
export function HomePage() {
  const me = useSession();
  const can = useCan();
  const isOrganisation = me.role === 'enterprise' || me.role === 'institute';
  return (
    <div data-testid="home-page">
      <Welcome />
      <HomeWork />
      <YearFigures />
      {!isOrganisation && <DirectoryFigures />}
      {!isOrganisation && can('industry', 'read') && <LeadingIndustries />}
    </div>
  );
}
