import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

type NeedRow = { id: string; pairings: number | null };

// The same search text as enterprises and institutes (platform/text/search-text.ts): name, full
// pinyin and pinyin initials, written with the record and found by LIKE.
describe('lists as a user reads them: pinyin finds needs, achievements, projects; no count the reader may not read', () => {
  let t: TestApp;
  let staff: Session;
  let enterprise: Session;
  const titles = async (path: string, q: string) =>
    ((await staff.get(`${path}?q=${encodeURIComponent(q)}`)).json().items as { title: string }[]).map(
      (i) => i.title,
    );

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login('jx_staff');
    enterprise = await t.login('hengxing');
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

  // A count the reader may not read is null, never a 0 that contradicts what staff see (issue 10).
  it('an enterprise gets no pairing count (null, not a 0 that contradicts staff’s figure)', async () => {
    const theirs = (await enterprise.get('/api/needs?pageSize=200')).json().items as NeedRow[];
    expect(theirs.map((n) => n.pairings)).toEqual(theirs.map(() => null));
    const asStaff = (await staff.get('/api/needs?pageSize=200')).json().items as NeedRow[];
    const paired = asStaff.find((n) => theirs.some((x) => x.id === n.id) && (n.pairings ?? 0) > 0);
    expect(paired, 'the demo has a paired need of 衡兴').toBeDefined();
    expect((await enterprise.get(`/api/needs/${paired?.id}`)).json().pairings).toBeNull();
    expect((await staff.get('/api/events?pageSize=50')).json().items[0].pairings).toEqual(expect.any(Number));
  });
});
