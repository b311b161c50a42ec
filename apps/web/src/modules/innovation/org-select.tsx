import { Select } from 'antd';
import { useState } from 'react';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useInstitutes } from '../directory/use-institutes.ts';

/** One enterprise or institute of the directory, searched by name as the user types. */
export function OrgSelect({
  kind,
  value,
  onChange,
  testId,
}: {
  kind: 'enterprise' | 'institute';
  value?: string | null;
  onChange?: (id: string) => void;
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const query = { q: q || undefined, page: 1, pageSize: 20, sort: 'name' as const, order: 'asc' as const };
  const enterprises = useEnterprises(query, kind === 'enterprise');
  const institutes = useInstitutes(query, kind === 'institute');
  const list = kind === 'enterprise' ? enterprises : institutes;
  return (
    <Select
      value={value ?? undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(id: string) => onChange?.(id)}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      style={{ minWidth: 220 }}
      data-testid={testId}
    />
  );
}
