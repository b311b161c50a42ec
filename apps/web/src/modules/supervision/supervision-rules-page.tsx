import {
  DEFAULT_SUPERVISION_RULES,
  GetSupervisionRulesRoute,
  SaveSupervisionRulesRoute,
  SupervisionRulesInput,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Space, Switch, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const KEY = ['supervision', 'rules'];

/** The region's rules and their save (the saved rules replace the cached ones). */
function useSupervisionRules() {
  const client = useQueryClient();
  const rules = useQuery({
    queryKey: KEY,
    queryFn: () => call(GetSupervisionRulesRoute, {}),
  });
  const save = useMutation({
    mutationFn: (input: SupervisionRulesInput) => call(SaveSupervisionRulesRoute, { body: input }),
    onSuccess: (saved) => client.setQueryData(KEY, saved),
  });
  return { rules, save };
}

/** A number of days, 1 to `max`. */
function DaysField(props: {
  label: string;
  name: keyof SupervisionRulesInput;
  max: number;
  disabled: boolean;
}) {
  const { lang } = useI18n();
  return (
    <Form.Item name={props.name} label={props.label} rules={[{ required: true }]}>
      <InputNumber
        min={1}
        max={props.max}
        addonAfter={lang === 'en' ? 'days' : '天'}
        disabled={props.disabled}
      />
    </Form.Item>
  );
}

/** Whether the region uses the defaults or rules of its own. */
function RulesSource({ isDefault }: { isDefault: boolean }) {
  const en = useI18n().lang === 'en';
  return (
    <Space style={{ marginBottom: 12 }}>
      {isDefault ? (
        <Tag>{en ? 'Defaults' : '使用默认规则'}</Tag>
      ) : (
        <Tag color="blue">{en ? 'Region rules' : '本区域规则'}</Tag>
      )}
    </Space>
  );
}

/** The region's light rules (督办亮灯规则); the system administrator changes them, others read them. */
export function SupervisionRulesPage() {
  const { lang } = useI18n();
  const en = lang === 'en';
  const can = useCan();
  const { message } = App.useApp();
  const { rules, save } = useSupervisionRules();
  const [form] = Form.useForm<SupervisionRulesInput>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data.rules);
  }, [rules.data, form]);
  if (rules.isError) return <QueryError error={rules.error} onRetry={() => rules.refetch()} />;
  if (!rules.data) return <PageLoading />;
  const mayEdit = can('supervision_rule', 'update');
  const title = en ? 'Supervision light rules' : '督办亮灯规则';
  const days = (label: string, name: keyof SupervisionRulesInput, max = 365) => (
    <DaysField label={label} name={name} max={max} disabled={!mayEdit} />
  );
  return (
    <Page
      title={title}
      crumbs={[{ title: en ? 'Administration' : '系统管理' }, { title }]}
      testId="supervision-rules"
    >
      <Panel>
        <RulesSource isDefault={rules.data.isDefault} />
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 480 }}
          initialValues={DEFAULT_SUPERVISION_RULES}
          onFinish={async (values) => {
            setError(null);
            const input = checkWithSchema(form, SupervisionRulesInput, values);
            if (!input) return;
            try {
              await save.mutateAsync(input);
              message.success(en ? 'Saved' : '已保存');
            } catch (e) {
              setError(showSubmitError(form, e));
            }
          }}
        >
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          {days(en ? 'No ledger entry: yellow after' : '无台账记录：黄灯天数', 'noActivityYellowDays')}
          {days(en ? 'No ledger entry: red after' : '无台账记录：红灯天数', 'noActivityRedDays', 730)}
          {days(
            en ? 'Milestone overdue: red after' : '节点逾期：红灯天数（逾期即黄灯）',
            'milestoneRedDaysOverdue',
          )}
          <Form.Item
            name="isNextDatePassedYellow"
            label={en ? 'Passed next date turns yellow' : '约定的下一步时间已过：黄灯'}
            valuePropName="checked"
          >
            <Switch disabled={!mayEdit} />
          </Form.Item>
          <Form.Item
            name="greenChannelPercent"
            label={en ? 'Green channel thresholds (%)' : '绿色通道阈值比例（50 即减半）'}
            rules={[{ required: true }]}
          >
            <InputNumber min={10} max={100} addonAfter="%" disabled={!mayEdit} />
          </Form.Item>
          {days(
            en ? 'Red longer than this: report to leaders' : '红灯超过天数：报告领导并提请圆桌对话',
            'leaderEscalationRedDays',
          )}
          {mayEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {en ? 'Save' : '保存'}
            </Button>
          )}
        </Form>
      </Panel>
    </Page>
  );
}
