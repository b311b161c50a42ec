import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
let other: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  other = await t.login('jx_lead');
});
afterAll(() => t.close());

const body = (name: string) => ({ name, kind: 'research', level: 'provincial', city: '济南' });
const put = (s: Session, id: string, name: string, etag?: string) =>
  s.request({
    method: 'PUT',
    url: `/api/institutes/${id}`,
    payload: body(name),
    headers: etag ? { 'if-match': etag } : {},
  });

async function newInstitute(name: string): Promise<string> {
  const res = await staff.post('/api/institutes', body(name));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

describe('optimistic concurrency (ETag / If-Match) on editable records', () => {
  it('the second of two editors gets 409 with what changed, and nothing is overwritten', async () => {
    const id = await newInstitute('并发测试院所甲');
    const [a, b] = [await staff.get(`/api/institutes/${id}`), await other.get(`/api/institutes/${id}`)];
    expect(a.headers.etag).toBe('"1"');
    expect(b.headers.etag).toBe('"1"');
    const first = await put(staff, id, '并发测试院所甲（张敏改）', a.headers.etag as string);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const second = await put(other, id, '并发测试院所甲（李强改）', b.headers.etag as string);
    expect(second.statusCode).toBe(409);
    expect(second.headers.etag).toBe('"2"');
    expect(second.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '该记录已被他人修改，请刷新查看最新内容后再改',
      current: { version: 2, changed: expect.arrayContaining(['name']) },
    });
    expect((await staff.get(`/api/institutes/${id}`)).json().name).toBe('并发测试院所甲（张敏改）');
    const english = await other.request({
      method: 'PUT',
      url: `/api/institutes/${id}`,
      payload: body('x'),
      headers: { 'if-match': '"1"', 'accept-language': 'en' },
    });
    expect(english.json().message).toMatch(/Someone else changed this record/);
    // Re-read, then the edit goes through on the current version.
    expect((await put(other, id, '并发测试院所甲（李强改）', second.headers.etag as string)).statusCode).toBe(
      200,
    );
  });

  it('covers enterprises, needs, projects and recruitment records through the same mechanism', async () => {
    for (const list of ['/api/enterprises', '/api/needs', '/api/projects', '/api/recruitment/records']) {
      const rows = (await staff.get(`${list}?pageSize=1`)).json();
      const id = (rows.items ?? rows)[0]?.id;
      expect(id, list).toBeTruthy();
      const res = await staff.get(`${list}/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag, list).toMatch(/^"\d+"$/);
    }
  });

  it('1,000 conflicting read-modify-write updates by 8 editors: 0 lost updates', async () => {
    const id = await newInstitute('并发测试院所乙');
    const editors = [staff, other];
    const applied: number[] = []; // the version each acknowledged update was based on
    let attempts = 0;
    let conflicts = 0;
    const editor = async (n: number) => {
      const s = editors[n % 2] as Session;
      while (attempts < 1000) {
        attempts++;
        const read = await s.get(`/api/institutes/${id}`);
        const etag = read.headers.etag as string;
        const res = await put(s, id, `并发测试院所乙-${n}-${attempts}`, etag);
        if (res.statusCode === 200) applied.push(Number(etag.replaceAll('"', '')));
        else if (res.statusCode === 409) conflicts++;
        else throw new Error(`${res.statusCode} ${res.body}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => editor(n)));
    const final = Number(
      ((await staff.get(`/api/institutes/${id}`)).headers.etag as string).replaceAll('"', ''),
    );
    // Each acknowledged update was made on a version no other acknowledged update was made on, and
    // every one of them is counted in the final version: none overwrote another unseen.
    expect(new Set(applied).size).toBe(applied.length);
    expect(final).toBe(1 + applied.length);
    expect(applied.length + conflicts).toBeGreaterThanOrEqual(1000);
    expect(conflicts).toBeGreaterThan(0);
    console.log(
      `optimistic concurrency: ${applied.length + conflicts} updates, ${applied.length} applied, ${conflicts} refused with 409, 0 lost`,
    );
  }, 600_000);
});
