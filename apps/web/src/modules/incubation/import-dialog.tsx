import type { ImportPreview, ImportRowProblem } from '@gaodi/contracts';
import { Alert, Button, Col, Modal, Result, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { ProblemsCapNote } from '../../ui/problems-cap-note.tsx';
import { useIncubationImport } from './use-incubation.ts';

/** An Excel import in two steps: the server checks every row (row, column, why); only 确认导入 writes. */
export function ImportDialog({
  kind,
  file,
  onClose,
}: {
  kind: 'ledger' | 'reports';
  file: File;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { preview, confirm } = useIncubationImport(kind);
  const { mutate } = preview;
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
        <Button key="cancel" onClick={onClose}>
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
          {t('import.confirm', { count: formatNumber(data?.validRows ?? 0) })}
        </Button>,
      ];
  const error = preview.error ?? confirm.error;
  return (
    <Modal
      open
      title={t(kind === 'ledger' ? 'inc.importLedger' : 'inc.importReports')}
      width={760}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {file.name} · {t('inc.importHint')}
      </Typography.Paragraph>
      {preview.isPending && <Spin style={{ display: 'block', padding: 32 }} />}
      {error && <Alert type="error" showIcon title={error.message} data-testid="import-error" />}
      {result && (
        <Result
          status="success"
          title={t('import.done', {
            created: formatNumber(result.created),
            updated: formatNumber(result.updated),
          })}
          data-testid="import-result"
        />
      )}
      {data && !result && <PreviewTable data={data} />}
    </Modal>
  );
}

function PreviewTable({ data }: { data: ImportPreview }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-preview">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['totalRows', 'validRows', 'toCreate', 'toUpdate'] as const).map((k) => (
          <Col xs={12} sm={6} key={k}>
            <Statistic title={t(`import.${k}`)} value={data[k]} groupSeparator="," />
          </Col>
        ))}
      </Row>
      <ProblemsCapNote shown={data.problems.length} count={data.problemCount} file={data.problemsFile} />
      <Table<ImportRowProblem>
        size="small"
        rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
        dataSource={data.problems}
        pagination={data.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
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
