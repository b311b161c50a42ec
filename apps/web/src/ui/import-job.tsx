import { GetImportJobRoute, type ImportJob } from '@gaodi/contracts';
import { Progress, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call } from './api.ts';
import { formatNumber } from './format.ts';
import { useI18n } from './i18n.tsx';

/**
 * A confirmed import runs on the server as a job (one transaction: all rows or none). `follow`
 * polls it until it ends and resolves with its result (rejects with its reason); `job` is the
 * latest progress for <ImportProgress>.
 */
export function useImportJob() {
  const [job, setJob] = useState<ImportJob | null>(null);
  const follow = useCallback(async <T,>(started: ImportJob): Promise<T> => {
    let current = started;
    setJob(current);
    while (current.status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      current = await call(GetImportJobRoute, { params: { id: current.id } });
      setJob(current);
    }
    if (current.status === 'failed') throw new ApiError(409, 'IMPORT_FAILED', current.error ?? '');
    return current.result as T;
  }, []);
  return { job, follow };
}

/** "已写入 x / y 行" with a bar, while the job runs. */
export function ImportProgress({ job }: { job: ImportJob | null }) {
  const { t } = useI18n();
  if (job?.status !== 'running') return null;
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <div data-testid="import-progress" style={{ marginBottom: 12 }}>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {t('import.progress', { done: formatNumber(job.done), total: formatNumber(job.total) })}
      </Typography.Text>
    </div>
  );
}

/**
 * Sends `file` for its preview once: StrictMode runs effects twice in development, and each upload
 * is a server-side preview.
 */
export function usePreviewOnce(file: File, preview: (file: File) => void) {
  const sent = useRef<File | null>(null);
  useEffect(() => {
    if (sent.current === file) return;
    sent.current = file;
    preview(file);
  }, [file, preview]);
}
