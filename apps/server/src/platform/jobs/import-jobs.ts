import type { ImportJob } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import type { UserContext } from '../auth/context.ts';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { rowsOf } from '../db/rows.ts';
import { AppError } from '../http/errors.ts';
import { importJobs } from './import-jobs.table.ts';

/** Call once per item written: counts progress and, every ~10 ms, lets other requests in. */
export type ImportStep = () => Promise<void>;
type Work = (tx: Tx, step: ImportStep) => Promise<Record<string, number>>;

const BUDGET_MS = 10;
/** Progress of the jobs this process runs (the row holds it only at the start and the end). */
const live = new Map<string, { done: number }>();
const running = new Set<Promise<void>>();

type Row = typeof importJobs.$inferSelect;
function toJob(row: Row): ImportJob {
  const progress = row.status === 'running' ? live.get(row.id) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as ImportJob['status'],
    done: Math.min(progress?.done ?? row.done, row.total),
    total: row.total,
    result: (row.result as Record<string, number> | null) ?? null,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Starts a confirmed import in the background and answers with its job at once. `work` runs in
 * ONE transaction (all rows or none), calling `step()` per item; `afterCommit` runs once it is
 * written (e.g. the matching index catching up). A failure marks the job failed with its reason.
 */
export async function startImportJob(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  kind: string,
  total: number,
  work: Work,
  afterCommit?: () => void,
): Promise<ImportJob> {
  const [row] = await db.transaction(ctx.scope, (tx) =>
    tx
      .insert(importJobs)
      .values({
        regionCode: ctx.user.activeRegionCode,
        userId: ctx.user.id,
        kind,
        status: 'running',
        total,
        startedAt: clock.now(),
      })
      .returning(),
  );
  if (!row) throw new Error('import job not created');
  const progress = { done: 0 };
  live.set(row.id, progress);
  const finish = (set: Partial<Row>) =>
    db.transaction(ctx.scope, (tx) =>
      tx
        .update(importJobs)
        .set({ ...set, finishedAt: clock.now() })
        .where(eq(importJobs.id, row.id)),
    );
  const run = db
    .longTransaction(ctx.scope, async (tx, pause) => {
      // Held until commit: a process starting meanwhile sees the job is alive (failInterruptedImportJobs).
      await tx.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, row.id)).for('update');
      let since = performance.now();
      const step = async () => {
        progress.done++;
        if (performance.now() - since < BUDGET_MS) return;
        await pause();
        since = performance.now();
      };
      const result = await work(tx, step);
      await tx
        .update(importJobs)
        .set({ status: 'done', done: total, result, finishedAt: clock.now() })
        .where(eq(importJobs.id, row.id));
    })
    .then(
      () => afterCommit?.(),
      async (error: unknown) => {
        await finish({ status: 'failed', error: reasonOf(error, row.id) }).catch(() => undefined);
      },
    )
    .finally(() => {
      live.delete(row.id);
      running.delete(run);
    });
  running.add(run);
  return toJob(row);
}

function reasonOf(error: unknown, id: string): string {
  // A row's field problem (e.g. the institute already has a record) says more than the summary.
  if (error instanceof AppError) return error.fields?.[0]?.message ?? error.message;
  const e = error as { code?: string; cause?: { code?: string } };
  if ((e.code ?? e.cause?.code) === '23505')
    return '与已有记录冲突（可能已被他人登记），未写入任何行，请重新上传预览';
  console.error(`import job ${id} failed`, error);
  return '导入失败，未写入任何行，请稍后重试';
}

export const INTERRUPTED = '导入因服务器重启而中断，未写入任何行，请重新上传预览';

/**
 * On start-up: a job still 'running' whose transaction no process holds was cut short by a crash
 * or a kill. Its rows were never committed (one transaction), so it cannot be resumed without its
 * upload; it is marked failed with the reason, never left running. A job another live process is
 * working on (PostgreSQL, several nodes) holds its row lock and is skipped.
 */
export async function failInterruptedImportJobs(db: Database, clock: Clock): Promise<number> {
  const rows = await db.owner.execute(sql`
    UPDATE import_jobs SET status = 'failed', error = ${INTERRUPTED}, finished_at = ${clock.now().toISOString()}::timestamptz
    WHERE id IN (SELECT id FROM import_jobs WHERE status = 'running' FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  return rowsOf(rows).length;
}

/** The job, for the user who started it (row-level security); 404 for anyone else. */
export async function getImportJob(db: Database, ctx: UserContext, id: string): Promise<ImportJob> {
  const [row] = await db.transaction(ctx.scope, (tx) =>
    tx.select().from(importJobs).where(eq(importJobs.id, id)),
  );
  if (!row) throw new AppError(404, 'NOT_FOUND', '导入任务不存在');
  return toJob(row);
}

/** Waits for every import job of this process (closing the app, tests). */
export async function settleImportJobs(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
