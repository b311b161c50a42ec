import {
  type Pipeline,
  PROJECT_STAGE_LABELS,
  type ProjectMoveTarget,
  type ProjectStage,
  type ProjectStageInput,
  projectPipeline,
} from '@gaodi/contracts';
import { Button, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { labelOf } from '../matchmaking/matchmaking-labels.tsx';
import { StageMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import {
  HelpersPanel,
  MilestonesPanel,
  OutputsPanel,
  ProjectFacts,
  TimelinePanel,
} from './project-panels.tsx';
import { type ProjectDialogKind, ProjectRecordDialog } from './project-record-dialog.tsx';
import { useProject, useProjectActions } from './use-projects.ts';

const pipeline = projectPipeline as Pipeline<ProjectStage> & { key: 'project' };

/** One cooperation project: parties, sites, helper and hand-overs, stages, milestones, outputs, timeline. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const project = useProject(id);
  const actions = useProjectActions(id);
  const [dialog, setDialog] = useState<ProjectDialogKind | null>(null);
  const [moving, setMoving] = useState<ProjectMoveTarget | null>(null);
  if (project.isPending) return <PageLoading />;
  if (project.isError) return <QueryError error={project.error} onRetry={() => project.refetch()} />;
  const p = project.data;
  // Offices name their stages in Chinese; the English UI keeps the built-in names.
  const targetName = (to: ProjectMoveTarget) =>
    lang === 'en' ? labelOf(PROJECT_STAGE_LABELS, to.stage, lang) : to.name;
  const isStaff = can('project', 'create');

  return (
    <Page
      title={p.title}
      testId="project-page"
      back="/projects"
      crumbs={[{ title: t('proj.projects'), to: '/projects' }, { title: p.title }]}
      extra={
        p.canEdit && (
          <>
            {p.allowedMoves.map((to) => (
              <Button
                key={`${to.stage}:${to.subStage ?? ''}`}
                type={to.stage === 'stopped' ? 'default' : 'primary'}
                danger={to.stage === 'stopped'}
                data-testid={`project-stage-${to.subStage ?? to.stage}`}
                onClick={() => setMoving(to)}
              >
                {t('proj.moveTo', { stage: targetName(to) })}
              </Button>
            ))}
            <Button onClick={() => setDialog('entry')}>{t('proj.addEntry')}</Button>
            {isStaff && <Button onClick={() => setDialog('helper')}>{t('proj.assignHelper')}</Button>}
          </>
        )
      }
    >
      <ProjectFacts project={p} />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <MilestonesPanel project={p} onAdd={() => setDialog('milestone')} />
          <OutputsPanel project={p} onAdd={() => setDialog('output')} />
          <HelpersPanel project={p} />
        </Col>
        <Col xs={24} md={12}>
          <TimelinePanel project={p} />
        </Col>
      </Row>
      {moving && (
        <StageMoveDialog
          pipeline={pipeline}
          from={{ stage: p.stage, subStage: p.subStage }}
          to={{ stage: moving.stage, subStage: moving.subStage }}
          dates={{ signedOn: p.signedOn, landedOn: p.landedOn }}
          renderField={({ requirement }) =>
            requirement.field === 'landedPlace' && (
              <Form.Item name="landedPlace" label={t('proj.landedPlace')}>
                <Input />
              </Form.Item>
            )
          }
          // A signing without a contract number keeps the one the project has (as the server does).
          toInput={(v) => (v.contractNo || !p.contractNo ? {} : { contractNo: p.contractNo })}
          onSubmit={(input) => actions.stage.mutateAsync(input as ProjectStageInput)}
          onClose={() => setMoving(null)}
        />
      )}
      {dialog && <ProjectRecordDialog project={p} kind={dialog} onClose={() => setDialog(null)} />}
    </Page>
  );
}
