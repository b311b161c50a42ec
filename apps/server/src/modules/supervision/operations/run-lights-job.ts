import type { LightsRunResult } from '@gaodi/contracts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { chinaDay, claimJobRun, finishJobRun, type ScheduledJob } from '../../../platform/jobs/jobs.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { rulesIn } from '../supervision.queries.ts';
import { applyLights } from './apply-lights.ts';
import { escalate } from './escalate.ts';

export const LIGHTS_JOB = 'supervision.lights';

/** One region's run, in the owner transaction that claimed (job, region, day): lights, then the ladder. */
async function runRegion(deps: SupervisionDeps, tx: Tx, regionCode: string, now: Date) {
  const { rules } = await rulesIn(tx, regionCode);
  const detail = { items: 0, changed: 0, escalations: 0 };
  for (const p of deps.providers) {
    const list = await p.listItems(tx, { regionCode });
    const state = await applyLights(tx, list, rules, now);
    detail.items += list.length;
    detail.changed += [...state.values()].filter((s) => s.changed).length;
    detail.escalations += await escalate(tx, deps.notifier, regionCode, state, rules, now);
  }
  await finishJobRun(tx, LIGHTS_JOB, regionCode, chinaDay(now), deps.clock.now(), detail);
  await recordAudit(tx, {
    regionCode,
    at: now,
    actorId: null,
    actorName: 'system',
    action: 'supervise',
    targetType: 'supervision',
    result: 'ok',
    detail,
  });
  return detail;
}

/**
 * The scheduled lights job: every region once per China day, each region in its own owner
 * transaction that first claims (job, region, day). Safe to run from any number of processes.
 */
export async function runLightsJob(deps: SupervisionDeps): Promise<LightsRunResult> {
  const now = deps.clock.now();
  const regionSet = new Set<string>();
  for (const p of deps.providers)
    for (const r of await p.listRegions(deps.db.owner as unknown as Tx)) regionSet.add(r);
  const result: LightsRunResult = { regions: 0, items: 0, changed: 0, escalations: 0, skipped: 0 };
  for (const regionCode of [...regionSet].sort()) {
    await deps.db.owner.transaction(async (tx) => {
      if (!(await claimJobRun(tx, LIGHTS_JOB, regionCode, chinaDay(now), now))) {
        result.skipped++;
        return;
      }
      const detail = await runRegion(deps, tx, regionCode, now);
      result.regions++;
      result.items += detail.items;
      result.changed += detail.changed;
      result.escalations += detail.escalations;
    });
  }
  return result;
}

/** The lights job for the scheduler: tries every 10 minutes; each region runs once per China day. */
export function lightsJob(supervision: { runLightsJob: () => Promise<LightsRunResult> }): ScheduledJob {
  return { name: LIGHTS_JOB, everyMs: 10 * 60_000, run: () => supervision.runLightsJob() };
}
