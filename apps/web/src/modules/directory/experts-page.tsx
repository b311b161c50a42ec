import type { Expert } from '@gaodi/contracts';
import { Select, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import {
  DirectoryListPage,
  useDirectoryListState,
  useNameColumn,
  useRecordColumns,
} from './directory-list.tsx';
import { type ExpertQuery, useExperts, useSetExpertDeleted } from './use-experts.ts';
import { useInstituteOptions } from './use-institutes.ts';

const KEYS = ['q', 'instituteId', 'deleted', 'sort', 'order', 'page', 'pageSize'] as const;
const SORTS = ['name', 'createdAt'] as const;

export function ExpertsPage() {
  const { t } = useI18n();
  const can = useCan();
  const list = useDirectoryListState(KEYS, SORTS);
  const query: ExpertQuery = { ...list.base, instituteId: list.state.instituteId };
  const result = useExperts(query);
  const institutes = useInstituteOptions(can('institute', 'read'));
  const setDeleted = useSetExpertDeleted();
  const dash = (v: string) => v || '—';
  const columns: TableProps<Expert>['columns'] = [
    useNameColumn<Expert, (typeof SORTS)[number]>('expert', list, { width: 120, isLinked: false }),
    {
      title: t('expert.institute'),
      dataIndex: 'instituteName',
      key: 'institute',
      width: 220,
      render: (v: string, row) =>
        can('institute', 'read') ? <Link to={`/institutes/${row.instituteId}`}>{v}</Link> : v,
    },
    { title: t('expert.titleField'), dataIndex: 'title', key: 'title', width: 120, render: dash },
    { title: t('expert.field'), dataIndex: 'field', key: 'field', width: 200, render: dash },
    {
      title: t('expert.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: 140,
      responsive: ['md'],
      render: dash,
    },
    ...useRecordColumns<Expert, (typeof SORTS)[number]>('expert', list, {
      createdAt: { width: 150, responsive: ['lg'] },
      actionsWidth: 130,
      hasView: false,
      setDeleted: setDeleted.mutateAsync,
    }),
  ];
  return (
    <DirectoryListPage
      entity="expert"
      list={list}
      result={result}
      columns={columns}
      scrollX={1080}
      filters={
        can('institute', 'read') && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('expert.allInstitutes')}
            value={query.instituteId}
            onChange={(value?: string) => list.update({ instituteId: value })}
            options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
            loading={institutes.isPending}
            style={{ width: 220 }}
            data-testid="expert-institute-filter"
          />
        )
      }
    />
  );
}
