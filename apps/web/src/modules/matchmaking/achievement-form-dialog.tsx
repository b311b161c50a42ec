import {
  type Achievement,
  AchievementInput,
  COOPERATION_FORM_LABELS,
  IP_TYPE_LABELS,
} from '@gaodi/contracts';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { optionsOf } from './matchmaking-labels.tsx';
import { useSaveAchievement } from './use-matchmaking.ts';

/** 新增/编辑成果: staff pick the institute; an institute partner's achievements are its own. */
export function AchievementDialog({
  achievement,
  onClose,
}: {
  achievement?: Achievement;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm();
  const save = useSaveAchievement(achievement?.id);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const v = form.getFieldsValue();
    const input = checkWithSchema(
      form,
      AchievementInput,
      {
        ...v,
        instituteId: v.instituteId ?? null,
        keywords: v.keywords ?? [],
        ipNumbers: v.ipNumbers ?? [],
        cooperationForms: v.cooperationForms ?? [],
      },
      me.role === 'institute' ? [] : ['instituteId'],
    );
    if (!input) return;
    try {
      await save.mutateAsync(input);
      onClose();
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <Modal
      open
      title={achievement ? t('mm.editAchievement') : t('mm.newAchievement')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={save.isPending}
      width={640}
    >
      {problem && <Alert type="error" title={problem} showIcon />}
      <Form
        form={form}
        layout="vertical"
        initialValues={achievement ?? { trl: 5, ipType: 'none', keywords: [], cooperationForms: [] }}
      >
        <AchievementFields pickInstitute={me.role !== 'institute'} />
      </Form>
    </Modal>
  );
}

/** The achievement's fields, labelled as its contract labels them (field-labels.ts). */
function AchievementFields({ pickInstitute }: { pickInstitute: boolean }) {
  const { t, lang } = useI18n();
  const institutes = useInstituteOptions(pickInstitute);
  return (
    <>
      {pickInstitute && (
        <Form.Item name="instituteId" label={t('mm.institute')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('mm.achievementTitle')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="abstract" label={t('mm.abstract')} required>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="keywords" label={t('mm.keywords')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
      </Form.Item>
      <Form.Item name="trl" label={t('mm.trl')} required>
        <InputNumber min={1} max={9} />
      </Form.Item>
      <Form.Item name="ipType" label={t('mm.ipType')}>
        <Select options={optionsOf(IP_TYPE_LABELS, lang)} />
      </Form.Item>
      <Form.Item name="ipNumbers" label={t('mm.ipNumbers')}>
        <Select mode="tags" open={false} />
      </Form.Item>
      <Form.Item name="cooperationForms" label={t('mm.cooperationForms')}>
        <Select mode="multiple" options={optionsOf(COOPERATION_FORM_LABELS, lang)} />
      </Form.Item>
    </>
  );
}
