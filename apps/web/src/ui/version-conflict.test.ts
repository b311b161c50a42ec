import { EnterpriseInput, NeedInput } from '@gaodi/contracts';
import { describe, expect, it } from 'vitest';
import { changedFieldLabels } from './version-conflict.ts';

describe('the fields a version conflict names', () => {
  it('are the columns the last change touched, labelled as the form labels them, in the user’s language', () => {
    expect(changedFieldLabels(['contact_phone', 'name'], EnterpriseInput, 'zh', '其他信息')).toEqual([
      '联系电话',
      '企业名称',
    ]);
    expect(changedFieldLabels(['contact_phone', 'name'], EnterpriseInput, 'en', 'other details')).toEqual([
      'phone number',
      'enterprise name',
    ]);
    expect(changedFieldLabels(['title', 'budget_max_fen'], NeedInput, 'zh', '其他信息')).toEqual([
      '需求名称',
      '预算上限',
    ]);
  });

  it('name columns the form has no field for once, last', () => {
    expect(changedFieldLabels(['stage', 'is_deleted', 'scale'], EnterpriseInput, 'zh', '其他信息')).toEqual([
      '企业规模',
      '其他信息',
    ]);
  });
});
