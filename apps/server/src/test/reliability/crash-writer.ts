import { chinaDay } from '../../platform/jobs/jobs.ts';
import type { ApiClient } from './api-client.ts';

/** What the server acknowledged (a 200 answer), and what was still in flight when it died. */
export type Acked = {
  institutes: Set<string>;
  /** Recruitment records: the stage last acknowledged, the ledger entries acknowledged. */
  records: Map<string, { stage: 'lead' | 'contacted'; entries: string[] }>;
  /** Month-end snapshots asked for: true once the freeze was answered. */
  periods: Map<string, boolean>;
  writes: number;
  inFlightAtKill: number;
  /** Answers that were neither 200 nor a dead connection (each one is a finding). */
  errors: string[];
};

export function emptyAcked(): Acked {
  return {
    institutes: new Set(),
    records: new Map(),
    periods: new Map(),
    writes: 0,
    inFlightAtKill: 0,
    errors: [],
  };
}

type People = { staffId: string; leadId: string };

async function people(client: ApiClient): Promise<People> {
  const res = await client.get('/api/recruitment/assignable');
  const list = res.body as { id: string; name: string }[];
  const staffId = list.find((p) => p.name === '张敏')?.id;
  const leadId = list.find((p) => p.name === '李强')?.id;
  if (!staffId || !leadId) throw new Error(`demo users missing: ${res.status}`);
  return { staffId, leadId };
}

class Died extends Error {}

/**
 * One acknowledged write: 200 → returns the body; a dead connection → Died (the write may or may
 * not have happened: either is fine, half of it is not); any other answer is recorded as an error.
 */
async function write(acked: Acked, what: string, op: () => Promise<{ status: number; body: unknown }>) {
  let res: { status: number; body: unknown };
  try {
    res = await op();
  } catch {
    acked.inFlightAtKill++;
    throw new Died(what);
  }
  if (res.status !== 200) {
    acked.errors.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    throw new Died(what);
  }
  acked.writes++;
  return res.body as Record<string, unknown>;
}

/** Create an institute, its recruitment record, move it to 接洽, add a ledger entry: four transactions. */
async function oneRound(client: ApiClient, acked: Acked, who: People, tag: string) {
  const inst = await write(acked, 'institute', () =>
    client.send('POST', '/api/institutes', {
      name: `崩溃测试院所${tag}`,
      kind: 'research',
      level: 'provincial',
    }),
  );
  acked.institutes.add(inst.id as string);
  const rec = await write(acked, 'record', () =>
    client.send('POST', '/api/recruitment/records', {
      instituteId: inst.id,
      grade: 'B',
      cooperationMode: '共建研发平台',
      ownerId: who.staffId,
      taskForceLeadId: who.leadId,
      taskForceMemberIds: [who.staffId],
    }),
  );
  const id = rec.id as string;
  const record = { stage: 'lead' as 'lead' | 'contacted', entries: [] as string[] };
  acked.records.set(id, record);
  await write(acked, 'stage move', () =>
    client.send('POST', `/api/recruitment/records/${id}/stage`, { to: 'contacted', note: `接洽 ${tag}` }),
  );
  record.stage = 'contacted';
  const content = `崩溃测试走访 ${tag}`;
  const after = await write(acked, 'ledger entry', () =>
    client.send('POST', `/api/recruitment/records/${id}/entries`, {
      entryOn: chinaDay(new Date()),
      kind: 'visit',
      content,
      nextStep: '提交合作方案',
    }),
  );
  const entry = (after.entries as { id: string; content: string }[]).find((e) => e.content === content);
  if (!entry) acked.errors.push(`ledger entry ${tag}: answered 200 without the entry`);
  else record.entries.push(entry.id);
}

/**
 * `workers` writers in parallel until the server dies (or `stop`): the caller kills the server at
 * a moment of its choosing. Resolves when every writer has met the dead connection.
 */
export async function writeUntilDeath(client: ApiClient, acked: Acked, cycle: number, workers = 3) {
  let who: People;
  try {
    who = await people(client);
  } catch {
    return;
  }
  let serial = 0;
  const worker = async (w: number) => {
    for (;;) {
      try {
        await oneRound(client, acked, who, `${cycle}-${w}-${serial++}`);
      } catch (error) {
        if (error instanceof Died) return;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
}

/** The month-end snapshot of `period` asked for while the writers run; true when answered. */
export async function freeze(client: ApiClient, acked: Acked, period: string): Promise<boolean> {
  acked.periods.set(period, false);
  try {
    await write(acked, `snapshot ${period}`, () =>
      client.send('POST', '/api/indicators/snapshots', { period }),
    );
    acked.periods.set(period, true);
    return true;
  } catch (error) {
    if (error instanceof Died) return false;
    throw error;
  }
}
