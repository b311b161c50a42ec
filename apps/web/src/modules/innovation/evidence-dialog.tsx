import { type AssessmentInput, type EvidenceInput, translateMessage } from '@gaodi/contracts';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { GRADE, options } from './innovation-labels.ts';
import { useSaveAssessment, useSaveEvidence } from './use-innovation.ts';

const WAN_FIELDS = ['equipmentFen', 'rdSpendingFen', 'revenueFen'] as const;
type Values = Record<keyof EvidenceInput, number> & { note?: string };

/** One year's evidence of physical operation; money typed in 万元, sent in fen. */
export function EvidenceDialog({
  platformId,
  year,
  onClose,
}: {
  platformId: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEvidence(platformId);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setProblem(null);
    const body = { ...v, note: v.note ?? '', fileIds: [] } as EvidenceInput;
    for (const f of WAN_FIELDS) body[f] = Math.round(Number(v[f] ?? 0) * 1_000_000);
    try {
      await save.mutateAsync(body);
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  const num = (name: keyof EvidenceInput, labelKey: Parameters<typeof t>[0]) => (
    <Col xs={12} md={8} key={name}>
      <Form.Item
        name={name}
        label={t(labelKey)}
        rules={[{ required: true, message: t('common.required', { field: t(labelKey) }) }]}
      >
        <InputNumber min={0} style={{ width: '100%' }} data-testid={`evidence-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open
      width={720}
      title={t('inno.addEvidence')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'evidence-save' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year, patents: 0, standards: 0, products: 0, servedEnterprises: 0, revenueFen: 0 }}
      >
        <Row gutter={12}>
          {num('year', 'inno.year')}
          {num('staff', 'inno.staff')}
          {num('areaM2', 'inno.area')}
          {num('equipmentFen', 'inno.equipment')}
          {num('rdSpendingFen', 'inno.rd')}
          {num('revenueFen', 'inno.revenue')}
          {num('patents', 'inno.patents')}
          {num('standards', 'inno.standards')}
          {num('products', 'inno.products')}
          {num('servedEnterprises', 'inno.served')}
        </Row>
        <Form.Item name="note" label={t('inno.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The yearly assessment (考核): grade, score and the assessor's note. */
export function AssessmentDialog({
  platformId,
  year,
  onClose,
}: {
  platformId: string;
  year: number;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessmentInput>();
  const save = useSaveAssessment(platformId);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('inno.assess')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {problem && (
        <Alert type="error" title={translateMessage(problem, lang)} showIcon style={{ marginBottom: 12 }} />
      )}
      <Form<AssessmentInput>
        form={form}
        layout="vertical"
        initialValues={{ year, grade: 'good' }}
        onFinish={async (v) => {
          try {
            await save.mutateAsync(v);
            message.success(t('common.saved'));
            onClose();
          } catch (error) {
            setProblem(showSubmitError(form, error));
          }
        }}
      >
        <Form.Item name="year" label={t('inno.year')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="grade" label={t('inno.grade')}>
          <Select options={options(GRADE, lang)} />
        </Form.Item>
        <Form.Item name="score" label={t('inno.score')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="note" label={t('inno.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
