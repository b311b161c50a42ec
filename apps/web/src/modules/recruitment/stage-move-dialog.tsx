import {
  type Pipeline,
  PLATFORM_KIND_LABELS,
  PLATFORM_KINDS,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_LEVELS,
  recruitmentPipeline,
  type Stage,
  type StageMoveInput,
  type StagePosition,
} from '@gaodi/contracts';
import { Form, Input, Radio, Select } from 'antd';
import { type FieldSlot, StageMoveDialog as PipelineMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import { AttachmentUpload } from './attachment-upload.tsx';
import { useText } from './recruitment-text.ts';
import { useMoveStage, usePlatforms } from './use-recruitment.ts';

const pipeline = recruitmentPipeline as Pipeline<Stage> & { key: 'recruitment' };

/** 运营's requirement: an existing platform, or a new one described here. */
function PlatformFields() {
  const t = useText();
  const platforms = usePlatforms();
  const mode = Form.useWatch('platformMode') ?? 'existing';
  return (
    <>
      <Form.Item name="platformMode" label={t('platform')} initialValue="existing">
        <Radio.Group
          options={[
            { value: 'existing', label: t('platform') },
            { value: 'new', label: t('newPlatform') },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item name="platformId" rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={platforms.isPending}
            options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="platformName" label={t('platformName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="platformKind" label={t('platformKind')} initialValue="joint_lab">
            <Select options={PLATFORM_KINDS.map((k) => ({ value: k, label: PLATFORM_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="platformLevel" label={t('platformLevel')} initialValue="county">
            <Select options={PLATFORM_LEVELS.map((k) => ({ value: k, label: PLATFORM_LEVEL_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="partners" label={t('partners')}>
            <Input />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** The agreement upload (签约) and the platform (运营): recruitment's fields in the one move dialog. */
function RecruitmentField({ requirement, setUploading, setError }: FieldSlot) {
  const t = useText();
  if (requirement.field === 'platform') return <PlatformFields />;
  if (requirement.field !== 'agreementFileId') return null;
  return (
    <Form.Item name="agreementFileId" label={t('agreement')} required>
      <AttachmentUpload
        label={t('upload')}
        testId="move-agreement"
        onUploading={setUploading}
        onError={setError}
      />
    </Form.Item>
  );
}

/** The platform fields as the move's input: `platformId`, or a new `platform`. */
function platformInput(v: Record<string, unknown>): Partial<StageMoveInput> {
  if (!('platformMode' in v)) return {};
  if (v.platformMode !== 'new') return { platformId: v.platformId as string | undefined };
  const partners = typeof v.partners === 'string' ? v.partners : '';
  return {
    platformId: undefined,
    platform: {
      name: typeof v.platformName === 'string' ? v.platformName : '',
      kind: (v.platformKind as (typeof PLATFORM_KINDS)[number] | undefined) ?? 'joint_lab',
      level: (v.platformLevel as (typeof PLATFORM_LEVELS)[number] | undefined) ?? 'county',
      partners: partners
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter(Boolean),
    },
  };
}

/** A recruitment record's move, in the one move dialog of every pipeline (modules/pipelines). */
export function StageMoveDialog({
  recordId,
  from,
  to,
  signedOn,
  onClose,
}: {
  recordId: string;
  from: StagePosition<Stage>;
  to: StagePosition<Stage>;
  signedOn?: string | null;
  onClose: () => void;
}) {
  const move = useMoveStage();
  return (
    <PipelineMoveDialog
      pipeline={pipeline}
      from={from}
      to={to}
      dates={{ signedOn: signedOn ?? null }}
      renderField={(slot) => <RecruitmentField {...slot} />}
      toInput={platformInput}
      onSubmit={(input) => move.mutateAsync({ id: recordId, input: input as StageMoveInput })}
      onClose={onClose}
    />
  );
}
