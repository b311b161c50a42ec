import {
  GRADES,
  type Recruitment,
  type RecruitmentBoard,
  type RecruitmentPage,
  type RecruitmentSummary,
  STAGES,
} from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { createRecord } from './recruitment.fixtures.ts';

let t: TestApp;
let staff: Session;
let sibling: Recruitment;
const made: Recruitment[] = [];

type GroupBy = RecruitmentBoard['groupBy'];
/** The list's filter that selects one board column's records. */
const LIST_FILTER: Record<GroupBy, string> = {
  stage: 'stage',
  grade: 'grade',
  light: 'light',
  owner: 'ownerId',
};
const keyOf: Record<GroupBy, (r: RecruitmentSummary) => string> = {
  stage: (r) => r.stage,
  grade: (r) => r.grade,
  light: (r) => r.light.light,
  owner: (r) => r.owner?.id ?? '',
};
const LIGHT_RANK = { red: 3, yellow: 2, green: 1, none: 0 } as const;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  const people = (await staff.get('/api/recruitment/assignable')).json() as { id: string; name: string }[];
  const lead = people.find((p) => p.name === '李强');
  // Three of each grade beside the demo's records, one of them owned by the task-force lead.
  for (const grade of GRADES) {
    for (let i = 0; i < 3; i++) {
      const r = await createRecord(staff, { name: `看板分组测试研究院${grade}${i}` });
      const put = await staff.put(`/api/recruitment/records/${r.id}`, {
        instituteId: r.instituteId,
        grade,
        ownerId: i === 0 && lead ? lead.id : r.owner?.id,
        taskForceLeadId: r.taskForceLead?.id,
        taskForceMemberIds: r.taskForceMembers.map((m) => m.id),
      });
      expect(put.statusCode, put.body).toBe(200);
      made.push(put.json());
    }
  }
  // A record of the sibling county 370830, by its own staff.
  const ws = await t.login('ws_staff');
  const inst = await ws.post('/api/institutes', {
    name: '汶上看板隔离测试研究院',
    kind: 'research',
    level: 'provincial',
    city: '济宁',
  });
  expect(inst.statusCode, inst.body).toBe(200);
  const wsPeople = (await ws.get('/api/recruitment/assignable')).json() as { id: string }[];
  const wsOwner = wsPeople[0]?.id;
  const res = await ws.post('/api/recruitment/records', {
    instituteId: inst.json().id,
    grade: 'B',
    ownerId: wsOwner,
    taskForceLeadId: wsOwner,
  });
  expect(res.statusCode, res.body).toBe(200);
  sibling = res.json();
});
afterAll(() => t.close());

async function boardOf(session: Session, query: string) {
  const res = await session.get(`/api/recruitment/board?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RecruitmentBoard;
}
async function listTotal(session: Session, query: string) {
  const res = await session.get(`/api/recruitment/records?pageSize=1&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as RecruitmentPage).total;
}
const ids = (board: RecruitmentBoard) => board.columns.flatMap((c) => c.items.map((i) => i.id));

describe('the board grouped by stage, grade, light or owner', () => {
  it('groups by stage when no grouping is asked for, every stage shown in order even empty', async () => {
    const board = await boardOf(staff, '');
    expect(board.groupBy).toBe('stage');
    expect(board.columns.map((c) => c.key)).toEqual([...STAGES]);
  });

  it.each([
    ['stage', [...STAGES]],
    ['grade', ['A', 'B', 'C']],
    ['light', ['red', 'yellow', 'green', 'none']],
  ] as const)('by %s: the fixed columns in order, totals equal to the list’s', async (groupBy, keys) => {
    const board = await boardOf(staff, `groupBy=${groupBy}&perColumn=500`);
    expect(board.groupBy).toBe(groupBy);
    expect(board.columns.map((c) => c.key)).toEqual(keys);
    for (const col of board.columns) {
      expect(col.total, col.key).toBe(await listTotal(staff, `${LIST_FILTER[groupBy]}=${col.key}`));
      expect(col.items).toHaveLength(col.total);
      expect(col.items.every((i) => keyOf[groupBy](i) === col.key)).toBe(true);
      const ranks = col.items.map((i) => LIGHT_RANK[i.light.light]);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    }
    expect(board.columns.reduce((s, c) => s + c.total, 0)).toBe(await listTotal(staff, ''));
    expect(ids(board)).toEqual(expect.arrayContaining(made.map((r) => r.id)));
    expect(ids(board)).not.toContain(sibling.id);
  });

  it('by owner: each owner with cards by name, with the name as label, then 未指定 last', async () => {
    const board = await boardOf(staff, 'groupBy=owner&perColumn=500');
    const owners = board.columns.slice(0, -1);
    expect(board.columns.at(-1)).toMatchObject({ key: '', total: 0, items: [] });
    expect(owners.length).toBeGreaterThanOrEqual(2);
    const names = owners.map((c) => c.label ?? '');
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    expect(names).toEqual(expect.arrayContaining(['张敏', '李强']));
    for (const col of owners) {
      expect(col.total).toBeGreaterThan(0);
      expect(col.total, col.label).toBe(await listTotal(staff, `ownerId=${col.key}`));
      expect(col.items.every((i) => i.owner?.id === col.key && i.owner.name === col.label)).toBe(true);
    }
    expect(board.columns.reduce((s, c) => s + c.total, 0)).toBe(await listTotal(staff, ''));
    expect(ids(board)).not.toContain(sibling.id);
  });

  it.each(['stage', 'grade', 'light', 'owner'] as const)(
    'by %s with a filter and a per-column limit: totals still those of the list with the same filter',
    async (groupBy) => {
      const filter = `q=${encodeURIComponent('看板分组测试')}&isGreenChannel=false`;
      const board = await boardOf(staff, `groupBy=${groupBy}&perColumn=1&${filter}`);
      expect(board.columns.reduce((s, c) => s + c.total, 0)).toBe(made.length);
      for (const col of board.columns) {
        if (groupBy === 'owner' && col.key === '') continue;
        expect(col.total, col.key).toBe(
          await listTotal(staff, `${filter}&${LIST_FILTER[groupBy]}=${col.key}`),
        );
        expect(col.items).toHaveLength(Math.min(1, col.total));
      }
      if (groupBy === 'grade') expect(board.columns.map((c) => c.total)).toEqual([3, 3, 3]);
      if (groupBy === 'owner') expect(board.columns.map((c) => c.total).sort()).toEqual([0, 3, 6]);
    },
  );

  it.each(['stage', 'grade', 'light', 'owner'] as const)(
    'by %s, the sibling county sees only its own record',
    async (groupBy) => {
      const ws = await t.login('ws_staff');
      const board = await boardOf(ws, `groupBy=${groupBy}`);
      expect(ids(board)).toEqual([sibling.id]);
      expect(board.columns.reduce((s, c) => s + c.total, 0)).toBe(1);
      const col = board.columns.find((c) => c.total === 1);
      expect(col?.key).toBe(keyOf[groupBy](sibling));
    },
  );

  it('a drag to another grade or owner changes only that field; the sibling county cannot', async () => {
    const card = made[3];
    if (!card) throw new Error('expected test records');
    // Another user edits the notes meanwhile: the drag must not undo that edit.
    const noted = await staff.put(`/api/recruitment/records/${card.id}`, {
      instituteId: card.instituteId,
      grade: card.grade,
      ownerId: card.owner?.id,
      taskForceLeadId: card.taskForceLead?.id,
      taskForceMemberIds: card.taskForceMembers.map((m) => m.id),
      notes: '拖动前写下的备注',
    });
    expect(noted.statusCode, noted.body).toBe(200);
    const to = card.grade === 'A' ? 'C' : 'A';
    const moved = await staff.patch(`/api/recruitment/records/${card.id}`, { grade: to });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ grade: to, notes: '拖动前写下的备注', owner: card.owner });
    const byGrade = await boardOf(staff, 'groupBy=grade');
    expect(byGrade.columns.find((c) => c.key === to)?.items.map((i) => i.id)).toContain(card.id);

    const empty = await staff.patch(`/api/recruitment/records/${card.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].path).toBe('grade');
    const ws = await t.login('ws_staff');
    expect((await ws.patch(`/api/recruitment/records/${card.id}`, { grade: 'C' })).statusCode).toBe(404);
    expect((await staff.patch(`/api/recruitment/records/${sibling.id}`, { grade: 'C' })).statusCode).toBe(
      404,
    );
  });

  it('refuses an unknown grouping with a 400 naming the field', async () => {
    const res = await staff.get('/api/recruitment/board?groupBy=industry');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('groupBy');
  });
});
