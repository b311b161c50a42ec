import type { ServiceRequest, ServiceRequestListQuery, ServiceRequestPage } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { chinaToday } from '../../pipelines/index.ts';
import type { ConciergeDeps } from '../concierge.deps.ts';
import { listRequests, readRequest } from '../concierge.queries.ts';

export function listServiceRequests(
  deps: ConciergeDeps,
  ctx: UserContext,
  query: z.output<typeof ServiceRequestListQuery>,
): Promise<ServiceRequestPage> {
  return deps.db.transaction(ctx.scope, (tx) =>
    listRequests(tx, ctx, deps.box, query, chinaToday(deps.clock.now())),
  );
}

export function getServiceRequest(
  deps: ConciergeDeps,
  ctx: UserContext,
  id: string,
): Promise<ServiceRequest> {
  return deps.db.transaction(ctx.scope, (tx) =>
    readRequest(tx, ctx, deps.box, id, chinaToday(deps.clock.now())),
  );
}

/** The region's helpers, for assigning and transferring. */
export function listHelpers(deps: ConciergeDeps, ctx: UserContext) {
  return deps.db.transaction(ctx.scope, async (tx) =>
    rowsOf<{ id: string; name: string; role: string }>(
      await tx.execute(sql`SELECT id, display_name AS name, role FROM users
        WHERE role = 'helper' AND NOT is_disabled AND region_code = ${ctx.user.activeRegionCode} ORDER BY display_name`),
    ),
  );
}
