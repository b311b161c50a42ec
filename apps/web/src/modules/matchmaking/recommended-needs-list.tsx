import { NEED_STAGE_LABELS, type RecommendedNeed } from '@gaodi/contracts';
import { Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { Highlighted, labelOf, TermTags } from './matchmaking-labels.tsx';

/**
 * Open needs ranked for an institute or an achievement, with the matched terms highlighted. A
 * partner sees titles without links (the need pages are the bureau's).
 */
export function RecommendedNeedsList({ needs, linked }: { needs: RecommendedNeed[]; linked: boolean }) {
  const { t, lang } = useI18n();
  if (needs.length === 0) return <Empty description={t('mm.noNeedMatches')} />;
  return (
    <List
      size="small"
      dataSource={needs}
      data-testid="recommended-needs"
      renderItem={(n) => {
        const terms = n.matches.map((m) => m.term);
        return (
          <List.Item>
            <div>
              <div>
                {linked ? (
                  <Link to={`/needs/${n.id}`}>
                    <Highlighted text={n.title} terms={terms} />
                  </Link>
                ) : (
                  <Highlighted text={n.title} terms={terms} />
                )}{' '}
                <Tag>{labelOf(NEED_STAGE_LABELS, n.stage, lang)}</Tag>
                {n.enterpriseName && <Typography.Text type="secondary">{n.enterpriseName}</Typography.Text>}
              </div>
              <Typography.Paragraph
                type="secondary"
                style={{ margin: 0 }}
                ellipsis={{ rows: 2, expandable: true }}
              >
                <Highlighted text={n.description} terms={terms} />
              </Typography.Paragraph>
              <TermTags terms={terms} />
            </div>
          </List.Item>
        );
      }}
    />
  );
}
