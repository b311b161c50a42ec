import { EditOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { DeleteRestoreButton } from './delete-restore-button.tsx';
import type { DirectoryEntity } from './directory-list.tsx';

/** A directory record's page: its name (tagged when deleted), the way back to the list, edit and delete / restore. */
export function DirectoryRecordPage({
  entity,
  record,
  setDeleted,
  children,
}: {
  entity: DirectoryEntity;
  record: { id: string; name: string; isDeleted: boolean };
  setDeleted: (input: { id: string; isDeleted: boolean }) => Promise<unknown>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const can = useCan();
  const r = record;
  return (
    <Page
      title={
        <>
          {r.name} {r.isDeleted && <Tag>{t('common.deleted')}</Tag>}
        </>
      }
      back={`/${entity}s`}
      crumbs={[
        { title: t('nav.directory') },
        { title: t(`${entity}.title`), to: `/${entity}s` },
        { title: r.name },
      ]}
      testId={`${entity}-page`}
      extra={
        <>
          {can(entity, 'update') && !r.isDeleted && (
            <Link to={`/${entity}s/${r.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid={`${entity}-edit`}>
                {t('common.edit')}
              </Button>
            </Link>
          )}
          {can(entity, 'delete') && (
            <DeleteRestoreButton
              name={r.name}
              isDeleted={r.isDeleted}
              onSetDeleted={(isDeleted) => setDeleted({ id: r.id, isDeleted })}
            />
          )}
        </>
      }
    >
      {children}
    </Page>
  );
}
