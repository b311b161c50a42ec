import { STAGE_DESCRIPTION_MAX, STAGE_LABEL_MAX, type StageLabel } from '@gaodi/contracts';
import { Input, Space, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import type { Draft } from './use-stage-label-draft.ts';

/** A name with a small grey line under it (its code, or where it comes from). */
function WithNote({ main, note }: { main: ReactNode; note: string }) {
  return (
    <Space direction="vertical" size={0}>
      {typeof main === 'string' ? <span>{main}</span> : main}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note}
      </Typography.Text>
    </Space>
  );
}

type Edit = (stage: string, field: 'label' | 'description', value: string) => void;

/** The office's own name (one line) or description (a few) of a stage, with its problem below. */
function DraftInput({
  stage: s,
  field,
  value,
  problem,
  mayEdit,
  onEdit,
}: {
  stage: StageLabel;
  field: 'label' | 'description';
  value: string;
  problem: string | undefined;
  mayEdit: boolean;
  onEdit: Edit;
}) {
  const { t } = useI18n();
  const common = {
    value,
    disabled: !mayEdit,
    status: problem ? ('error' as const) : undefined,
    'data-testid': `stage-${field}-${s.stage}`,
  };
  return (
    <>
      {field === 'label' ? (
        <Input
          {...common}
          placeholder={s.inherited.name}
          maxLength={STAGE_LABEL_MAX}
          onChange={(e) => onEdit(s.stage, 'label', e.target.value)}
        />
      ) : (
        <Input.TextArea
          {...common}
          placeholder={s.inherited.description || t('stageNames.descriptionHint')}
          maxLength={STAGE_DESCRIPTION_MAX}
          autoSize={{ minRows: 1, maxRows: 3 }}
          onChange={(e) => onEdit(s.stage, 'description', e.target.value)}
        />
      )}
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </>
  );
}

/** The stage-names table's columns: built-in, inherited, own name and description (editable), shown. */
export function useStageLabelColumns({
  draft,
  errors,
  edit,
  mayEdit,
}: {
  draft: Draft;
  errors: Record<string, string>;
  edit: Edit;
  mayEdit: boolean;
}): TableColumnsType<StageLabel> {
  const { t, lang } = useI18n();
  const fromWhere = (regionName: string | null) =>
    regionName ? t('stageNames.fromRegion', { region: regionName }) : t('stageNames.builtIn');
  return [
    {
      title: t('stageNames.default'),
      width: 140,
      render: (_, s) => (
        <WithNote main={lang === 'en' ? s.defaultName.en : s.defaultName.zh} note={s.stage} />
      ),
    },
    {
      title: t('stageNames.inherited'),
      width: 200,
      render: (_, s) => <WithNote main={s.inherited.name} note={fromWhere(s.inherited.regionName)} />,
    },
    {
      title: t('stageNames.own'),
      width: 200,
      render: (_, s) => (
        <DraftInput
          stage={s}
          field="label"
          value={draft[s.stage]?.label ?? ''}
          problem={errors[`${s.stage}.label`] ?? errors[`${s.stage}.stage`]}
          mayEdit={mayEdit}
          onEdit={edit}
        />
      ),
    },
    {
      title: t('stageNames.description'),
      render: (_, s) => (
        <DraftInput
          stage={s}
          field="description"
          value={draft[s.stage]?.description ?? ''}
          problem={errors[`${s.stage}.description`]}
          mayEdit={mayEdit}
          onEdit={edit}
        />
      ),
    },
    {
      title: t('stageNames.shown'),
      width: 160,
      render: (_, s) => (
        <WithNote
          main={
            <Tag color={s.source === 'own' ? 'blue' : s.source === 'inherited' ? 'cyan' : 'default'}>
              {s.name}
            </Tag>
          }
          note={s.source === 'own' ? t('stageNames.thisRegion') : fromWhere(s.sourceRegionName)}
        />
      ),
    },
  ];
}
