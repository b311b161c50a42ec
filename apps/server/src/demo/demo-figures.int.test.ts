import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../platform/clock.ts';
import { openDatabase, rowsOf } from '../platform/db/database.ts';
import { chinaDay } from '../platform/jobs/jobs.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';
import { loadDemoData } from './demo-data.ts';

const ARTICLE = { events: 18, signed: 8, recruited: 9, operating: 6, landed: 9 };

/** The year's figures as the home page reads them (apps/web/src/modules/home/home-page.tsx). */
async function figuresOf(user: Session, year: number) {
  const events = (await user.get(`/api/matchmaking/summary?year=${year}`)).json();
  const projects = (await user.get(`/api/projects/counts?year=${year}`)).json();
  const plan = (await user.get(`/api/recruitment/plans/${year}`)).json();
  return {
    events: events.events,
    signed: projects.signed,
    recruited: plan.recruited,
    operating: plan.operating,
    landed: projects.landed,
  };
}

const yearOf = (t: TestApp) => Number(chinaDay(t.clock.now()).slice(0, 4));

describe('the demo reproduces the article for the year of its clock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows a county leader the article’s figures, computed from records by the endpoints the home page reads', async () => {
    expect(await figuresOf(await t.login('jx_leader'), yearOf(t))).toEqual(ARTICLE);
  });

  it('shows the sibling county none of them', async () => {
    const ws = await t.login('ws_staff');
    const year = yearOf(t);
    expect((await ws.get(`/api/matchmaking/summary?year=${year}`)).json().events).toBe(0);
    expect((await ws.get(`/api/projects/counts?year=${year}`)).json()).toMatchObject({
      signed: 0,
      landed: 0,
    });
  });
});

/** Every day a demo row records as done, latest first, and the latest time it was written at. */
async function latestDone(t: TestApp) {
  const [days] = rowsOf<{ latest: string; written: Date }>(
    await t.db.owner.execute(sql`
      SELECT greatest(
               (SELECT max(held_on) FROM matchmaking_events),
               (SELECT max(greatest(signed_on, landed_on, last_entry_on)) FROM cooperation_projects),
               (SELECT max(recorded_on) FROM project_outputs),
               (SELECT max(done_on) FROM project_milestones),
               (SELECT max(greatest(signed_on, last_entry_on)) FROM recruitment_records),
               (SELECT max(entry_on) FROM recruitment_entries),
               (SELECT max(done_on) FROM recruitment_milestones))::text AS latest,
             greatest(
               (SELECT max(created_at) FROM matchmaking_events),
               (SELECT max(greatest(created_at, updated_at, stage_changed_at)) FROM cooperation_projects),
               (SELECT max(created_at) FROM project_entries),
               (SELECT max(greatest(created_at, updated_at, stage_changed_at)) FROM recruitment_records),
               (SELECT max(created_at) FROM recruitment_entries)) AS written`),
  );
  return { latest: days?.latest, written: days ? new Date(days.written) : undefined };
}

// A fresh start in the first minutes of a year in China (16:10 UTC the day before: nothing of the
// year behind it), on a leap day, and in the last minutes of a year (15:50 UTC). A fresh server
// process with the system clock moved: demo-fresh-start.int.test.ts.
describe.each(['2027-01-01T00:10:00+08:00', '2028-02-29T10:00:00+08:00', '2027-12-31T23:50:00+08:00'])(
  'the demo loaded fresh at %s',
  (iso) => {
    const now = new Date(iso);
    let t: TestApp;
    beforeAll(async () => {
      const db = await openDatabase({ engine: 'pglite' });
      await db.migrate();
      await loadDemoData(db, createManualClock(now));
      t = await createTestApp({ db, start: now });
    });
    afterAll(() => t?.close());

    it('shows the article’s figures for that year; the year before only signed what lands in this one', async () => {
      const leader = await t.login('jx_leader');
      const year = Number(iso.slice(0, 4));
      expect(await figuresOf(leader, year)).toEqual(ARTICLE);
      // Five of the year's landed projects and one later stopped were signed the year before.
      expect(await figuresOf(leader, year - 1)).toEqual({
        events: 0,
        signed: 6,
        recruited: 0,
        operating: 0,
        landed: 0,
      });
    });

    it('records nothing done after that day, nor written after that moment', async () => {
      const { latest, written } = await latestDone(t);
      const today = iso.slice(0, 10);
      expect(latest && latest <= today && latest.startsWith(today.slice(0, 4))).toBe(true);
      expect(written?.getTime()).toBeLessThanOrEqual(now.getTime());
    });

    it('proposes the leads quiet for months on the first lights run, as on the day it was written', async () => {
      await t.app.scheduledJobs.find((j) => j.name === 'supervision.lights')?.run();
      const proposals = (
        await (await t.login('jx_leader')).get('/api/supervision/proposals?status=proposed')
      ).json();
      expect(proposals.map((p: { title: string }) => p.title)).toEqual(
        expect.arrayContaining(['江南大学', '大蒜副产物膳食纤维开发']),
      );
    });
  },
);
