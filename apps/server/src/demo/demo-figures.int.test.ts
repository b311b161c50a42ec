import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo reproduces the article for the current year', () => {
  it('shows a county leader the article’s figures, computed from records by the endpoints the home page reads', async () => {
    const leader = await t.login('jx_leader');
    const events = (await leader.get('/api/matchmaking/summary?year=2026')).json();
    const projects = (await leader.get('/api/projects/counts?year=2026')).json();
    const plan = (await leader.get('/api/recruitment/plans/2026')).json();
    expect({
      events: events.events,
      signed: projects.signed,
      recruited: plan.recruited,
      operating: plan.operating,
      landed: projects.landed,
    }).toEqual({ events: 18, signed: 8, recruited: 9, operating: 6, landed: 9 });
  });

  it('shows the sibling county none of them', async () => {
    const ws = await t.login('ws_staff');
    expect((await ws.get('/api/matchmaking/summary?year=2026')).json().events).toBe(0);
    expect((await ws.get('/api/projects/counts?year=2026')).json()).toMatchObject({ signed: 0, landed: 0 });
  });
});
