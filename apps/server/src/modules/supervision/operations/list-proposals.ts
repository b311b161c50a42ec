import type { AgendaProposalListQuery } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { selectProposals } from '../proposals.queries.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { supervisionAgendaProposals } from '../supervision.table.ts';

/** Round-table proposals the caller sees, by status or item, newest first. */
export function listProposals(
  { db, providers }: Pick<SupervisionDeps, 'db' | 'providers'>,
  ctx: UserContext,
  query: AgendaProposalListQuery = {},
) {
  const p = supervisionAgendaProposals;
  return db.transaction(ctx.scope, (tx) =>
    selectProposals(
      tx,
      providers,
      and(
        query.status ? eq(p.status, query.status) : undefined,
        query.itemType ? eq(p.itemType, query.itemType) : undefined,
        query.itemId ? eq(p.itemId, query.itemId) : undefined,
      ),
    ),
  );
}
