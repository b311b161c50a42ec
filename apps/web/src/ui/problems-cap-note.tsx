import { Alert } from 'antd';
import { useI18n } from './i18n.tsx';

/** Under a problem list the server capped: how many there are in all, and the full list as .xlsx. */
export function ProblemsCapNote({
  shown,
  count,
  file,
}: {
  shown: number;
  count: number;
  file: string | null;
}) {
  const { t } = useI18n();
  if (!file || count <= shown) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="import-problems-capped"
      title={
        <>
          {t('import.problemsCapped', { shown, count })}{' '}
          <a href={file} download>
            {t('import.problemsDownload')}
          </a>
        </>
      }
    />
  );
}
