import {
  STAGE_PIPELINE_LABELS,
  type StageLabel,
  type StageLabels,
  type StagePipeline,
} from '@gaodi/contracts';
import { Alert, Button, Flex, Popconfirm, Table, Tabs } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { CustomStagesPanel } from '../pipelines/custom-stages-panel.tsx';
import { useStageLabelColumns } from './stage-label-columns.tsx';
import { useStageLabelDraft } from './use-stage-label-draft.ts';
import { useStageLabels } from './use-stage-labels.ts';

const NO_STAGES: StageLabel[] = [];

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
  const { t } = useI18n();
  const can = useCan();
  const mayEdit = can('stage_label', 'update');
  const stages = labels.pipelines.find((p) => p.pipeline === pipeline)?.stages ?? NO_STAGES;
  const { draft, errors, error, edit, submit, isSaving } = useStageLabelDraft(pipeline, stages);
  const columns = useStageLabelColumns({ draft, errors, edit, mayEdit });
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<StageLabel>
        rowKey="stage"
        size="middle"
        pagination={false}
        dataSource={stages}
        columns={columns}
      />
      {mayEdit && (
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" loading={isSaving} onClick={() => submit(false)} data-testid="stage-save">
            {t('common.save')}
          </Button>
          <Popconfirm title={t('stageNames.clearConfirm')} onConfirm={() => submit(true)}>
            <Button disabled={isSaving} data-testid="stage-clear">
              {t('stageNames.clear')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </>
  );
}
