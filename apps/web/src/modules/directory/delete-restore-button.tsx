import { DeleteOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';

/** Soft delete behind a confirmation dialog, or restore. */
export function DeleteRestoreButton({
  name,
  isDeleted,
  onSetDeleted,
}: {
  name: string;
  isDeleted: boolean;
  onSetDeleted: (isDeleted: boolean) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [isBusy, setIsBusy] = useState(false);
  const run = async (next: boolean) => {
    setIsBusy(true);
    try {
      await onSetDeleted(next);
      message.success(next ? t('common.deletedOk') : t('common.restoredOk'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setIsBusy(false);
    }
  };
  if (isDeleted)
    return (
      <Button
        icon={<RollbackOutlined />}
        loading={isBusy}
        onClick={() => run(false)}
        data-testid="record-restore"
      >
        {t('common.restore')}
      </Button>
    );
  return (
    <Button
      danger
      icon={<DeleteOutlined />}
      loading={isBusy}
      data-testid="record-delete"
      onClick={() =>
        modal.confirm({
          title: t('common.delete'),
          content: t('common.confirmDelete', { name }),
          okText: t('common.delete'),
          okButtonProps: { danger: true, 'data-testid': 'confirm-delete' },
          cancelText: t('common.cancel'),
          onOk: () => run(true),
        })
      }
    >
      {t('common.delete')}
    </Button>
  );
}
