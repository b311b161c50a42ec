import { type Achievement, IP_TYPE_LABELS } from '@gaodi/contracts';
import { Button, Flex, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { labelOf } from './matchmaking-labels.tsx';
import { useDeleteAchievement } from './use-matchmaking.ts';

/** The 科技成果库 table's columns, with the row actions each role may take. */
export function useAchievementColumns({
  onEdit,
  onFindNeeds,
}: {
  onEdit: (a: Achievement) => void;
  onFindNeeds: (a: Achievement) => void;
}): ColumnsType<Achievement> {
  const { t, lang } = useI18n();
  const can = useCan();
  const me = useSession();
  const remove = useDeleteAchievement();
  // A partner asks for its own institute's achievements only (the server says 404 otherwise).
  const canFindNeeds = (a: Achievement) =>
    can('need', 'read') && (me.role !== 'institute' || me.instituteId === a.instituteId);
  return [
    { title: t('mm.achievementTitle'), dataIndex: 'title', key: 'title' },
    { title: t('mm.institute'), dataIndex: 'instituteName', key: 'institute', width: 180 },
    { title: t('mm.trl'), dataIndex: 'trl', key: 'trl', width: 70 },
    {
      title: t('mm.ipType'),
      dataIndex: 'ipType',
      key: 'ip',
      width: 120,
      render: (v) => labelOf(IP_TYPE_LABELS, v, lang),
    },
    {
      title: t('mm.keywords'),
      dataIndex: 'keywords',
      key: 'kw',
      width: 220,
      render: (k: string[]) => k.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, a) => (
        <Flex gap={4}>
          {canFindNeeds(a) && (
            <Button size="small" type="link" onClick={() => onFindNeeds(a)} data-testid="find-needs">
              {t('mm.findNeeds')}
            </Button>
          )}
          {can('achievement', 'update') && (
            <Button size="small" type="link" onClick={() => onEdit(a)}>
              {t('common.edit')}
            </Button>
          )}
          {can('achievement', 'delete') && (
            <Button size="small" type="link" danger onClick={() => remove.mutate(a.id)}>
              {t('common.delete')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
}
