import type { CheckinInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { anonymousScope, type RequestContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { rowsOf } from '../sql-rows.ts';

/** Signs in at an event from the QR code: the organisation and the attendee, audited without a user. */
export async function checkIn(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  token: string,
  input: z.output<typeof CheckinInput>,
): Promise<{ ok: true; orgName: string }> {
  return db.transaction(anonymousScope, async (tx) => {
    const now = clock.now();
    const [row] = rowsOf<{ event_id: string; region_code: string; participant_id: string }>(
      await tx.execute(
        sql`SELECT * FROM gaodi_event_checkin(${token}, ${input.orgName}, ${input.attendeeName}, ${now.toISOString()}::timestamptz)`,
      ),
    );
    if (!row) throw notFound(ctx.lang);
    await recordAudit(tx, {
      regionCode: row.region_code,
      at: now,
      actorId: null,
      actorName: input.attendeeName,
      action: 'checkin',
      targetType: 'event',
      targetId: row.event_id,
      result: 'ok',
      clientAddress: ctx.clientAddress,
      detail: { orgName: input.orgName, participantId: row.participant_id },
    });
    return { ok: true as const, orgName: input.orgName };
  });
}
