import { Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading } from '../../ui/page.tsx';
import { usePositionNames } from '../pipelines/stage-names.ts';
import { LightTag } from '../supervision/light-tag.tsx';
import { GradeTag } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { useMyWork } from './use-recruitment.ts';

/** 我的工作: the records I own or serve on (worst light first), what is overdue, what is due this week. */
export function MyWorkPage() {
  const { lang } = useI18n();
  const { nameOf } = usePositionNames('recruitment');
  const t = useText();
  const work = useMyWork();
  if (work.isError) return <QueryError error={work.error} onRetry={() => work.refetch()} />;
  if (!work.data) return <PageLoading />;
  const { records, overdueMilestones, dueThisWeek } = work.data;
  return (
    <Page title={t('myWork')} crumbs={[{ title: t('title') }, { title: t('myWork') }]} testId="my-work">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('myRecords')} size="small">
            <List
              dataSource={records}
              locale={{ emptyText: <Empty description={t('none')} /> }}
              renderItem={(r) => (
                <List.Item extra={<LightTag light={r.light} lang={lang} />}>
                  <List.Item.Meta
                    title={
                      <span>
                        <Link to={`/recruitment/${r.id}`}>{r.instituteName}</Link>{' '}
                        <GradeTag grade={r.grade} lang={lang} />
                        <Tag>{nameOf({ stage: r.stage, subStage: r.subStage })}</Tag>
                      </span>
                    }
                    description={
                      r.nextStep
                        ? `${r.nextStep}${r.nextDate ? `（${formatDate(r.nextDate, lang)}）` : ''}`
                        : ''
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('overdueMilestones')} size="small">
            <List
              dataSource={overdueMilestones}
              locale={{ emptyText: <Empty description={t('none')} /> }}
              renderItem={(m) => (
                <List.Item>
                  <Link to={`/recruitment/${m.recordId}`}>{m.instituteName}</Link>：{m.title}
                  <Typography.Text type="danger"> {formatDate(m.dueOn, lang)}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('dueThisWeek')} size="small" style={{ marginTop: 16 }}>
            <List
              dataSource={dueThisWeek}
              locale={{ emptyText: <Empty description={t('none')} /> }}
              renderItem={(d) => (
                <List.Item>
                  <Link to={`/recruitment/${d.recordId}`}>{d.instituteName}</Link>：{d.what}
                  <Typography.Text type="warning"> {formatDate(d.dueOn, lang)}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
