import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { createRecord, uploadFile } from './recruitment.fixtures.ts';

let t: TestApp;
let staff: Session;
let recordId: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  recordId = (await createRecord(staff)).id;
});
afterAll(() => t.close());

const NO_SUCH = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('bad input to recruitment, supervision, files and the inbox is a 4xx with field paths, never a 5xx', () => {
  it.each([
    ['GET', '/api/recruitment/records?stage=finished', undefined, 400, 'stage'],
    ['GET', '/api/recruitment/records?pageSize=100000', undefined, 400, 'pageSize'],
    ['GET', '/api/recruitment/records?isOverdue=maybe', undefined, 400, 'isOverdue'],
    ['GET', '/api/recruitment/records?sort=password', undefined, 400, 'sort'],
    ['GET', '/api/recruitment/board?perColumn=0', undefined, 400, 'perColumn'],
    ['GET', '/api/recruitment/board?groupBy=industry', undefined, 400, 'groupBy'],
    ['GET', '/api/recruitment/records/not-a-uuid', undefined, 404, undefined],
    ['GET', `/api/recruitment/records/${NO_SUCH}`, undefined, 404, undefined],
    ['GET', '/api/recruitment/plans/abc', undefined, 404, undefined],
    ['GET', '/api/recruitment/ledger.xlsx', undefined, 400, 'month'],
    ['POST', '/api/recruitment/records', {}, 400, 'instituteId'],
    [
      'POST',
      '/api/recruitment/records',
      { instituteId: NO_SUCH, grade: 'A', ownerId: NO_SUCH, taskForceLeadId: NO_SUCH },
      400,
      'ownerId',
    ],
    [
      'POST',
      '/api/recruitment/records',
      { instituteId: NO_SUCH, grade: 'Z', ownerId: 1, taskForceLeadId: [] },
      400,
      'grade',
    ],
    ['POST', '/api/recruitment/records', { unknownField: 1 }, 400, undefined],
    ['POST', 'STAGE', { to: 'finished' }, 400, 'to'],
    ['POST', 'STAGE', { to: 'signed', signedOn: '2026/11/01' }, 400, 'signedOn'],
    ['POST', 'ENTRIES', { entryOn: '2026-02-30', kind: 'visit', content: '走访' }, 400, 'entryOn'],
    ['POST', 'ENTRIES', { entryOn: '2026-11-01', kind: 'dance', content: '' }, 400, 'kind'],
    ['POST', 'ENTRIES', { entryOn: '2026-11-01', kind: 'visit', content: 'x'.repeat(5000) }, 400, 'content'],
    [
      'POST',
      'ENTRIES',
      { entryOn: '2026-11-01', kind: 'visit', content: '走访', attachmentIds: [NO_SUCH] },
      400,
      'attachmentIds.0',
    ],
    [
      'PUT',
      `/api/recruitment/entries/${NO_SUCH}`,
      { entryOn: '2026-11-01', kind: 'visit', content: '走访' },
      404,
      undefined,
    ],
    ['POST', 'MILESTONES', { title: '节点', dueOn: '2026-13-01' }, 400, 'dueOn'],
    ['PUT', `/api/recruitment/milestones/${NO_SUCH}`, { title: '节点', dueOn: '2026-12-01' }, 404, undefined],
    [
      'PUT',
      '/api/recruitment/plans/2026',
      { title: '', targetRecruited: -1, targetOperating: 'x' },
      400,
      'title',
    ],
    ['POST', '/api/notifications/not-a-uuid/read', undefined, 404, undefined],
    ['GET', '/api/notifications?pageSize=0', undefined, 400, 'pageSize'],
    ['POST', '/api/recruitment/ledger/import/confirm', { token: 'nope-nope-nope' }, 400, undefined],
  ] as const)('%s %s → %i', async (method, rawUrl, body, status, path) => {
    const url = rawUrl
      .replace('STAGE', `/api/recruitment/records/${recordId}/stage`)
      .replace('ENTRIES', `/api/recruitment/records/${recordId}/entries`)
      .replace('MILESTONES', `/api/recruitment/records/${recordId}/milestones`);
    const res = await staff.request({ method, url, payload: body as object | undefined });
    expect(res.statusCode, res.body).toBe(status);
    if (path) expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('refuses uploads that are not files of the accepted kinds, or not multipart at all', async () => {
    expect((await staff.post('/api/files', { file: 'x' })).statusCode).toBe(415);
    expect(
      (await uploadFile(staff, '/api/files', Buffer.from('PK\u0003\u0004 just a zip'), 'a.docx')).statusCode,
    ).toBe(415);
    expect((await uploadFile(staff, '/api/files', Buffer.alloc(0), 'empty.pdf')).statusCode).toBe(400);
    expect(
      (await uploadFile(staff, '/api/recruitment/ledger/import', Buffer.from('not a workbook'), 'x.xlsx'))
        .statusCode,
    ).toBe(400);
  });
});
