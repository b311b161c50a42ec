import {
  STAGE_DESCRIPTION_MAX,
  STAGE_LABEL_MAX,
  STAGE_PIPELINE_LABELS,
  type StageLabel,
  type StageLabels,
  type StagePipeline,
} from '@gaodi/contracts';
import { Alert, App, Button, Flex, Input, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { CustomStagesPanel } from '../pipelines/custom-stages-panel.tsx';
import { useSaveStageLabels, useStageLabels } from './use-stage-labels.ts';

type Draft = Record<string, { label: string; description: string }>;
const NO_STAGES: StageLabel[] = [];

const draftOf = (stages: readonly StageLabel[]): Draft =>
  Object.fromEntries(
    stages.map((s) => [s.stage, { label: s.own.label ?? '', description: s.own.description ?? '' }]),
  );

/** 阶段名称: each pipeline's stages, the name this office inherits, and the office's own name. */
export function StageLabelsPage() {
  const { t, lang } = useI18n();
  const { labels, query } = useStageLabels();
  const [pipeline, setPipeline] = useState<StagePipeline>('recruitment');
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!labels) return <PageLoading />;
  return (
    <Page
      title={t('stageNames.title')}
      crumbs={[{ title: t('nav.system') }, { title: t('stageNames.title') }]}
      testId="stage-labels"
    >
      <Panel>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('stageNames.hint')} />
        <Tabs
          activeKey={pipeline}
          onChange={(key) => setPipeline(key as StagePipeline)}
          items={labels.pipelines.map((p) => ({
            key: p.pipeline,
            label: (
              <span data-testid={`stage-pipeline-${p.pipeline}`}>
                {STAGE_PIPELINE_LABELS[p.pipeline][lang]}
              </span>
            ),
            children: (
              <>
                <PipelineTable labels={labels} pipeline={p.pipeline} />
                <CustomStagesPanel pipeline={p.pipeline} />
              </>
            ),
          }))}
        />
      </Panel>
    </Page>
  );
}

function PipelineTable({ labels, pipeline }: { labels: StageLabels; pipeline: StagePipeline }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const save = useSaveStageLabels();
  const mayEdit = can('stage_label', 'update');
  const stages = labels.pipelines.find((p) => p.pipeline === pipeline)?.stages ?? NO_STAGES;
  const [draft, setDraft] = useState<Draft>(() => draftOf(stages));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  // A save (or a region switch) brings new names: start again from what is stored.
  useEffect(() => {
    setDraft(draftOf(stages));
  }, [stages]);

  const submit = async (clearAll: boolean) => {
    setError(null);
    setErrors({});
    const body = {
      pipeline,
      stages: stages.map((s) => ({
        stage: s.stage,
        label: clearAll ? null : draft[s.stage]?.label.trim() || null,
        description: clearAll ? null : draft[s.stage]?.description.trim() || null,
      })),
    };
    try {
      await save.mutateAsync(body);
      message.success(clearAll ? t('stageNames.cleared') : t('stageNames.saved'));
    } catch (e) {
      if (isApiError(e) && e.fields.length > 0) {
        const byStage: Record<string, string> = {};
        const rest: string[] = [];
        for (const f of e.fields) {
          const m = /^stages\.(\d+)\.(label|description|stage)$/.exec(f.path);
          const stage = m ? body.stages[Number(m[1])]?.stage : undefined;
          if (stage) byStage[`${stage}.${m?.[2]}`] = f.message;
          else rest.push(f.message);
        }
        setErrors(byStage);
        if (rest.length > 0) setError(rest.join('；'));
      } else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const edit = (stage: string, field: 'label' | 'description', value: string) => {
    setDraft((d) => ({
      ...d,
      [stage]: { label: d[stage]?.label ?? '', description: d[stage]?.description ?? '', [field]: value },
    }));
    setErrors((es) => {
      const { [`${stage}.${field}`]: _gone, ...rest } = es;
      return rest;
    });
  };

  const fromWhere = (regionName: string | null) =>
    regionName ? t('stageNames.fromRegion', { region: regionName }) : t('stageNames.builtIn');

  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<StageLabel>
        rowKey="stage"
        size="middle"
        pagination={false}
        dataSource={stages}
        columns={[
          {
            title: t('stageNames.default'),
            width: 140,
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                <span>{lang === 'en' ? s.defaultName.en : s.defaultName.zh}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.stage}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('stageNames.inherited'),
            width: 200,
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                <span>{s.inherited.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fromWhere(s.inherited.regionName)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('stageNames.own'),
            width: 200,
            render: (_, s) => {
              const problem = errors[`${s.stage}.label`] ?? errors[`${s.stage}.stage`];
              return (
                <>
                  <Input
                    value={draft[s.stage]?.label ?? ''}
                    placeholder={s.inherited.name}
                    maxLength={STAGE_LABEL_MAX}
                    disabled={!mayEdit}
                    status={problem ? 'error' : undefined}
                    onChange={(e) => edit(s.stage, 'label', e.target.value)}
                    data-testid={`stage-label-${s.stage}`}
                  />
                  {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
                </>
              );
            },
          },
          {
            title: t('stageNames.description'),
            render: (_, s) => {
              const problem = errors[`${s.stage}.description`];
              return (
                <>
                  <Input.TextArea
                    value={draft[s.stage]?.description ?? ''}
                    placeholder={s.inherited.description || t('stageNames.descriptionHint')}
                    maxLength={STAGE_DESCRIPTION_MAX}
                    autoSize={{ minRows: 1, maxRows: 3 }}
                    disabled={!mayEdit}
                    status={problem ? 'error' : undefined}
                    onChange={(e) => edit(s.stage, 'description', e.target.value)}
                    data-testid={`stage-description-${s.stage}`}
                  />
                  {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
                </>
              );
            },
          },
          {
            title: t('stageNames.shown'),
            width: 160,
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                <Tag color={s.source === 'own' ? 'blue' : s.source === 'inherited' ? 'cyan' : 'default'}>
                  {s.name}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.source === 'own' ? t('stageNames.thisRegion') : fromWhere(s.sourceRegionName)}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
      {mayEdit && (
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => submit(false)}
            data-testid="stage-save"
          >
            {t('common.save')}
          </Button>
          <Popconfirm title={t('stageNames.clearConfirm')} onConfirm={() => submit(true)}>
            <Button disabled={save.isPending} data-testid="stage-clear">
              {t('stageNames.clear')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </>
  );
}
