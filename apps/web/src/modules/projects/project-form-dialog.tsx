import { type Pairing, PROJECT_KIND_LABELS, type ProjectInput, type ProjectKind } from '@gaodi/contracts';
import {
  Alert,
  App,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  type RefSelectProps,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type Ref, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, isApiError } from '../../ui/api.ts';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useInstitutes } from '../directory/use-institutes.ts';
import { optionsOf } from '../matchmaking/matchmaking-labels.tsx';
import { type AmountUnit, amountToFen } from './project-amount.ts';
import { useCreateProject, useHelpers } from './use-projects.ts';

type Values = {
  title: string;
  kind: ProjectKind;
  description?: string;
  enterpriseIds?: string[];
  instituteIds?: string[];
  amount?: string;
  amountUnit: AmountUnit;
  contractNo?: string;
  signedOn?: Dayjs | null;
  helperId?: string;
  rdRegionCode?: string;
  isGreenChannel?: boolean;
};

/** The server names the amount `amountFen`; the form holds it as typed, in `amount`. */
function onFormPaths(error: unknown): unknown {
  if (!isApiError(error)) return error;
  const fields = error.fields.map((f) => (f.path === 'amountFen' ? { ...f, path: 'amount' } : f));
  return new ApiError(error.statusCode, error.code, error.message, fields);
}

/**
 * A new cooperation project. Without `pairing` the user chooses the parties (新建项目 on the list);
 * with one it is 签约立项 from that pairing, which brings its need, enterprise, institute and event.
 * With a signing date (and contract number) the project is signed at once (意向 → 签约). Lands on
 * the new project's page.
 */
export function ProjectFormDialog({ pairing, onClose }: { pairing?: Pairing; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const helpers = useHelpers();
  const create = useCreateProject();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setProblem(null);
    const amountFen = amountToFen(v.amount, v.amountUnit);
    if (amountFen === null) {
      form.setFields([{ name: 'amount', errors: [t('proj.amountInvalid')] }]);
      return;
    }
    const input: ProjectInput = {
      title: v.title ?? '',
      kind: v.kind,
      description: v.description ?? '',
      enterpriseIds: pairing ? [] : (v.enterpriseIds ?? []),
      instituteIds: pairing ? [] : (v.instituteIds ?? []),
      sourcePairingId: pairing?.id ?? null,
      contractNo: v.contractNo?.trim() ?? '',
      amountFen,
      helperId: v.helperId ?? null,
      rdRegionCode: v.rdRegionCode?.trim() || null,
      isGreenChannel: v.isGreenChannel ?? false,
    };
    try {
      const { project, signError } = await create.mutateAsync({
        input,
        signedOn: v.signedOn?.format('YYYY-MM-DD'),
      });
      if (signError) {
        const reason = signError instanceof Error ? signError.message : String(signError);
        message.warning(t('proj.createdNotSigned', { reason }));
      } else message.success(t('common.saved'));
      onClose();
      navigate(`/projects/${project.id}`);
    } catch (error) {
      setProblem(showSubmitError(form, onFormPaths(error)));
    }
  };

  return (
    <Modal
      open
      width={720}
      title={pairing ? t('proj.fromPairing') : t('proj.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="project-form"
        onFinish={submit}
        initialValues={{
          title: pairing ? `${pairing.needTitle}（${pairing.instituteName}）` : '',
          kind: 'development',
          amountUnit: 'wan',
          isGreenChannel: false,
        }}
      >
        <Form.Item
          name="title"
          label={t('proj.title')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('proj.title') }) },
          ]}
        >
          <Input maxLength={200} data-testid="project-title" />
        </Form.Item>
        {pairing ? (
          <Form.Item label={t('proj.pairingParties')}>
            {pairing.enterpriseName}、{pairing.instituteName}
          </Form.Item>
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="enterpriseIds" label={t('proj.enterprises')}>
                <PartySelect kind="enterprise" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="instituteIds" label={t('proj.institutes')}>
                <PartySelect kind="institute" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('proj.kind')}>
              <Select options={optionsOf(PROJECT_KIND_LABELS, lang)} data-testid="project-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="helperId" label={t('proj.helper')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={helpers.isPending}
                data-testid="project-helper"
                options={(helpers.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('proj.amount')} required={false}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="amount" noStyle>
                  <Input inputMode="decimal" maxLength={20} data-testid="project-amount" />
                </Form.Item>
                <Form.Item name="amountUnit" noStyle>
                  <Select
                    style={{ width: 110 }}
                    options={[
                      { value: 'wan', label: t('proj.unitWan') },
                      { value: 'yuan', label: t('proj.unitYuan') },
                    ]}
                    data-testid="project-amount-unit"
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contractNo" label={t('proj.contractNo')}>
              <Input maxLength={60} data-testid="project-contract" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="signedOn"
              label={t('proj.signedOn')}
              extra={t('proj.signedOnHint')}
              dependencies={['contractNo']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value && !String(getFieldValue('contractNo') ?? '').trim()
                      ? Promise.reject(new Error(t('proj.contractNoToSign')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="project-signed-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="rdRegionCode" label={t('proj.rdRegion')} extra={t('proj.rdRegionHint')}>
              <Input maxLength={6} placeholder="110115" data-testid="project-rd-region" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('proj.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="isGreenChannel" label={t('proj.greenChannel')} valuePropName="checked">
          <Switch data-testid="project-green-channel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Several enterprises or institutes, searched on the server (name or pinyin initials). Names of the
 * chosen ones are kept, so a chip keeps its name when a later search no longer lists it.
 */
function PartySelect({
  kind,
  value,
  onChange,
  id,
  ref,
}: {
  kind: 'enterprise' | 'institute';
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** From Form.Item: the label's target, and what a field error scrolls to. */
  id?: string;
  ref?: Ref<RefSelectProps>;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const query = { q: q || undefined, page: 1, pageSize: 20, sort: 'name' as const, order: 'asc' as const };
  const enterprises = useEnterprises(query, kind === 'enterprise');
  const institutes = useInstitutes(query, kind === 'institute');
  const list = kind === 'enterprise' ? enterprises : institutes;
  const found = (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const chosen = (value ?? [])
    .filter((v) => !found.some((o) => o.value === v))
    .map((v) => ({ value: v, label: names[v] ?? v }));
  return (
    <Select
      id={id}
      ref={ref}
      mode="multiple"
      value={value}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(ids: string[], options) => {
        const picked = (Array.isArray(options) ? options : [options]).filter(
          (o): o is { value: string; label: string } => typeof o?.label === 'string',
        );
        setNames((known) => ({ ...known, ...Object.fromEntries(picked.map((o) => [o.value, o.label])) }));
        onChange?.(ids);
      }}
      placeholder={t('proj.partySearch')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? undefined : null}
      options={[...chosen, ...found]}
      data-testid={`project-${kind}s`}
    />
  );
}
