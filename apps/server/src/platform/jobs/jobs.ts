import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Tx } from '../db/database.ts';
import { jobRuns } from './jobs.table.ts';

/** A job the scheduler runs every `everyMs`; the job itself claims its period so it runs once. */
export type ScheduledJob = { name: string; everyMs: number; run: () => Promise<unknown> };

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's scheduled jobs; main.ts starts them, tests call `run` with the manual clock. */
    scheduledJobs: ScheduledJob[];
  }
}

/**
 * Claims (job, scope, period) inside the caller's transaction. True → this transaction does the
 * work; false → another process (or an earlier run) already did. On PostgreSQL a concurrent
 * claimer blocks on the primary key until the first transaction ends: commit → false, rollback → true.
 */
export async function claimJobRun(
  tx: Tx,
  job: string,
  scope: string,
  period: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .insert(jobRuns)
    .values({ job, scope, period, startedAt: at })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  return rows.length === 1;
}

export async function finishJobRun(
  tx: Tx,
  job: string,
  scope: string,
  period: string,
  at: Date,
  detail: unknown,
) {
  await tx
    .update(jobRuns)
    .set({ finishedAt: at, detail })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.scope, scope), eq(jobRuns.period, period)));
}

/** The calendar day in China (Asia/Shanghai, no DST): the period of daily jobs. */
export function chinaDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

type Log = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

/**
 * Runs each job on its interval (and once shortly after start). A run still going is not started
 * again in this process; across processes the jobs' claims keep each period to one run.
 */
export function startScheduler({
  jobs,
  log,
  clock,
}: {
  jobs: readonly ScheduledJob[];
  log: Log;
  clock: Clock;
}) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  const tick = async (job: ScheduledJob) => {
    if (running.has(job.name)) return;
    running.add(job.name);
    const started = clock.now();
    try {
      const result = await job.run();
      log.info(
        { job: job.name, ms: clock.now().getTime() - started.getTime(), result },
        'scheduled job finished',
      );
    } catch (err) {
      log.error({ job: job.name, err }, 'scheduled job failed');
    } finally {
      running.delete(job.name);
    }
  };
  for (const job of jobs) {
    timers.push(setTimeout(() => void tick(job), 5_000 + Math.random() * 5_000));
    timers.push(setInterval(() => void tick(job), job.everyMs));
  }
  for (const t of timers) t.unref();
  return {
    stop: () => {
      for (const t of timers) clearInterval(t);
    },
  };
}
