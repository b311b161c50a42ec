import { CheckCircleTwoTone } from '@ant-design/icons';
import type { ImportJob, ImportPreview, ImportResult, ImportRowProblem } from '@gaodi/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Modal, Result, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { ImportProgress } from '../../ui/import-job.tsx';
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
  const { mutate } = preview;
  // Once per file: StrictMode runs effects twice in development, and each upload is a server-side preview.
  const sent = useRef<File | null>(null);
  useEffect(() => {
    if (sent.current === file) return;
    sent.current = file;
    mutate(file);
  }, [file, mutate]);

  const data = preview.data;
  const result = confirm.data;
  const footer = result
    ? [
        <Button key="close" type="primary" onClick={onClose} data-testid="import-close">
          {t('common.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose} data-testid="import-cancel">
          {t('common.cancel')}
        </Button>,
        <Button
          key="confirm"
          type="primary"
          disabled={!data || data.validRows === 0}
          loading={confirm.isPending}
          onClick={() => data && confirm.mutate(data.token)}
          data-testid="import-confirm"
        >
          {data && data.validRows === 0
            ? t('import.noValid')
            : t('import.confirm', { count: formatNumber(data?.validRows ?? 0) })}
        </Button>,
      ];

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
      {data && !result && (
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
      )}
    </Modal>
  );
}
