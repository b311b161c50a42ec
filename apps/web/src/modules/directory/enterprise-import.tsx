import { CheckCircleTwoTone } from '@ant-design/icons';
import type { ImportJob, ImportPreview, ImportResult, ImportRowProblem } from '@gaodi/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Modal, Result, Row, Spin, Statistic, Table, Typography } from 'antd';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { ImportProgress, usePreviewOnce } from '../../ui/import-job.tsx';
import { ProblemsCapNote } from '../../ui/problems-cap-note.tsx';
import { useConfirmEnterpriseImport, usePreviewEnterpriseImport } from './use-enterprises.ts';

/**
 * Import in two steps: the server checks the file and answers a preview (nothing written yet);
 * only "确认导入" writes the valid rows.
 */
export function EnterpriseImport({ file, onClose }: { file: File; onClose: () => void }) {
  const preview = usePreviewEnterpriseImport();
  const confirm = useConfirmEnterpriseImport();
  return <ImportPreviewDialog file={file} onClose={onClose} preview={preview} confirm={confirm} />;
}

/** Close once written; else cancel, and confirm with the count of valid rows. */
function ImportFooter({
  preview: data,
  isDone,
  isConfirming,
  onConfirm,
  onClose,
}: {
  preview: ImportPreview | undefined;
  isDone: boolean;
  isConfirming: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return isDone ? (
    <Button key="close" type="primary" onClick={onClose} data-testid="import-close">
      {t('common.close')}
    </Button>
  ) : (
    <>
      <Button key="cancel" onClick={onClose} data-testid="import-cancel">
        {t('common.cancel')}
      </Button>
      <Button
        key="confirm"
        type="primary"
        disabled={!data || data.validRows === 0}
        loading={isConfirming}
        onClick={onConfirm}
        data-testid="import-confirm"
      >
        {data && data.validRows === 0
          ? t('import.noValid')
          : t('import.confirm', { count: formatNumber(data?.validRows ?? 0) })}
      </Button>
    </>
  );
}

/** The preview's counts and its problem rows (which row, which column, why). */
function PreviewFigures({ preview: data }: { preview: ImportPreview }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-preview">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.totalRows')} value={data.totalRows} groupSeparator="," />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('import.validRows')}
            value={data.validRows}
            groupSeparator=","
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.toCreate')} value={data.toCreate} groupSeparator="," />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.toUpdate')} value={data.toUpdate} groupSeparator="," />
        </Col>
      </Row>
      <Typography.Title level={5}>
        {t('import.problems')}（{formatNumber(data.problemCount)}）
      </Typography.Title>
      <ProblemsCapNote shown={data.problems.length} count={data.problemCount} file={data.problemsFile} />
      <Table<ImportRowProblem>
        size="small"
        rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
        dataSource={data.problems}
        pagination={data.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 560 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />,
        }}
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 80 },
          { title: t('import.column'), dataIndex: 'column', width: 160 },
          { title: t('import.reason'), dataIndex: 'message' },
        ]}
        data-testid="import-problems"
      />
    </div>
  );
}

/** The two-step import dialog over any import that answers the directory's preview shape (人才台账 too). */
export function ImportPreviewDialog({
  file,
  onClose,
  preview,
  confirm,
}: {
  file: File;
  onClose: () => void;
  preview: UseMutationResult<ImportPreview, Error, File>;
  confirm: UseMutationResult<ImportResult, Error, string> & { job: ImportJob | null };
}) {
  const { t } = useI18n();
  usePreviewOnce(file, preview.mutate);

  const data = preview.data;
  const result = confirm.data;
  const footer = (
    <ImportFooter
      preview={data}
      isDone={!!result}
      isConfirming={confirm.isPending}
      onConfirm={() => data && confirm.mutate(data.token)}
      onClose={onClose}
    />
  );

  return (
    <Modal
      open
      title={t('import.title')}
      width={760}
      onCancel={onClose}
      footer={footer}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="import-dialog"
    >
      <Typography.Paragraph type="secondary">
        {file.name} · {t('import.hint')}
      </Typography.Paragraph>
      {preview.isPending && (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin description={t('import.parsing')}>
            <div style={{ height: 48 }} />
          </Spin>
        </div>
      )}
      {preview.isError && (
        <Alert type="error" showIcon title={preview.error.message} data-testid="import-error" />
      )}
      {confirm.isPending && <ImportProgress job={confirm.job} />}
      {confirm.isError && (
        <Alert
          type="error"
          showIcon
          title={confirm.error.message}
          style={{ marginBottom: 12 }}
          data-testid="import-error"
        />
      )}
      {result && (
        <Result
          icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
          title={t('import.done', {
            created: formatNumber(result.created),
            updated: formatNumber(result.updated),
          })}
          data-testid="import-result"
        />
      )}
      {data && !result && <PreviewFigures preview={data} />}
    </Modal>
  );
}
