import type { LightReason, Recruitment } from '@gaodi/contracts';
import type { Session } from '../../test/harness.ts';

/** A minimal valid PDF: what the storage's content check accepts as an agreement. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function uploadFile(session: Session, url: string, file: Buffer, filename: string) {
  const boundary = '----gaodi-recruitment-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return session.request({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

let serial = 0;

/** Creates an institute and a recruitment record for it as `session` (staff); returns the record. */
export async function createRecord(
  session: Session,
  opts: { isGreenChannel?: boolean; name?: string } = {},
): Promise<Recruitment> {
  serial++;
  const name = opts.name ?? `测试研究院${Date.now().toString(36)}${serial}`;
  const inst = await session.post('/api/institutes', {
    name,
    kind: 'research',
    level: 'provincial',
    city: '济南',
  });
  if (inst.statusCode !== 200) throw new Error(`institute: ${inst.body}`);
  const people = (await session.get('/api/recruitment/assignable')).json() as {
    id: string;
    name: string;
    role: string;
  }[];
  const staff = people.find((p) => p.name === '张敏');
  const lead = people.find((p) => p.name === '李强');
  if (!staff || !lead) throw new Error('demo users missing');
  const res = await session.post('/api/recruitment/records', {
    instituteId: inst.json().id,
    grade: 'A',
    cooperationMode: '共建研发平台',
    ownerId: staff.id,
    taskForceLeadId: lead.id,
    taskForceMemberIds: [staff.id],
    isGreenChannel: opts.isGreenChannel ?? false,
  });
  if (res.statusCode !== 200) throw new Error(`record: ${res.body}`);
  return res.json();
}

export const reasonCodes = (reasons: LightReason[]) => reasons.map((r) => `${r.code}:${r.light}`);
