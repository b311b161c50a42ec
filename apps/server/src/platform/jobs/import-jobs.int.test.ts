import type { ImportJob, ImportPreview } from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { creditCodeFor, multipartBody, sheetXlsx } from '../../test/hostile-files.ts';

/**
 * A confirmed import is a background job (issue 9): the confirm answers at once, its starter
 * follows the progress, and it is written in one transaction: all rows or none.
 */
let t: TestApp;
let staff: Session;
let lead: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  lead = await t.login('jx_lead');
});
afterAll(() => t.close());

async function preview(rows: number, name: string, serial: number) {
  const file = await sheetXlsx(['企业名称', '统一社会信用代码', '企业规模', '联系电话'], rows, (i) => [
    `${name}${i}`,
    creditCodeFor(serial + i),
    '小型',
    '0537-8888888',
  ]);
  const res = await staff.request({
    method: 'POST',
    url: '/api/enterprises/import',
    ...multipartBody('e.xlsx', file),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportPreview;
}
const total = async (q: string) =>
  (await staff.get(`/api/enterprises?q=${encodeURIComponent(q)}`)).json().total;

describe('import jobs', () => {
  it('answers the confirm at once with a job its starter follows to the result; nobody else sees it', async () => {
    const { token } = await preview(12, '进度测试企业', 600_000);
    const started = await staff.post('/api/enterprises/import/confirm', { token });
    expect(started.statusCode, started.body).toBe(200);
    const job = started.json() as ImportJob;
    expect(job).toMatchObject({ kind: 'enterprise-import', status: 'running', total: 12, result: null });
    expect((await lead.get(`/api/import-jobs/${job.id}`)).statusCode).toBe(404);
    let seen = job;
    while (seen.status === 'running') seen = (await staff.get(`/api/import-jobs/${job.id}`)).json();
    expect(seen).toMatchObject({ status: 'done', done: 12, total: 12, result: { created: 12, updated: 0 } });
    expect(seen.finishedAt).not.toBeNull();
    expect(await total('进度测试企业11')).toBe(1);
  });

  it('writes nothing when one row fails: the job says why', async () => {
    // Another user registers row 5's enterprise between the preview and the confirm.
    const { token } = await preview(8, '回滚测试企业', 700_000);
    const taken = await lead.post('/api/enterprises', {
      creditCode: creditCodeFor(700_005),
      name: '抢先登记的企业',
      scale: 'small',
      contactPhone: '0537-8888888',
    });
    expect(taken.statusCode, taken.body).toBe(200);
    const done = await staff.confirmImport('/api/enterprises/import/confirm', token);
    expect(done.statusCode).toBe(409);
    expect(done.json()).toMatchObject({ status: 'failed', result: null });
    expect(done.json().error).toContain('冲突');
    expect(await total('回滚测试企业')).toBe(0);
  });
});
