import { COOPERATION_FORM_LABELS, type Need, NeedInput } from '@gaodi/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useEditVersion, VersionConflictAlert } from '../../ui/edit-version.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { optionsOf } from './matchmaking-labels.tsx';
import { useNeed, useSaveNeed } from './use-matchmaking.ts';

type Values = {
  enterpriseId?: string;
  title?: string;
  description?: string;
  keywords?: string[];
  industryId?: string;
  budgetMinWan?: number | null;
  budgetMaxWan?: number | null;
  cooperationForms?: string[];
  contactName?: string;
  contactPhone?: string;
};

const toFen = (wan: number | null | undefined) =>
  wan === null || wan === undefined ? null : Math.round(wan * 1_000_000);

/** The form's values as the contract takes them (budgets from 万元 to fen). */
function needInputOf(v: Values, isEnterprise: boolean): NeedInput {
  return {
    enterpriseId: isEnterprise ? null : (v.enterpriseId ?? null),
    title: v.title ?? '',
    description: v.description ?? '',
    keywords: v.keywords ?? [],
    industryId: v.industryId ?? null,
    budgetMinFen: toFen(v.budgetMinWan),
    budgetMaxFen: toFen(v.budgetMaxWan),
    cooperationForms: (v.cooperationForms ?? []) as NeedInput['cooperationForms'],
    contactName: v.contactName ?? '',
    contactPhone: v.contactPhone ?? '',
  };
}

/** Submit or edit a technology need. Budgets are typed in 万元 and stored in integer fen. */
export function NeedFormDialog({ need, onClose }: { need?: Need; onClose: (saved?: Need) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const isEnterprise = me.role === 'enterprise';
  const edit = useEditVersion(useNeed(need?.id), form);
  const save = useSaveNeed(need?.id, edit.ifMatch);
  const opened = edit.record;

  const submit = async () => {
    const input = checkWithSchema(
      form,
      NeedInput,
      needInputOf(form.getFieldsValue(), isEnterprise),
      isEnterprise ? [] : ['enterpriseId'],
    );
    if (!input) return;
    try {
      const saved = await save.mutateAsync(input);
      message.success(t('common.saved'));
      onClose(saved);
    } catch (error) {
      if (!edit.caught(error)) setProblem(showSubmitError(form, error));
    }
  };

  return (
    <Modal
      open
      title={need ? t('mm.editNeed') : t('mm.newNeed')}
      onCancel={() => onClose()}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <VersionConflictAlert edit={edit} schema={NeedInput} />
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        data-testid="need-form"
        initialValues={
          opened
            ? {
                ...opened,
                industryId: opened.industryId ?? undefined,
                budgetMinWan: opened.budgetMinFen === null ? null : opened.budgetMinFen / 1_000_000,
                budgetMaxWan: opened.budgetMaxFen === null ? null : opened.budgetMaxFen / 1_000_000,
              }
            : { keywords: [], cooperationForms: [] }
        }
      >
        <NeedFields pickEnterprise={!isEnterprise} isEdit={Boolean(need)} />
      </Form>
    </Modal>
  );
}

/** The need's fields, labelled as its contract labels them (field-labels.ts). */
function NeedFields({ pickEnterprise, isEdit }: { pickEnterprise: boolean; isEdit: boolean }) {
  const { t, lang } = useI18n();
  const enterprises = useEnterprises({ page: 1, pageSize: 200, sort: 'name', order: 'asc' }, pickEnterprise);
  const industries = useIndustries();
  return (
    <>
      {pickEnterprise && (
        <Form.Item name="enterpriseId" label={t('mm.enterprise')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            disabled={isEdit}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('mm.needTitle')} required>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="description" label={t('mm.needDescription')} required>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="keywords" label={t('mm.keywords')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} open={false} />
      </Form.Item>
      <Form.Item name="industryId" label={t('mm.industry')}>
        <Select
          allowClear
          options={(industries.data ?? []).map((i) => ({
            value: i.id,
            label: lang === 'zh' ? i.name : i.nameEn,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('mm.budgetWan')} style={{ marginBottom: 0 }}>
        <Form.Item name="budgetMinWan" style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
          <InputNumber min={0} style={{ width: '100%' }} placeholder={t('mm.budgetMin')} />
        </Form.Item>
        <Form.Item
          name="budgetMaxWan"
          style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginLeft: 16 }}
        >
          <InputNumber min={0} style={{ width: '100%' }} placeholder={t('mm.budgetMax')} />
        </Form.Item>
      </Form.Item>
      <Form.Item name="cooperationForms" label={t('mm.cooperationForms')}>
        <Select mode="multiple" options={optionsOf(COOPERATION_FORM_LABELS, lang)} />
      </Form.Item>
      <Form.Item name="contactName" label={t('mm.contactName')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('mm.contactPhone')}>
        <Input maxLength={20} />
      </Form.Item>
    </>
  );
}
