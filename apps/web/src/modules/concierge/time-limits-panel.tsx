import { SERVICE_KIND_LABELS, type ServiceKind, type TimeLimit } from '@gaodi/contracts';
import { App, Button, Flex, InputNumber, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { PageLoading } from '../../ui/page.tsx';
import { useSaveTimeLimits, useTimeLimits } from './use-service-settings.ts';

type Row = TimeLimit & { isDefault: boolean };
const FIELDS = ['acceptDays', 'resolveDays', 'greenAcceptDays', 'greenResolveDays'] as const;
type Field = (typeof FIELDS)[number];

/** 办理时限: working days to accept and to resolve per kind, and the shorter green-channel pair. */
export function TimeLimitsPanel({ mayEdit }: { mayEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const limits = useTimeLimits();
  const save = useSaveTimeLimits();
  const [draft, setDraft] = useState<Row[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  useEffect(() => {
    if (limits.data) setDraft(limits.data.limits);
  }, [limits.data]);
  if (limits.isError) return <QueryError error={limits.error} onRetry={() => limits.refetch()} />;
  if (!limits.data) return <PageLoading />;
  const set = (kind: ServiceKind, field: Field, value: number | null) =>
    setDraft((rows) =>
      rows.map((r) => (r.kind === kind ? { ...r, [field]: value ?? 0, isDefault: false } : r)),
    );
  const submit = async () => {
    setProblems({});
    try {
      await save.mutateAsync(draft.map(({ isDefault: _, ...l }) => l));
      message.success(t('ct.saved'));
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0)
        setProblems(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
      else message.error((error as Error).message);
    }
  };
  const column = (field: Field) => ({
    title: t(`ct.${field}`),
    key: field,
    render: (_: unknown, r: Row, index: number) => {
      const problem = problems[`limits.${index}.${field}`];
      return (
        <Flex vertical>
          <InputNumber
            min={1}
            max={field.includes('resolve') ? 365 : 60}
            value={r[field]}
            disabled={!mayEdit}
            status={problem ? 'error' : undefined}
            data-testid={`limit-${r.kind}-${field}`}
            onChange={(v) => set(r.kind, field, v)}
          />
          {problem && <span style={{ color: '#cf1322', fontSize: 12 }}>{problem}</span>}
        </Flex>
      );
    },
  });
  return (
    <Flex vertical gap={12}>
      <Table<Row>
        rowKey="kind"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={draft}
        columns={[
          {
            title: t('ct.kind'),
            key: 'kind',
            render: (_, r) => (
              <Flex gap={6}>
                {SERVICE_KIND_LABELS[r.kind][lang]}
                {r.isDefault && <Tag>{t('ct.isDefault')}</Tag>}
              </Flex>
            ),
          },
          ...FIELDS.map(column),
        ]}
      />
      {mayEdit && (
        <Button type="primary" style={{ alignSelf: 'flex-start' }} loading={save.isPending} onClick={submit}>
          {t('common.save')}
        </Button>
      )}
    </Flex>
  );
}
