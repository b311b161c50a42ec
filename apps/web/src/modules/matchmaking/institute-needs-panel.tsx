import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { useSession } from '../auth/use-session.ts';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { RecommendedNeedsList } from './recommended-needs-list.tsx';
import { useInstituteNeeds } from './use-matchmaking.ts';

/**
 * The reverse direction: published needs an institute's achievements and experts could answer.
 * An institute partner sees their own institute's; the bureau picks an institute.
 */
export function InstituteNeedsPanel() {
  const { t } = useI18n();
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
      {instituteId && needs.data && <RecommendedNeedsList needs={needs.data.needs} linked={!isPartner} />}
    </Panel>
  );
}
