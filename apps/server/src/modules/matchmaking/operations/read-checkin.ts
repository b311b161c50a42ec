import type { CheckinInfo } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { anonymousScope, type RequestContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { rowsOf } from '../sql-rows.ts';

/** What the phone sign-in page shows: no session, the token in the URL is the credential. */
export async function readCheckin(
  { db }: Pick<MatchmakingDeps, 'db'>,
  lang: RequestContext['lang'],
  token: string,
): Promise<CheckinInfo> {
  return db.transaction(anonymousScope, async (tx) => {
    const [row] = rowsOf<{
      title: string;
      held_on: string;
      place: string;
      is_online: boolean;
      organiser: string;
      invited: string[];
      opens_at: string;
      closes_at: string;
    }>(
      await tx.execute(
        sql`SELECT title, held_on::text, place, is_online, organiser, invited, opens_at::text, closes_at::text
            FROM gaodi_event_checkin_info(${token})`,
      ),
    );
    if (!row) throw notFound(lang);
    return {
      title: row.title,
      heldOn: row.held_on,
      place: row.place,
      isOnline: row.is_online,
      organiser: row.organiser,
      organisations: row.invited,
      opensAt: new Date(row.opens_at).toISOString(),
      closesAt: new Date(row.closes_at).toISOString(),
    };
  });
}

/** 2026-11-29 08:00 in China time, as the sign-in window is told to people at the door. */
export function chinaMinute(timestamp: string): string {
  const at = new Date(new Date(timestamp).getTime() + 8 * 3_600_000);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}
