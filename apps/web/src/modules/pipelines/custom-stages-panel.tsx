import { PIPELINE_STAGES, STAGE_LABEL_MAX, type StagePipeline } from '@gaodi/contracts';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { useStageLabels } from '../settings/use-stage-labels.ts';
import { useAddCustomStage, useCustomStages, useRetireCustomStage } from './use-custom-stages.ts';

/** The administrator's form: a new stage inside a built-in one. */
function AddCustomStageForm({ pipeline }: { pipeline: StagePipeline }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { stageName } = useStageLabels();
  const add = useAddCustomStage();
  const [form] = Form.useForm<{ refines: string; label: string }>();

  const submit = async (v: { refines: string; label: string }) => {
    try {
      await add.mutateAsync({ pipeline, refines: v.refines, label: v.label });
      message.success(t('pipeline.added'));
      form.resetFields();
    } catch (e) {
      const rest = showSubmitError(form, e);
      if (rest) message.error(rest);
    }
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 12 }}>
      <Form.Item name="refines" label={t('pipeline.refines')} rules={[{ required: true }]}>
        <Select
          style={{ width: 160 }}
          data-testid="custom-stage-refines"
          options={PIPELINE_STAGES[pipeline].map((s) => ({ value: s, label: stageName(pipeline, s) }))}
        />
      </Form.Item>
      <Form.Item name="label" label={t('pipeline.customName')} rules={[{ required: true }]}>
        <Input maxLength={STAGE_LABEL_MAX} data-testid="custom-stage-label" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="custom-stage-add">
          {t('pipeline.add')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/**
 * 自定义阶段 of one pipeline: the stages this office (or one above it) added inside built-in ones,
 * and, for the administrator, a form to add one and a button to retire the office's own.
 */
export function CustomStagesPanel({ pipeline }: { pipeline: StagePipeline }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const isAdmin = can('stage_label', 'update');
  const { stageName } = useStageLabels();
  const stages = useCustomStages(pipeline);
  const retire = useRetireCustomStage();
  return (
    <div style={{ marginTop: 16 }} data-testid={`custom-stages-${pipeline}`}>
      <Typography.Title level={5}>{t('pipeline.customStages')}</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('pipeline.customHint')} />
      {stages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipeline.noCustom')} />
      ) : (
        <List
          size="small"
          dataSource={stages}
          renderItem={(s) => (
            <List.Item
              actions={
                isAdmin && s.isOwn
                  ? [
                      <Popconfirm
                        key="retire"
                        title={t('pipeline.retireConfirm', { name: s.label })}
                        onConfirm={async () => {
                          await retire.mutateAsync({ pipeline, code: s.code });
                          message.success(t('pipeline.retired'));
                        }}
                      >
                        <Button size="small" danger>
                          {t('pipeline.retire')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space>
                <Tag>{stageName(pipeline, s.refines)}</Tag>
                <span data-testid="custom-stage-name">{s.label}</span>
                {!s.isOwn && <Tag color="default">{t('pipeline.inherited')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {isAdmin && <AddCustomStageForm pipeline={pipeline} />}
    </div>
  );
}
