import { Alert, Button, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../ui/i18n.tsx';
import { downloadAnchors, useVerifyAudit } from './use-audit.ts';

/** The audit admin's 校验完整性 (hash chains) and 导出锚点 (today's anchors as a file). */
export function AuditChainCheck() {
  const { t } = useI18n();
  const verify = useVerifyAudit();
  const report = verify.data;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Space>
        <Button loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
        <Button onClick={() => downloadAnchors(dayjs().format('YYYY-MM-DD'))} data-testid="audit-anchors">
          {t('audit.anchors')}
        </Button>
      </Space>
      {verify.error && <Alert type="error" showIcon title={verify.error.message} />}
      {report && (
        <Alert
          type={report.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-verify-result"
          title={
            report.ok
              ? t('audit.chainOk', { rows: report.regions.reduce((n, r) => n + r.rows, 0) })
              : t('audit.chainBroken', { n: report.problems.length })
          }
          description={report.problems.slice(0, 50).map((p) => (
            <div key={`${p.regionCode}-${p.kind}-${p.chainSeq}-${p.id}`}>
              {p.regionCode} · {p.detail}
            </div>
          ))}
        />
      )}
    </Space>
  );
}
