import { Typography } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';

type Change = { before?: Record<string, unknown>; after?: Record<string, unknown> };

const isChange = (detail: unknown): detail is Change =>
  typeof detail === 'object' && detail !== null && ('before' in detail || 'after' in detail);

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** A change's fields, each `field: before → after`; other details as recorded. */
export function AuditChange({ detail }: { detail: unknown }) {
  const { t } = useI18n();
  if (detail === null || detail === undefined) return <>—</>;
  if (!isChange(detail)) {
    return (
      <Typography.Text
        type="secondary"
        style={{ fontSize: 12 }}
        ellipsis={{ tooltip: JSON.stringify(detail) }}
      >
        {JSON.stringify(detail)}
      </Typography.Text>
    );
  }
  const before = detail.before ?? {};
  const after = detail.after ?? {};
  // The fields the change set (a row may carry the whole record before it).
  const keys = Object.keys(after).length > 0 ? Object.keys(after) : Object.keys(before);
  if (keys.length === 0) return <>—</>;
  return (
    <div style={{ fontSize: 12 }} data-testid="audit-change">
      {keys.map((key) => (
        <div key={key}>
          <Typography.Text type="secondary">{key}：</Typography.Text>
          <span title={t('audit.before')}>
            <del>{shown(before[key])}</del>
          </span>
          {' → '}
          <span title={t('audit.after')}>{shown(after[key])}</span>
        </div>
      ))}
    </div>
  );
}
