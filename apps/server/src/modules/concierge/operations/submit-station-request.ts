import { SERVICE_KIND_LABELS, type StationInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../../platform/auth/context.ts';
import { anonymousScope } from '../../../platform/auth/context.ts';
import { maskPhone } from '../../../platform/crypto/index.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../pipelines/index.ts';
import type { ConciergeDeps } from '../concierge.deps.ts';
import { PHONE_AAD } from '../concierge.queries.ts';
import { dueDatesOf } from '../concierge.terms.ts';
import type { StationGuard } from '../station-guard.ts';

/** Requests one phone may submit per day. */
export const STATION_PER_PHONE_PER_DAY = 3;

/** The station page's header: the county's name and a fresh challenge. */
export async function getStation(
  deps: ConciergeDeps,
  guard: StationGuard,
  ctx: RequestContext,
  regionCode: string,
) {
  const [region] = await deps.db.transaction(anonymousScope, async (tx) =>
    rowsOf<{ name: string }>(
      await tx.execute(sql`SELECT name FROM regions WHERE code = ${regionCode} AND level = 'county'`),
    ),
  );
  if (!region) throw notFound(ctx.lang);
  return { regionName: region.name, ...guard.issue(regionCode, deps.clock.now()) };
}

/**
 * A talent or investor submits a request without an account. It runs with no region in scope (it
 * can read no request) and writes through gaodi_station_submit, which answers only the reference.
 */
export async function submitStationRequest(
  deps: ConciergeDeps,
  guard: StationGuard,
  ctx: RequestContext,
  regionCode: string,
  body: StationInput,
): Promise<{ reference: string }> {
  const now = deps.clock.now();
  if (!guard.allow(ctx.clientAddress, now)) throw new AppError(429, 'RATE_LIMIT', '提交过于频繁，请稍后再试');
  if (!guard.check(regionCode, body.challengeToken, body.challengeAnswer, now))
    throw invalid([{ path: 'challengeAnswer', message: '验证答案不正确或已过期，请重新作答' }], ctx.lang);
  const today = chinaToday(now);
  const kind = body.kind ?? 'policy';
  try {
    return await deps.db.transaction(anonymousScope, async (tx) => {
      const due = await dueDatesOf(tx, regionCode, kind, false, today);
      const [row] = rowsOf<{ reference: string }>(
        await tx.execute(sql`SELECT gaodi_station_submit(${regionCode}, ${kind}, ${`驿站诉求：${SERVICE_KIND_LABELS[kind].zh}`},
          ${body.description}, ${body.name}, ${deps.box.encrypt(body.phone, PHONE_AAD)}, ${maskPhone(body.phone)},
          ${deps.box.lookupHash(body.phone, 'phone')}, ${body.idempotencyKey}, ${now.toISOString()},
          ${due.acceptDueOn}::date, ${due.resolveDueOn}::date, ${STATION_PER_PHONE_PER_DAY}) AS reference`),
      );
      return { reference: row?.reference ?? '' };
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'P0002') throw notFound(ctx.lang);
    if (code === 'P0003')
      throw invalid([{ path: 'idempotencyKey', message: '请刷新页面后重新提交' }], ctx.lang);
    if (code === 'P0004')
      throw new AppError(429, 'STATION_LIMIT', '该手机号今日提交的诉求已达上限，请明天再试或致电驿站');
    throw error;
  }
}
