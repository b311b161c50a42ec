import type { LedgerImportPreview } from '@gaodi/contracts';
import { Alert, Button, Modal, Result, Spin, Table, Typography } from 'antd';
import { ImportProgress, usePreviewOnce } from '../../ui/import-job.tsx';
import { ProblemsCapNote } from '../../ui/problems-cap-note.tsx';
import { useText } from './recruitment-text.ts';
import { useLedgerImport } from './use-recruitment.ts';

/** What the import would write, and each problem row with its column and reason. */
function LedgerPreview({ preview: data }: { preview: LedgerImportPreview }) {
  const t = useText();
  return (
    <>
      <Typography.Paragraph>
        {t('importCounts', {
          c: data.recordsToCreate,
          u: data.recordsToUpdate,
          e: data.entriesToCreate,
          s: data.entriesSkipped,
        })}
      </Typography.Paragraph>
      {data.problems.length > 0 && (
        <>
          <Typography.Text type="danger">{t('problems')}</Typography.Text>
          <ProblemsCapNote shown={data.problems.length} count={data.problemCount} file={data.problemsFile} />
          <Table
            size="small"
            rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
            dataSource={data.problems}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 60 },
              { title: t('column'), dataIndex: 'column', width: 180 },
              { title: t('message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </>
  );
}

/** Ledger import in two steps: the server checks every row and previews; only confirming writes. */
export function LedgerImportDialog({ file, onClose }: { file: File; onClose: () => void }) {
  const t = useText();
  const { preview, confirm, job } = useLedgerImport();
  usePreviewOnce(file, preview.mutate);
  const data = preview.data;
  const result = confirm.data;
  const nothing = data ? data.recordsToCreate + data.recordsToUpdate + data.entriesToCreate === 0 : true;
  return (
    <Modal
      open
      width={760}
      title={t('importPreview')}
      onCancel={onClose}
      footer={
        result
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                {t('close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('cancel')}
              </Button>,
              <Button
                key="ok"
                type="primary"
                disabled={nothing}
                loading={confirm.isPending}
                onClick={() => data && confirm.mutate(data.token)}
                data-testid="ledger-import-confirm"
              >
                {t('importConfirm')}
              </Button>,
            ]
      }
    >
      {preview.isPending && <Spin />}
      {preview.isError && <Alert type="error" showIcon message={preview.error.message} />}
      {confirm.isPending && <ImportProgress job={job} />}
      {confirm.isError && <Alert type="error" showIcon message={confirm.error.message} />}
      {result ? (
        <Result
          status="success"
          title={t('importResult', {
            c: result.recordsCreated,
            u: result.recordsUpdated,
            e: result.entriesCreated,
          })}
        />
      ) : (
        data && <LedgerPreview preview={data} />
      )}
    </Modal>
  );
}
