import type { IndustryFigures } from '@gaodi/contracts';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { type Translate, useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading } from '../../ui/page.tsx';
import { useIndustryCards } from '../innovation/use-innovation.ts';

/** The year's figures of an industry, as statistics. */
export function FigureRow({ figures, t }: { figures: IndustryFigures; t: Translate }) {
  const items: [Parameters<Translate>[0], number, string][] = [
    ['el.operating', figures.operatingPlatforms, 'operating'],
    ['el.platforms', figures.platforms, 'platforms'],
    ['el.leading', figures.leadingTalentsCultivated, 'leading'],
    ['el.gathered', figures.highLevelTalentsGathered, 'gathered'],
    ['el.talents', figures.talents, 'talents'],
    ['el.projects', figures.projects, 'projects'],
    ['el.landed', figures.landedProjects, 'landed'],
    ['el.recruitment', figures.recruitmentRecords, 'recruitment'],
    ['el.signed', figures.signedRecruitment, 'signed'],
  ];
  return (
    <Flex gap={24} wrap>
      {items.map(([key, value, id]) => (
        <Statistic key={id} title={t(key)} value={value} data-testid={`figure-${id}`} />
      ))}
    </Flex>
  );
}

/** 产业四要素: every industry with its platforms, talents, projects and recruitment figures. */
export function IndustriesOverviewPage() {
  const { t } = useI18n();
  const cards = useIndustryCards();
  if (cards.isPending) return <PageLoading />;
  if (cards.isError) return <QueryError error={cards.error} onRetry={() => cards.refetch()} />;
  return (
    <Page title={t('el.industries')} testId="elements-page">
      <Row gutter={[16, 16]}>
        {cards.data.map((c) => (
          <Col xs={24} lg={12} key={c.id}>
            <Card
              title={
                <Flex gap={8} align="center">
                  <Link to={`/elements/${c.id}`}>{c.name}</Link>
                  {c.isLeading && <Tag color="red">{t('el.leadingIndustry')}</Tag>}
                </Flex>
              }
            >
              <FigureRow figures={c.figures} t={t} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('el.figures')}
      </Typography.Paragraph>
    </Page>
  );
}
