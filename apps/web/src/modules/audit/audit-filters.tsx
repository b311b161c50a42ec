import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS, type AuditQuery, auditLabel } from '@gaodi/contracts';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';

const KEYS = [
  'action',
  'actor',
  'targetType',
  'targetId',
  'result',
  'from',
  'to',
  'page',
  'pageSize',
] as const;
const RESULTS = ['ok', 'denied', 'failed'] as const;
const DATE = 'YYYY-MM-DD';

/** The log's filters and page, kept in the URL. */
export function useAuditListState() {
  const [state, update] = useUrlState(KEYS);
  const query: AuditQuery = {
    action: state.action,
    actor: state.actor,
    targetType: state.targetType,
    targetId: state.targetId,
    result: RESULTS.find((r) => r === state.result),
    from: state.from,
    to: state.to,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 50),
  };
  return { state, update, query };
}

/** A searchable select of recorded codes shown by their names in the user's language. */
function CodeSelect(props: {
  labels: Record<string, { zh: string; en: string }>;
  placeholder: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId: string;
}) {
  const { lang } = useI18n();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={props.placeholder}
      value={props.value}
      onChange={props.onChange}
      options={Object.keys(props.labels).map((key) => ({
        value: key,
        label: auditLabel(props.labels, key, lang),
      }))}
      style={{ width: 150 }}
      data-testid={props.testId}
    />
  );
}

/** Dates, action, result, actor (searched on enter), reset. */
export function AuditFilters({ list }: { list: ReturnType<typeof useAuditListState> }) {
  const { t, lang } = useI18n();
  const { state, update, query } = list;
  const [actor, setActor] = useState(state.actor ?? '');
  useEffect(() => setActor(state.actor ?? ''), [state.actor]);
  const range: [Dayjs, Dayjs] | null =
    state.from && state.to ? [dayjs(state.from, DATE), dayjs(state.to, DATE)] : null;
  return (
    <Flex className="filter-bar" gap={12} wrap align="center">
      <DatePicker.RangePicker
        value={range}
        onChange={(dates) =>
          update({
            from: dates?.[0]?.format(DATE) ?? undefined,
            to: dates?.[1]?.format(DATE) ?? undefined,
          })
        }
        allowClear
        format={lang === 'zh' ? 'YYYY年M月D日' : DATE}
        data-testid="audit-dates"
      />
      <CodeSelect
        labels={AUDIT_ACTION_LABELS}
        placeholder={t('audit.allActions')}
        value={query.action}
        onChange={(value) => update({ action: value })}
        testId="audit-action-filter"
      />
      <CodeSelect
        labels={AUDIT_TARGET_LABELS}
        placeholder={t('audit.allTargets')}
        value={query.targetType}
        onChange={(value) => update({ targetType: value, targetId: undefined })}
        testId="audit-target-filter"
      />
      <Select
        allowClear
        placeholder={t('audit.allResults')}
        value={query.result}
        onChange={(value?: string) => update({ result: value })}
        options={RESULTS.map((r) => ({ value: r, label: t(`audit.result.${r}`) }))}
        style={{ width: 130 }}
        data-testid="audit-result-filter"
      />
      <Input.Search
        allowClear
        value={actor}
        maxLength={64}
        placeholder={t('audit.actorPlaceholder')}
        onChange={(event) => {
          setActor(event.target.value);
          if (event.target.value === '') update({ actor: undefined });
        }}
        onSearch={(value) => update({ actor: value.trim() || undefined })}
        style={{ width: 200 }}
        data-testid="audit-actor-filter"
      />
      <Button
        onClick={() =>
          update({
            action: undefined,
            actor: undefined,
            targetType: undefined,
            targetId: undefined,
            result: undefined,
            from: undefined,
            to: undefined,
          })
        }
      >
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
