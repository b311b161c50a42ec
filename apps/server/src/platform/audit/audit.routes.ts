import { createHash } from 'node:crypto';
import { AuditAnchorsRoute, ExportAuditRoute, ListAuditRoute, VerifyAuditRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { registerRoute } from '../http/route.ts';
import { exportAudit } from './audit.export.ts';
import { listAudit, recordUserAction } from './audit.ts';
import { auditAnchors, auditorChainHeads, verifyAuditChain } from './audit-chain.ts';
import { resolveTargetNames, targetOf } from './audit-targets.ts';

/** The audit log, its chain's verification and daily anchors, for audit administrators (RLS enforces the same). */
export const auditRoutes: FastifyPluginAsync<{ auth: AuthService; db: Database; clock: Clock }> = async (
  app,
  { auth, db, clock },
) => {
  registerRoute(app, auth, ListAuditRoute, async ({ ctx, query }) => {
    const page = await db.transaction(ctx.scope, (tx) => listAudit(tx, query));
    const names = await resolveTargetNames(db, page.items);
    return {
      ...page,
      items: page.items.map((r) => {
        const target = targetOf(names, r);
        return { ...r, targetName: target.name, targetHref: target.href };
      }),
    };
  });

  registerRoute(app, auth, ExportAuditRoute, async ({ ctx, query, reply }) => {
    const buffer = await exportAudit({ db, clock }, ctx, query);
    const day = clock.now().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="audit-log-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`审计日志${day}.xlsx`)}`,
      )
      .send(buffer);
  });

  registerRoute(app, auth, VerifyAuditRoute, ({ ctx, body }) =>
    db.transaction(ctx.scope, async (tx) => {
      const report = await verifyAuditChain(tx, await auditorChainHeads(tx), clock.now(), body.anchors);
      await recordUserAction(tx, ctx, clock.now(), {
        action: 'audit_verify',
        targetType: 'audit',
        targetId: report.ok ? 'ok' : 'broken',
        detail: { problems: report.problems.length, anchors: body.anchors.length },
      });
      return report;
    }),
  );

  registerRoute(app, auth, AuditAnchorsRoute, ({ ctx, query }) =>
    db.transaction(ctx.scope, async (tx) => {
      const end = new Date(new Date(`${query.date}T00:00:00+08:00`).getTime() + 86_400_000);
      const anchors = await auditAnchors(tx, end);
      const digest = createHash('sha256').update(JSON.stringify(anchors)).digest('hex');
      await recordUserAction(tx, ctx, clock.now(), {
        action: 'export',
        targetType: 'audit_anchors',
        targetId: query.date,
        detail: { digest },
      });
      return { date: query.date, exportedAt: clock.now().toISOString(), anchors, digest };
    }),
  );
};
