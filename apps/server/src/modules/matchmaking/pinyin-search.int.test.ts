import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

// The same search text as enterprises and institutes (platform/text/search-text.ts): name, full
// pinyin and pinyin initials, written with the record and found by LIKE.
describe('pinyin and initials find needs, achievements and projects, as they find enterprises', () => {
  let t: TestApp;
  let staff: Session;
  const titles = async (path: string, q: string) =>
    ((await staff.get(`${path}?q=${encodeURIComponent(q)}`)).json().items as { title: string }[]).map(
      (i) => i.title,
    );

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login('jx_staff');
  });
  afterAll(() => t.close());

  it('the demo records are found by their initials and their full pinyin', async () => {
    expect(await titles('/api/needs', 'hsfjzq')).toContain('黑蒜发酵周期长、品质不稳定问题');
    expect(await titles('/api/achievements', 'heisuandiwen')).toContain('黑蒜低温发酵与品质控制技术');
    expect(await titles('/api/projects', 'hsdwfjjszr')).toContain('黑蒜低温发酵技术转让');
    // A need is also found by its enterprise's pinyin, as the enterprise list finds it.
    expect((await titles('/api/needs', 'hxxcl')).length).toBeGreaterThan(0);
  });

  it('a need created and renamed is found by the new title’s initials at once', async () => {
    const created = await staff.post('/api/needs', {
      enterpriseId: (await staff.get('/api/enterprises?q=hxxcl')).json().items[0].id,
      title: '石墨烯导热膜量产工艺',
      description: '导热膜良率低',
      keywords: ['导热膜'],
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(await titles('/api/needs', 'smxdrm')).toEqual(['石墨烯导热膜量产工艺']);
    const renamed = await staff.put(`/api/needs/${created.json().id}`, {
      ...(created.json() as object),
      title: '碳纤维复合材料回收',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await titles('/api/needs', 'smxdrm')).toEqual([]);
    expect(await titles('/api/needs', 'txwfhcl')).toEqual(['碳纤维复合材料回收']);
  });

  it('a project renamed is found by the new title’s pinyin', async () => {
    const [project] = (await staff.get('/api/projects?q=黑蒜低温发酵技术转让')).json().items as {
      id: string;
    }[];
    const res = await staff.patch(`/api/projects/${project?.id}`, { title: '黑蒜低温发酵技术转让（二期）' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await titles('/api/projects', 'erqi')).toEqual(['黑蒜低温发酵技术转让（二期）']);
  });
});
