import { type Institute, UpdateInstituteAliasesRoute } from '@gaodi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select, Tag } from 'antd';
import { useState } from 'react';
import { call } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';

/** 别名: the short names the institute is also found by (北工大, 山大); editable by the office. */
export function InstituteAliases({ institute }: { institute: Institute }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const client = useQueryClient();
  const [aliases, setAliases] = useState<string[]>(institute.aliases);
  const save = useMutation({
    mutationFn: () => call(UpdateInstituteAliasesRoute, { params: { id: institute.id }, body: { aliases } }),
    onSuccess: () => {
      message.success(t('common.saved'));
      return client.invalidateQueries({ queryKey: ['institutes'] });
    },
    onError: (error) => message.error(error.message),
  });
  if (!can('institute', 'update'))
    return <>{institute.aliases.length ? institute.aliases.map((a) => <Tag key={a}>{a}</Tag>) : '—'}</>;
  return (
    <Flex gap={8} data-testid="institute-aliases">
      <Select
        mode="tags"
        value={aliases}
        onChange={setAliases}
        tokenSeparators={[',', '，', '、', ' ']}
        placeholder={t('institute.aliasesHint')}
        style={{ minWidth: 260 }}
        open={false}
      />
      <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="institute-aliases-save">
        {t('common.save')}
      </Button>
    </Flex>
  );
}
