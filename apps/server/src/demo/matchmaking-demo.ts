import { and, eq, like } from 'drizzle-orm';
import { industries } from '../modules/directory/index.ts';
import { matchmakingEvents } from '../modules/matchmaking/index.ts';
import { projectSupervisedItems } from '../modules/projects/index.ts';
import { createSupervisionService } from '../modules/supervision/index.ts';
import { users } from '../platform/auth/auth.table.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { inboxNotifier } from '../platform/notifications/notifier.ts';
import { demoCalendar } from './demo-calendar.ts';
import { atDemoClock } from './demo-clock.ts';
import { JX } from './matchmaking/directory.data.ts';
import { insertDemoDirectory } from './matchmaking/insert-directory.ts';
import { insertDemoEvents, insertDemoPairings, insertDemoRejections } from './matchmaking/insert-events.ts';
import { insertDemoAchievements, insertDemoNeeds } from './matchmaking/insert-needs-achievements.ts';
import { insertDemoProjects } from './matchmaking/insert-projects.ts';

/**
 * The article's matchmaking path for the year: needs, achievements, 18 events with sign-ins and
 * pairings, 8 signed cooperation projects and 9 landed, one in the Beijing 大兴 enclave (R&D in
 * Beijing, commercialised in Jinxiang), all served by the helper 王芳. Idempotent: skips when a
 * demo event exists, whichever year it was loaded in. Runs on the owner connection (demo data spans
 * regions). The data is in matchmaking/*.data.ts, one file per kind of record.
 */
export async function loadMatchmakingDemo(db: Database, clock: Clock): Promise<void> {
  const owner = db.owner;
  const [done] = await owner
    .select({ id: matchmakingEvents.id })
    .from(matchmakingEvents)
    .where(and(eq(matchmakingEvents.regionCode, JX), like(matchmakingEvents.checkinToken, 'demo-checkin-%')));
  if (done) return;
  const cal = demoCalendar(clock);
  const projectIds = await owner.transaction(async (tx) => {
    await atDemoClock(tx, clock);
    const people = new Map(
      (await tx.select({ id: users.id, username: users.username }).from(users)).map((u) => [
        u.username,
        u.id,
      ]),
    );
    const helper = people.get('jx_helper');
    if (!helper) return [];
    const industryRows = await tx
      .select({ id: industries.id, code: industries.code })
      .from(industries)
      .where(eq(industries.regionCode, JX));
    const industryId = new Map(industryRows.map((i) => [i.code, i.id]));
    const ids = await insertDemoDirectory(tx, industryId);
    const c = {
      tx,
      cal,
      // A day of the year's story, written as told, at an hour in China.
      at: (written: string, hour?: number) => cal.at(cal.day(written), hour),
      staff: people.get('jx_staff') ?? null,
      industryId,
      ids,
    };
    const offers = { achievementId: await insertDemoAchievements(c), needId: await insertDemoNeeds(c) };
    const eventId = await insertDemoEvents(c, offers);
    const pairingId = await insertDemoPairings(c, offers, eventId);
    await insertDemoRejections(c, offers.needId);
    const lead = people.get('jx_lead') ?? null;
    return insertDemoProjects(c, { helper, lead }, offers.needId, pairingId);
  });
  if (projectIds.length === 0) return;
  // Lights as the scheduled job would compute them (one provider here: projects).
  const supervision = createSupervisionService({
    db,
    clock,
    notifier: inboxNotifier,
    providers: [projectSupervisedItems],
  });
  await owner.transaction(async (tx) => {
    await atDemoClock(tx, clock);
    await supervision.refreshItems(tx, 'project', projectIds);
    // A project quiet for months has been red that long (see recruitment-demo.ts).
    await supervision.dateLightsFromPast(tx, 'project', projectIds);
  });
}
