import { App, Button, Popconfirm, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';

/** View / edit / delete (soft, confirmed) / restore links of one row. */
export function RecordActions({
  viewTo,
  editTo,
  name,
  isDeleted,
  canDelete,
  onSetDeleted,
}: {
  viewTo?: string;
  editTo?: string;
  name: string;
  isDeleted: boolean;
  canDelete: boolean;
  onSetDeleted: (isDeleted: boolean) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const run = async (isDeleted: boolean) => {
    try {
      await onSetDeleted(isDeleted);
      message.success(isDeleted ? t('common.deletedOk') : t('common.restoredOk'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Space size={0} wrap>
      {viewTo && (
        <Link to={viewTo}>
          <Button type="link" size="small">
            {t('common.view')}
          </Button>
        </Link>
      )}
      {editTo && (
        <Link to={editTo}>
          <Button type="link" size="small">
            {t('common.edit')}
          </Button>
        </Link>
      )}
      {canDelete && !isDeleted && (
        <Popconfirm
          title={t('common.confirmDelete', { name })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => run(true)}
        >
          <Button type="link" size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
      {canDelete && isDeleted && (
        <Button type="link" size="small" onClick={() => run(false)}>
          {t('common.restore')}
        </Button>
      )}
    </Space>
  );
}
