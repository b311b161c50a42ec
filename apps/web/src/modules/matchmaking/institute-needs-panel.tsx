import { NEED_STAGE_LABELS } from '@gaodi/contracts';
import { Empty, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { useSession } from '../auth/use-session.ts';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { Highlighted, labelOf, TermTags } from './matchmaking-labels.tsx';
import { useInstituteNeeds } from './use-matchmaking.ts';

/**
 * The reverse direction: published needs an institute's achievements and experts could answer.
 * An institute partner sees their own institute's; the bureau picks an institute.
 */
export function InstituteNeedsPanel() {
  const { t, lang } = useI18n();
  const me = useSession();
  const isPartner = me.role === 'institute';
  const institutes = useInstituteOptions(!isPartner);
  const [picked, setPicked] = useState<string | undefined>();
  const instituteId = isPartner ? (me.instituteId ?? undefined) : picked;
  const needs = useInstituteNeeds(instituteId);
  return (
    <Panel>
      <Typography.Title level={5}>{t('mm.instituteNeeds')}</Typography.Title>
      {!isPartner && (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('mm.pickInstitute')}
          style={{ width: 280, marginBottom: 12 }}
          value={picked}
          onChange={setPicked}
          options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
      )}
      {instituteId && needs.data && needs.data.needs.length === 0 && (
        <Empty description={t('mm.noRecommendations')} />
      )}
      {needs.data && needs.data.needs.length > 0 && (
        <List
          size="small"
          dataSource={needs.data.needs}
          renderItem={(n) => {
            const terms = n.matches.map((m) => m.term);
            return (
              <List.Item>
                <div>
                  <div>
                    {isPartner ? (
                      <Highlighted text={n.title} terms={terms} />
                    ) : (
                      <Link to={`/needs/${n.id}`}>
                        <Highlighted text={n.title} terms={terms} />
                      </Link>
                    )}{' '}
                    <Tag>{labelOf(NEED_STAGE_LABELS, n.stage, lang)}</Tag>
                    {n.enterpriseName && (
                      <Typography.Text type="secondary">{n.enterpriseName}</Typography.Text>
                    )}
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
      )}
    </Panel>
  );
}
