import type { NeedRecommendations } from '@gaodi/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Session, TestApp } from '../../test/harness.ts';
import { createMatchIndex } from './match-index.ts';
import { type MatchmakingTestbed, openMatchmakingTestbed } from './matchmaking.fixtures.ts';

// The index a process keeps up to date from the change log answers as one rebuilt from the tables.

let t: TestApp;
let staff: Session;
let bed: MatchmakingTestbed;

beforeAll(async () => {
  bed = await openMatchmakingTestbed();
  ({ t, staff } = bed);
});
afterAll(() => t.close());

describe('index consistency (property): incremental updates equal a fresh rebuild', () => {
  // Words jieba keeps whole, so no learned phrase depends on the order documents arrived in.
  const words = [
    '大蒜',
    '提取',
    '发酵',
    '催化',
    '合成',
    '电池',
    '储能',
    '材料',
    '建筑',
    '装备',
    '检测',
    '废水',
  ];
  const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((w) => w.join(''));
  const op = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), title: text, abstract: text, institute: fc.nat(3) }),
    fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), title: text, abstract: text }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('need' as const), title: text }),
  );
  const institutes = ['山东大学', '大连理工大学', '北京工业大学', '江南大学'];

  it('after any sequence of creates, updates and deletes', async () => {
    const queries: string[] = [];
    const live: string[] = [];
    const needIds: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === 'create') {
            const res = await staff.post('/api/achievements', {
              instituteId: bed.instituteId(institutes[o.institute] as string),
              title: o.title,
              abstract: o.abstract,
              trl: 5,
            });
            expect(res.statusCode, res.body).toBe(200);
            live.push(res.json().id);
          } else if (o.kind === 'update' && live.length) {
            const id = live[o.pick % live.length] as string;
            const res = await staff.put(`/api/achievements/${id}`, {
              title: o.title,
              abstract: o.abstract,
              trl: 6,
            });
            expect(res.statusCode, res.body).toBe(200);
          } else if (o.kind === 'delete' && live.length) {
            const [id] = live.splice(o.pick % live.length, 1);
            expect((await staff.del(`/api/achievements/${id}`)).statusCode).toBe(200);
          } else if (o.kind === 'need') {
            const need = await bed.createNeed(staff, o.title);
            await bed.publish(need.id);
            needIds.push(need.id);
            queries.push(o.title);
          }
        }
        if (needIds.length === 0) {
          const need = await bed.createNeed(staff, '大蒜提取材料检测');
          await bed.publish(need.id);
          needIds.push(need.id);
        }
        const rebuilt = createMatchIndex({ db: t.db, useSnapshot: false });
        await rebuilt.start();
        const fresh = await buildApp({ db: t.db, clock: t.clock, matchIndex: rebuilt });
        await fresh.ready();
        try {
          for (const id of needIds.slice(-3)) {
            const url = `/api/needs/${id}/recommendations?top=15`;
            const live = (await staff.get(url)).json() as NeedRecommendations;
            const again = (
              await fresh.inject({ method: 'GET', url, headers: { cookie: staff.cookie } })
            ).json() as NeedRecommendations;
            const shape = (r: NeedRecommendations) => ({
              institutes: r.institutes.map((i) => [
                i.instituteId,
                i.score.toFixed(6),
                i.achievements.map((a) => a.id),
              ]),
              achievements: r.achievements.map((a) => [
                a.id,
                a.score.toFixed(6),
                a.matches.map((m) => m.term),
              ]),
            });
            expect(shape(live)).toEqual(shape(again));
          }
        } finally {
          await fresh.close();
        }
      }),
      { numRuns: 12 },
    );
  });
});
