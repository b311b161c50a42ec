import { PlusOutlined } from '@ant-design/icons';
import { PROJECT_STAGE_LABELS, type ProjectSummary, ProjectStage as StageSchema } from '@gaodi/contracts';
import { Button, Flex, Input, Segmented, Select, Table } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan, useSession } from '../auth/use-session.ts';
import { optionsOf } from '../matchmaking/matchmaking-labels.tsx';
import { useProjectColumns } from './project-columns.tsx';
import { ProjectFormDialog } from './project-form-dialog.tsx';
import { useProjects } from './use-projects.ts';

const KEYS = ['q', 'stage', 'mine', 'page', 'pageSize'] as const;

/** The list's URL state; a helper sees their caseload unless they ask for all. */
function useProjectListQuery() {
  const me = useSession();
  const [state, update] = useUrlState(KEYS);
  const mine = state.mine === 'true' || (state.mine === undefined && me.role === 'helper');
  const query = {
    q: state.q,
    stage: StageSchema.safeParse(state.stage).data,
    mine: mine ? ('true' as const) : undefined,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 20),
  };
  return { state, update, mine, query };
}

/** 合作项目 list; `mine` is the helper's caseload. */
export function ProjectsPage() {
  const { t, lang } = useI18n();
  const me = useSession();
  const can = useCan();
  const [isCreating, setIsCreating] = useState(false);
  const { state, update, mine, query } = useProjectListQuery();
  const list = useProjects(query);
  const columns = useProjectColumns();
  return (
    <Page
      title={mine ? t('proj.caseload') : t('proj.projects')}
      testId="projects-page"
      extra={
        can('project', 'create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="project-new"
          >
            {t('proj.new')}
          </Button>
        )
      }
    >
      <Panel>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {me.role === 'helper' || me.role === 'staff' || me.role === 'taskforce_lead' ? (
            <Segmented
              value={mine ? 'mine' : 'all'}
              onChange={(v) => update({ mine: v === 'mine' ? 'true' : 'false', page: undefined })}
              options={[
                { value: 'all', label: t('proj.all') },
                { value: 'mine', label: t('proj.caseload') },
              ]}
            />
          ) : null}
          <Input.Search
            allowClear
            defaultValue={state.q}
            placeholder={t('proj.search')}
            onSearch={(q) => update({ q: q || undefined, page: undefined })}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder={t('proj.stage')}
            value={query.stage}
            onChange={(v) => update({ stage: v, page: undefined })}
            options={optionsOf(PROJECT_STAGE_LABELS, lang)}
            style={{ width: 140 }}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<ProjectSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 1000 }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
            }}
            columns={columns}
          />
        )}
      </Panel>
      {isCreating && <ProjectFormDialog onClose={() => setIsCreating(false)} />}
    </Page>
  );
}
