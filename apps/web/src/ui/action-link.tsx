import { Button, Popconfirm } from 'antd';
import { useI18n } from './i18n.tsx';

/** A small link button; with `confirm`, it asks first (the confirm button says what it does). */
export function ActionLink({
  label,
  testId,
  confirm,
  isDanger = false,
  onClick,
}: {
  label: string;
  testId: string;
  confirm?: string;
  isDanger?: boolean;
  onClick: () => void;
}) {
  const { t } = useI18n();
  if (!confirm)
    return (
      <Button type="link" size="small" onClick={onClick} data-testid={testId}>
        {label}
      </Button>
    );
  return (
    <Popconfirm
      title={confirm}
      okText={label}
      okButtonProps={isDanger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      onConfirm={onClick}
    >
      <Button type="link" size="small" danger={isDanger} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
}
