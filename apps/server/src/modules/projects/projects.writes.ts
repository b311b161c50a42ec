import { eq, sql } from 'drizzle-orm';
import { recordUserAction } from '../../platform/audit/audit.ts';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import type { Notifier } from '../../platform/notifications/notifier.ts';
import { PROJECT_ITEM } from './projects.deps.ts';
import { cooperationProjects, projectEntries, projectHelperAssignments } from './projects.table.ts';

/** Shared writers of projects: timeline entries, helper assignments, the audit row. */

export type TimelineEntry = {
  kind: 'progress' | 'stage' | 'handover';
  on: string;
  content: string;
  stageFrom?: string;
  stageTo?: string;
  nextDate?: string | null;
};

/** Adds a timeline entry; the project keeps the latest entry's day (and a progress note's next date). */
export async function addEntry(
  tx: Tx,
  { clock }: { clock: Clock },
  ctx: UserContext,
  p: { id: string; regionCode: string },
  entry: TimelineEntry,
) {
  const now = clock.now();
  await tx.insert(projectEntries).values({
    regionCode: p.regionCode,
    projectId: p.id,
    kind: entry.kind,
    on: entry.on,
    content: entry.content,
    stageFrom: entry.stageFrom ?? null,
    stageTo: entry.stageTo ?? null,
    nextDate: entry.nextDate ?? null,
    authorId: ctx.user.id,
    authorName: ctx.user.displayName,
    createdAt: now,
  });
  await tx
    .update(cooperationProjects)
    .set({
      lastEntryOn: sql`greatest(coalesce(${cooperationProjects.lastEntryOn}, ${entry.on}::date), ${entry.on}::date)`,
      ...(entry.kind === 'progress' ? { nextDate: entry.nextDate ?? null } : {}),
      updatedAt: now,
    })
    .where(eq(cooperationProjects.id, p.id));
}

/** One audit row for a write on a project. */
export const auditProject = (
  tx: Tx,
  { clock }: { clock: Clock },
  ctx: UserContext,
  action: string,
  targetId: string,
  detail?: unknown,
) => recordUserAction(tx, ctx, clock.now(), { action, targetType: PROJECT_ITEM, targetId, detail });

/** The helper must be an active 帮办专员 the user may see; else a problem on `path`. */
export async function checkHelper(tx: Tx, ctx: UserContext, helperId: string, path: string) {
  const [u] = await tx
    .select({ id: users.id, role: users.role, isDisabled: users.isDisabled })
    .from(users)
    .where(eq(users.id, helperId));
  if (u?.role !== 'helper' || u.isDisabled)
    throw invalid([{ path, message: '请选择本区域在岗的帮办专员' }], ctx.lang);
}

/** Starts a helper's assignment and tells them (and the helper handing over, if any) in the inbox. */
export async function startAssignment(
  tx: Tx,
  { clock, notifier }: { clock: Clock; notifier: Notifier },
  ctx: UserContext,
  p: { id: string; regionCode: string; title: string },
  assignment: { helperId: string; reason: string; previousHelperId?: string | null },
) {
  const { helperId, reason, previousHelperId = null } = assignment;
  const now = clock.now();
  await tx.insert(projectHelperAssignments).values({
    regionCode: p.regionCode,
    projectId: p.id,
    helperId,
    startedAt: now,
    assignedBy: ctx.user.id,
    reason,
  });
  const link = `/projects/${p.id}`;
  const body = reason ? `${ctx.user.displayName}：${reason}` : ctx.user.displayName;
  const told = [{ userId: helperId, kind: 'project.helper', title: `您已被指定为帮办专员：${p.title}` }];
  if (previousHelperId && previousHelperId !== helperId)
    told.push({
      userId: previousHelperId,
      kind: 'project.handover',
      title: `项目已交接给其他帮办专员：${p.title}`,
    });
  await notifier.send(
    tx,
    told.filter((m) => m.userId !== ctx.user.id).map((m) => ({ ...m, regionCode: p.regionCode, body, link })),
    now,
  );
}
