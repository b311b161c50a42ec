import { PlusOutlined } from '@ant-design/icons';
import type { Achievement, ImportPreview } from '@gaodi/contracts';
import { Alert, App, Button, Flex, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { FilePickButton } from '../../ui/file-pick-button.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { ImportProgress } from '../../ui/import-job.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { ProblemsCapNote } from '../../ui/problems-cap-note.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { useAchievementColumns } from './achievement-columns.tsx';
import { AchievementDialog } from './achievement-form-dialog.tsx';
import { AchievementNeedsDrawer } from './achievement-needs-drawer.tsx';
import { InstituteNeedsPanel } from './institute-needs-panel.tsx';
import { useAchievementImport, useAchievements } from './use-matchmaking.ts';

function ImportDialog({ file, onClose }: { file: File; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const imports = useAchievementImport();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isJsonl = /\.jsonl?$/i.test(file.name);
  const run = async () => {
    try {
      if (isJsonl) {
        const r = await imports.jsonl.mutateAsync(file);
        message.success(
          t('mm.jsonlDone', {
            created: r.created,
            institutes: r.institutesCreated,
            problems: r.problemCount,
          }),
        );
        onClose();
      } else if (!preview) setPreview(await imports.preview.mutateAsync(file));
      else {
        const r = await imports.confirm.mutateAsync(preview.token);
        message.success(t('mm.importDone', { created: r.created }));
        onClose();
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal
      open
      title={t('mm.importAchievements')}
      onCancel={onClose}
      onOk={run}
      okText={preview || isJsonl ? t('mm.importConfirm') : t('mm.importPreview')}
      confirmLoading={imports.preview.isPending || imports.confirm.isPending || imports.jsonl.isPending}
    >
      <Typography.Paragraph>{file.name}</Typography.Paragraph>
      {problem && <Alert type="error" title={problem} showIcon />}
      {imports.confirm.isPending && <ImportProgress job={imports.job} />}
      {preview && (
        <>
          <Typography.Paragraph>
            {t('mm.importSummary', { total: preview.totalRows, valid: preview.validRows })}
          </Typography.Paragraph>
          <ProblemsCapNote
            shown={preview.problems.length}
            count={preview.problemCount}
            file={preview.problemsFile}
          />
          <Table
            size="small"
            rowKey={(p) => `${p.row}-${p.column}`}
            dataSource={preview.problems}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: t('mm.row'), dataIndex: 'row', key: 'row', width: 60 },
              { title: t('mm.column'), dataIndex: 'column', key: 'column', width: 110 },
              { title: t('mm.problem'), dataIndex: 'message', key: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

/** 科技成果库: institute partners keep their own; the bureau the region's. */
export function AchievementsPage() {
  const { t } = useI18n();
  const can = useCan();
  const [state, update] = useUrlState(['q', 'page', 'pageSize'] as const);
  const [editing, setEditing] = useState<Achievement | 'new' | null>(null);
  const [needsOf, setNeedsOf] = useState<Achievement | null>(null);
  const columns = useAchievementColumns({ onEdit: setEditing, onFindNeeds: setNeedsOf });
  const [importFile, setImportFile] = useState<File | null>(null);
  const query = { q: state.q, page: toInt(state.page, 1), pageSize: toInt(state.pageSize, 20) };
  const list = useAchievements(query);
  return (
    <Page
      title={t('mm.achievements')}
      testId="achievements-page"
      extra={
        <>
          {can('achievement', 'import') && (
            <FilePickButton accept=".xlsx,.jsonl" onPick={setImportFile}>
              {t('mm.importAchievements')}
            </FilePickButton>
          )}
          {can('achievement', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('mm.newAchievement')}
            </Button>
          )}
        </>
      }
    >
      <Panel>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('mm.searchAchievements')}
            defaultValue={state.q}
            onSearch={(q) => update({ q: q || undefined, page: undefined })}
            style={{ width: 280 }}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Achievement>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (a) => <Typography.Paragraph>{a.abstract}</Typography.Paragraph>,
            }}
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
      {can('need', 'read') && <InstituteNeedsPanel />}
      {needsOf && <AchievementNeedsDrawer achievement={needsOf} onClose={() => setNeedsOf(null)} />}
      {editing && (
        <AchievementDialog
          achievement={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {importFile && <ImportDialog file={importFile} onClose={() => setImportFile(null)} />}
    </Page>
  );
}
