import type { CheckinInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { anonymousScope, type RequestContext } from '../../../platform/auth/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { rowsOf } from '../sql-rows.ts';
import { chinaMinute } from './read-checkin.ts';

type CheckinRow = {
  event_id: string;
  region_code: string;
  participant_id: string;
  refusal: 'not_open' | 'closed' | 'device' | null;
  opens_at: string;
  closes_at: string;
};

/** Why the database refused the sign-in (gaodi_event_checkin decides, so no caller can skip it). */
function refusal(row: CheckinRow): AppError {
  const opens = chinaMinute(row.opens_at);
  const closes = chinaMinute(row.closes_at);
  const text =
    row.refusal === 'device'
      ? '这台设备已为本活动签到过其他单位，每台设备每场活动只能签到一次'
      : row.refusal === 'not_open'
        ? `签到尚未开始：本活动可在 ${opens} 至 ${closes} 签到`
        : `签到已结束：本活动可在 ${opens} 至 ${closes} 签到`;
  const code = row.refusal === 'device' ? 'CHECKIN_DEVICE' : 'CHECKIN_CLOSED';
  return new AppError(409, code, text);
}

/** Signs in at an event from the QR code: the organisation and the attendee, audited without a user. */
export async function checkIn(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  token: string,
  input: z.output<typeof CheckinInput>,
): Promise<{ ok: true; orgName: string }> {
  return db.transaction(anonymousScope, async (tx) => {
    const now = clock.now();
    const [row] = rowsOf<CheckinRow>(
      await tx.execute(
        sql`SELECT event_id, region_code, participant_id, refusal, opens_at::text, closes_at::text
            FROM gaodi_event_checkin(${token}, ${input.orgName}, ${input.attendeeName}, ${now.toISOString()}::timestamptz, ${input.deviceId})`,
      ),
    );
    if (!row) throw notFound(ctx.lang);
    if (row.refusal !== null) throw refusal(row);
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
