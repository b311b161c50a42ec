import type { Carrier, Incubatee, IncubateeDetail } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';

/** Shared readers of carriers and incubatees: the summary queries, the incubatee page, the edit lock. */

const CARRIER_COLUMNS = sql`c.id, c.region_code AS "regionCode", c.name, c.kind, c.cert_level AS "certLevel",
  c.cert_year AS "certYear", c.operator, c.address, c.area_m2 AS "areaM2", c.seats, c.rooms,
  c.industry_ids AS "industryIds", c.location_region_code AS "locationRegionCode",
  (SELECT r.name FROM regions r WHERE r.code = c.location_region_code) AS "locationName",
  c.partner_institute_ids AS "partnerInstituteIds", c.mentor_talent_ids AS "mentorTalentIds", c.services,
  coalesce((SELECT array_agg(i.name ORDER BY i.name) FROM institutes i WHERE i.id = ANY (c.partner_institute_ids)), '{}') AS "partnerNames",
  coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM talents t WHERE t.id = ANY (c.mentor_talent_ids)), '{}') AS "mentorNames",
  (SELECT count(*)::int FROM incubatees n WHERE n.carrier_id = c.id AND n.stage IN ('maker_space', 'incubator', 'accelerator', 'park')) AS "incubateeCount",
  o.seats_used AS "seatsUsed", o.area_used AS "areaUsed"`;

export async function selectCarriers(
  tx: Tx,
  where: SQL,
  page: { limit: number; offset: number },
): Promise<Carrier[]> {
  return rowsOf<Carrier>(
    await tx.execute(sql`SELECT ${CARRIER_COLUMNS} FROM incubation_carriers c
      LEFT JOIN LATERAL (SELECT seats_used, area_used FROM carrier_occupancy WHERE carrier_id = c.id ORDER BY "on" DESC LIMIT 1) o ON true
      WHERE ${where} ORDER BY c.kind, c.name LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
}

const INCUBATEE_COLUMNS = sql`n.id, n.region_code AS "regionCode", n.name, n.credit_code AS "creditCode", n.stage,
  n.sub_stage AS "subStage", n.carrier_id AS "carrierId", c.name AS "carrierName", n.entered_on::text AS "enteredOn", n.space, n.contact,
  n.rd_region_code AS "rdRegionCode", n.landed_on::text AS "landedOn", n.graduated_on::text AS "graduatedOn",
  n.criteria, n.exit_reason AS "exitReason", n.enterprise_id AS "enterpriseId"`;

export async function selectIncubatees(
  tx: Tx,
  where: SQL,
  page: { limit: number; offset: number },
): Promise<Incubatee[]> {
  return rowsOf<Incubatee>(
    await tx.execute(sql`SELECT ${INCUBATEE_COLUMNS} FROM incubatees n
      LEFT JOIN incubation_carriers c ON c.id = n.carrier_id
      WHERE ${where} ORDER BY n.entered_on DESC, n.name LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
}

/** The incubatee with its whole path across carriers and cities, visits and reports. */
export async function readIncubatee(tx: Tx, ctx: UserContext, id: string): Promise<IncubateeDetail> {
  const [row] = await selectIncubatees(tx, sql`n.id = ${id}`, { limit: 1, offset: 0 });
  if (!row) throw notFound(ctx.lang);
  const chain = rowsOf<IncubateeDetail['chain'][number]>(
    await tx.execute(sql`SELECT m.on::text AS "on", m.from_stage AS "fromStage", m.to_stage AS "toStage",
      m.carrier_id AS "carrierId", c.name AS "carrierName", coalesce(c.location_region_code, c.region_code) AS "cityRegionCode",
      (SELECT r.name FROM regions r WHERE r.code = coalesce(c.location_region_code, c.region_code)) AS "cityName", m.text
      FROM incubatee_moves m LEFT JOIN incubation_carriers c ON c.id = m.carrier_id
      WHERE m.incubatee_id = ${id} ORDER BY m.at, m.on`),
  );
  const visits = rowsOf<IncubateeDetail['visits'][number]>(
    // A service request raised from a visit carries the visit's id as its one-time key.
    await tx.execute(sql`SELECT v.id, v."on"::text AS "on", v.visitor, v.notes, v.problems,
        r.id AS "serviceRequestId", r.number AS "serviceRequestNumber"
      FROM incubatee_visits v LEFT JOIN service_requests r ON r.region_code = v.region_code AND r.idempotency_key = v.id
      WHERE v.incubatee_id = ${id} ORDER BY v."on" DESC, v.created_at DESC`),
  );
  const reports = rowsOf<IncubateeDetail['reports'][number]>(
    await tx.execute(sql`SELECT year, quarter, revenue, staff, rd_spend AS "rdSpend", ip_count AS "ipCount", financing
      FROM incubatee_reports WHERE incubatee_id = ${id} ORDER BY year DESC, quarter DESC`),
  );
  return { ...row, chain, visits, reports };
}

export type LockedIncubatee = {
  id: string;
  regionCode: string;
  stage: IncubateeStageCode;
  subStage: string | null;
  carrierId: string | null;
  enteredOn: string;
  graduatedOn: string | null;
  rdRegionCode: string | null;
};
type IncubateeStageCode = Incubatee['stage'];

/** Locks the incubatee for a write (only rows the user may write: its own region). */
export async function lockIncubatee(tx: Tx, ctx: UserContext, id: string): Promise<LockedIncubatee> {
  const [row] = rowsOf<LockedIncubatee>(
    await tx.execute(sql`SELECT id, region_code AS "regionCode", stage, sub_stage AS "subStage",
      carrier_id AS "carrierId", entered_on::text AS "enteredOn", graduated_on::text AS "graduatedOn",
      rd_region_code AS "rdRegionCode"
      FROM incubatees WHERE id = ${id} FOR UPDATE`),
  );
  // The enclave office reads the incubatee but never writes it.
  if (!row || !ctx.user.visibleRegions.includes(row.regionCode)) throw notFound(ctx.lang);
  return row;
}

/**
 * The incubatee a report is written on, without a row lock (its own enterprise user may report but
 * not update the incubatee); only in the user's own regions, so the enclave office never writes.
 */
export async function reportableIncubatee(tx: Tx, ctx: UserContext, id: string) {
  const [row] = rowsOf<{ id: string; regionCode: string }>(
    await tx.execute(sql`SELECT id, region_code AS "regionCode" FROM incubatees WHERE id = ${id}`),
  );
  if (!row || !ctx.user.visibleRegions.includes(row.regionCode)) throw notFound(ctx.lang);
  return row;
}

/** A carrier the user may place incubatees in (its own region's). */
export async function carrierOf(tx: Tx, id: string) {
  const [row] = rowsOf<{ id: string; kind: string; regionCode: string; locationRegionCode: string | null }>(
    await tx.execute(sql`SELECT id, kind, region_code AS "regionCode", location_region_code AS "locationRegionCode"
      FROM incubation_carriers WHERE id = ${id}`),
  );
  return row ?? null;
}
