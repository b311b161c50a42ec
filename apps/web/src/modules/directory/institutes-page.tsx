import { type Institute, InstituteKind, InstituteLevel } from '@gaodi/contracts';
import { Select, type TableProps } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import {
  DirectoryListPage,
  useDirectoryListState,
  useNameColumn,
  useRecordColumns,
} from './directory-list.tsx';
import { kindLabel, kindOptions, levelLabel, levelOptions } from './labels.ts';
import { type InstituteQuery, useInstitutes, useSetInstituteDeleted } from './use-institutes.ts';

const KEYS = ['q', 'kind', 'level', 'deleted', 'sort', 'order', 'page', 'pageSize'] as const;
const SORTS = ['name', 'createdAt'] as const;

export function InstitutesPage() {
  const { t, lang } = useI18n();
  const list = useDirectoryListState(KEYS, SORTS);
  const query: InstituteQuery = {
    ...list.base,
    kind: InstituteKind.safeParse(list.state.kind).data,
    level: InstituteLevel.safeParse(list.state.level).data,
  };
  const result = useInstitutes(query);
  const setDeleted = useSetInstituteDeleted();
  const columns: TableProps<Institute>['columns'] = [
    useNameColumn<Institute, (typeof SORTS)[number]>('institute', list, { width: 240, isLinked: true }),
    {
      title: t('institute.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      render: (v: Institute['kind']) => kindLabel(v, lang),
    },
    {
      title: t('institute.level'),
      dataIndex: 'level',
      key: 'level',
      width: 100,
      render: (v: Institute['level']) => levelLabel(v, lang),
    },
    {
      title: t('institute.city'),
      dataIndex: 'city',
      key: 'city',
      width: 110,
      render: (v: string) => v || '—',
    },
    ...useRecordColumns<Institute, (typeof SORTS)[number]>('institute', list, {
      createdAt: { width: 150, responsive: ['md'] },
      actionsWidth: 170,
      hasView: true,
      setDeleted: setDeleted.mutateAsync,
    }),
  ];
  return (
    <DirectoryListPage
      entity="institute"
      list={list}
      result={result}
      columns={columns}
      scrollX={900}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('institute.allKinds')}
            value={query.kind}
            onChange={(value?: string) => list.update({ kind: value })}
            options={kindOptions(lang)}
            style={{ width: 150 }}
            data-testid="institute-kind-filter"
          />
          <Select
            allowClear
            placeholder={t('institute.allLevels')}
            value={query.level}
            onChange={(value?: string) => list.update({ level: value })}
            options={levelOptions(lang)}
            style={{ width: 130 }}
            data-testid="institute-level-filter"
          />
        </>
      }
    />
  );
}
