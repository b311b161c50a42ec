import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('institute aliases: 北工大, 山大, 中科院 find their institutes; the office edits the list', () => {
  let t: TestApp;
  let staff: Session;
  const names = async (q: string) =>
    ((await staff.get(`/api/institutes?q=${encodeURIComponent(q)}`)).json().items as { name: string }[]).map(
      (i) => i.name,
    );

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login('jx_staff');
  });
  afterAll(() => t.close());

  it('common short names and their pinyin initials find the institute', async () => {
    expect(await names('北工大')).toEqual(['北京工业大学']);
    expect(await names('山大')).toEqual(['山东大学']);
    expect(await names('中科院')).toEqual(['中国科学院']);
    expect(await names('bgd')).toContain('北京工业大学');
  });

  it('an alias added on the institute is searchable at once, and the change is audited', async () => {
    const [row] = (await staff.get('/api/institutes?q=济宁智能制造')).json().items as { id: string }[];
    const res = await staff.put(`/api/institutes/${row?.id}/aliases`, {
      aliases: ['济宁智造院', ' ', '济宁智造院'],
    });
    expect(res.statusCode, res.body).toBe(400);
    const saved = await staff.put(`/api/institutes/${row?.id}/aliases`, { aliases: ['济宁智造院'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().aliases).toEqual(['济宁智造院']);
    expect(await names('智造院')).toEqual(['济宁智能制造产业技术研究院']);
    const auditor = await t.login('auditor');
    const audit = (await auditor.get(`/api/audit?targetType=institute&targetId=${row?.id}`)).json().items;
    expect(audit[0].detail).toMatchObject({ before: { aliases: [] }, after: { aliases: ['济宁智造院'] } });
    expect(
      (await (await t.login('hengxing')).put(`/api/institutes/${row?.id}/aliases`, { aliases: [] }))
        .statusCode,
    ).toBe(403);
  });
});
