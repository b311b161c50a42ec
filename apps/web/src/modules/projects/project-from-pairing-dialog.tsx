import { type Pairing, PROJECT_KIND_LABELS, Project, type ProjectKind } from '@gaodi/contracts';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../ui/api.ts';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { optionsOf } from '../matchmaking/matchmaking-labels.tsx';
import { useCreateProject, useHelpers } from './use-projects.ts';

type Values = {
  title: string;
  kind: ProjectKind;
  amountWan?: number | null;
  contractNo?: string;
  signedOn?: Dayjs | null;
  helperId?: string;
  rdRegionCode?: string;
};

/**
 * 签约立项 from a pairing: the project takes the pairing's need, enterprise, institute and event;
 * with a signing date and contract number it is signed at once (意向 → 签约).
 */
export function ProjectFromPairingDialog({ pairing, onClose }: { pairing: Pairing; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const helpers = useHelpers();
  const create = useCreateProject();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = form.getFieldsValue();
    setIsSaving(true);
    try {
      const project = await create.mutateAsync({
        title: v.title,
        kind: v.kind,
        sourcePairingId: pairing.id,
        amountFen: v.amountWan ? Math.round(v.amountWan * 1_000_000) : 0,
        contractNo: v.contractNo ?? '',
        helperId: v.helperId ?? null,
        rdRegionCode: v.rdRegionCode || null,
      });
      if (v.signedOn) {
        await api.post(`/api/projects/${project.id}/stage`, Project, {
          to: 'signed',
          signedOn: v.signedOn.format('YYYY-MM-DD'),
          contractNo: v.contractNo ?? '',
        });
      }
      message.success(t('common.saved'));
      onClose();
      navigate(`/projects/${project.id}`);
    } catch (error) {
      setProblem(showSubmitError(form, error));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('proj.fromPairing')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        data-testid="project-form"
        initialValues={{ title: `${pairing.needTitle}（${pairing.instituteName}）`, kind: 'development' }}
      >
        <Form.Item name="title" label={t('proj.title')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('proj.kind')}>
          <Select options={optionsOf(PROJECT_KIND_LABELS, lang)} />
        </Form.Item>
        <Form.Item name="helperId" label={t('proj.helper')}>
          <Select
            allowClear
            data-testid="project-helper"
            options={(helpers.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
          />
        </Form.Item>
        <Form.Item name="contractNo" label={t('proj.contractNo')}>
          <Input maxLength={60} data-testid="project-contract" />
        </Form.Item>
        <Form.Item name="amountWan" label={t('proj.amountWan')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="signedOn" label={t('proj.signedOn')} extra={t('proj.signedOnHint')}>
          <DatePicker style={{ width: '100%' }} data-testid="project-signed-on" />
        </Form.Item>
        <Form.Item name="rdRegionCode" label={t('proj.rdRegion')} extra={t('proj.rdRegionHint')}>
          <Input maxLength={6} placeholder="110115" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
