import type { WorkGroup } from '@gaodi/contracts';
import { Badge, Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useStageLabels } from '../settings/use-stage-labels.ts';
import { useHomeWork, WORK_PIPELINE } from './use-home-work.ts';

/** One kind of work: its count, its first rows (each a link to the record) and the whole list. */
function WorkCard({ group }: { group: WorkGroup }) {
  const { t, lang } = useI18n();
  const { stageName } = useStageLabels();
  const pipeline = WORK_PIPELINE[group.kind];
  return (
    <Card
      size="small"
      title={
        <span>
          {t(`home.work.${group.kind}`)} <Badge count={group.total} color="#1656b0" overflowCount={999} />
        </span>
      }
      extra={<Link to={group.href}>{t('home.work.more', { total: group.total })}</Link>}
      data-testid={`home-work-${group.kind}`}
    >
      <List
        size="small"
        dataSource={group.items}
        renderItem={(item) => (
          <List.Item
            extra={
              item.due && (
                <Typography.Text type={item.isOverdue ? 'danger' : 'secondary'}>
                  {item.isOverdue && `${t('home.work.overdue')} `}
                  {formatDate(item.due, lang)}
                </Typography.Text>
              )
            }
          >
            <List.Item.Meta
              title={<Link to={item.href}>{item.title}</Link>}
              description={
                <span>
                  {pipeline && item.stage && <Tag>{stageName(pipeline, item.stage)}</Tag>}
                  {item.note}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 待我处理: the work of the user's role, each kind a card; says so when nothing waits. */
export function HomeWork() {
  const { t } = useI18n();
  const work = useHomeWork();
  return (
    <Card title={t('home.work')} style={{ marginBottom: 16 }} data-testid="home-work">
      {work.isError ? (
        <QueryError error={work.error} onRetry={() => work.refetch()} />
      ) : work.isPending ? (
        <Skeleton active />
      ) : work.data.groups.length === 0 ? (
        <Empty description={t('home.work.none')} />
      ) : (
        <Row gutter={[16, 16]}>
          {work.data.groups.map((group) => (
            <Col xs={24} lg={12} key={group.kind}>
              <WorkCard group={group} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
