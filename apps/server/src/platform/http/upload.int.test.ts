import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { largeJsonl, multipartBody } from '../../test/hostile-files.ts';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
});
afterAll(() => t.close());

const B = 'gaodiTestBoundary';
const PART_HEAD = `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
const MALFORMED = '上传的数据不完整或格式错误，请重新选择文件上传';

describe('malformed multipart gets a 400 with the reason, never a 500', () => {
  const cases: { name: string; contentType: string; body: string; status: number; message: string }[] = [
    {
      name: 'no boundary',
      contentType: 'multipart/form-data',
      body: `${PART_HEAD}abc\r\n--${B}--\r\n`,
      status: 400,
      message: 'multipart/form-data 请求缺少 boundary',
    },
    {
      name: 'empty body',
      contentType: `multipart/form-data; boundary=${B}`,
      body: '',
      status: 400,
      message: '未收到文件',
    },
    {
      name: 'part cut short (not “too large”)',
      contentType: `multipart/form-data; boundary=${B}`,
      body: `${PART_HEAD}abcdef`,
      status: 400,
      message: MALFORMED,
    },
    {
      name: 'header cut short',
      contentType: `multipart/form-data; boundary=${B}`,
      body: `--${B}\r\nContent-Disposition: form-da`,
      status: 400,
      message: MALFORMED,
    },
    {
      name: 'not multipart at all inside',
      contentType: `multipart/form-data; boundary=${B}`,
      body: 'hello world',
      status: 400,
      message: MALFORMED,
    },
  ];
  const urls = [
    '/api/enterprises/import',
    '/api/recruitment/ledger/import',
    '/api/achievements/import',
    '/api/achievements/import-jsonl',
    '/api/files',
  ];
  for (const url of urls) {
    for (const c of cases) {
      it(`${url}: ${c.name}`, async () => {
        const res = await staff.request({
          method: 'POST',
          url,
          payload: c.body,
          headers: { 'content-type': c.contentType },
        });
        expect(res.statusCode, res.body).toBe(c.status);
        expect(res.json().message).toBe(c.message);
      });
    }
  }

  it('a file over the limit is still 413 with the limit', async () => {
    const res = await staff.request({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipartBody('big.xlsx', Buffer.alloc(21 * 1024 * 1024, 1)),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('文件超过 20 MB');
  });
});

describe('a refused role is refused before its upload is read', () => {
  const jsonl = largeJsonl(49);
  for (const [username, message] of [
    ['sdu_liaison', '没有权限执行此操作'],
    ['hengxing', '没有权限执行此操作'],
  ] as const) {
    it(`${username} sending 49 MB of JSONL: 403 in < 2 s, < +128 MB`, async () => {
      const who = await t.login(username);
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const res = await who.request({
        method: 'POST',
        url: '/api/achievements/import-jsonl',
        ...multipartBody('corpus.jsonl', jsonl),
      });
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe(message);
      expect(ms).toBeLessThan(2000);
      expect((process.memoryUsage().rss - rss) / 1048576).toBeLessThan(128);
    });
  }
});
