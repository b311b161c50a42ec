import { type RecruitmentPlan, RecruitmentPlanInput, SaveRecruitmentPlanRoute } from '@gaodi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { call } from '../../ui/api.ts';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { useAssignable } from './use-recruitment.ts';

/** Saves the year's plan; the plan page shows the saved one at once. */
function useSavePlan(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecruitmentPlanInput) =>
      call(SaveRecruitmentPlanRoute, { params: { year }, body: input }),
    onSuccess: (saved) => client.setQueryData(['recruitment', 'plan', year], saved),
  });
}

/** The form's fields from the stored plan. */
const valuesOf = (plan: RecruitmentPlan) => ({
  title: plan.title,
  targetRecruited: plan.targetRecruited,
  targetOperating: plan.targetOperating,
  targetInstituteIds: plan.targetInstituteIds,
  ownerId: plan.ownerId,
  notes: plan.notes,
});

/** The year's recruitment plan (招引方案): targets, target institutes, owner. */
export function PlanDialog({ plan, onClose }: { plan: RecruitmentPlan; onClose: () => void }) {
  const { lang } = useI18n();
  const en = lang === 'en';
  const [form] = Form.useForm();
  const people = useAssignable();
  const institutes = useInstituteOptions();
  const [error, setError] = useState<string | null>(null);
  const save = useSavePlan(plan.year);
  return (
    <Modal
      open
      title={en ? `${plan.year} recruitment plan` : `${plan.year}年招引方案`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={valuesOf(plan)}
        onFinish={async (values) => {
          setError(null);
          const input = checkWithSchema(form, RecruitmentPlanInput, {
            ...values,
            ownerId: values.ownerId ?? null,
            notes: values.notes ?? '',
          });
          if (!input) return;
          try {
            await save.mutateAsync(input);
            onClose();
          } catch (e) {
            setError(showSubmitError(form, e));
          }
        }}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="title" label={en ? 'Title' : '方案名称'} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="targetRecruited"
          label={en ? 'Target: recruited' : '目标：招引院所数'}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item
          name="targetOperating"
          label={en ? 'Target: operating a platform' : '目标：实体化运营数'}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="targetInstituteIds" label={en ? 'Target institutes' : '目标院所'}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="ownerId" label={en ? 'Owner' : '牵头负责人'}>
          <Select allowClear options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="notes" label={en ? 'Notes' : '说明'}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
