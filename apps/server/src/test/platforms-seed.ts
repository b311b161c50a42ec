import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../platform/db/database.ts';

/**
 * Seeds one county (金乡) with `platforms` platforms (two partners each, `years` years of evidence,
 * one in three meeting the default criteria in the latest year) and `talents` talents (one in
 * twenty with a programme). Set-based INSERT … SELECT, for `npm run bench:platforms` and its
 * short version in the tests.
 */
export async function seedPlatformsAndTalents(
  db: Database,
  { platforms, years, talents, year }: { platforms: number; years: number; talents: number; year: number },
) {
  const o = db.owner;
  await o.execute(sql`
    WITH inds AS (SELECT array_agg(id ORDER BY code) AS ids FROM industries WHERE region_code = '370828')
    INSERT INTO platforms (region_code, name, kind, level, tier, industry_id, partners, city, created_at,
      partner_enterprise_ids, partner_institute_ids)
    SELECT '370828', '基准平台' || lpad(g::text, 5, '0'),
      (ARRAY['joint_lab','innovation_center','research_institute','engineering_center','key_lab'])[1 + g % 5],
      (ARRAY['national','provincial','municipal','county'])[1 + g % 4],
      CASE WHEN g % 50 = 0 THEN 'leading' ELSE 'other' END,
      inds.ids[1 + g % array_length(inds.ids, 1)], ARRAY['基准大学', '基准企业'], '金乡', now(),
      ARRAY(SELECT id FROM enterprises WHERE region_code = '370828' ORDER BY id LIMIT 1),
      ARRAY(SELECT id FROM institutes WHERE region_code = '370828' ORDER BY id LIMIT 1)
    FROM generate_series(1, ${platforms}) g, inds`);
  await o.execute(sql`
    INSERT INTO platform_partners (region_code, platform_id, kind, role, name, sort_order)
    SELECT '370828', p.id, 'government', (ARRAY['lead_builder','co_builder'])[k], '基准单位' || k, k
    FROM platforms p, generate_series(1, 2) k WHERE p.name LIKE '基准平台%'`);
  await o.execute(sql`
    INSERT INTO platform_evidence (region_code, platform_id, year, staff, area_m2, equipment_fen, rd_spending_fen,
      patents, standards, products, served_enterprises, revenue_fen, recorded_at)
    SELECT '370828', p.id, ${year} - y, CASE WHEN p.rn % 3 = 0 THEN 20 ELSE 5 END, 800, 200000000, 80000000,
      2, 0, 1, 5, 10000000, now()
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM platforms WHERE name LIKE '基准平台%') p,
         generate_series(0, ${years - 1}) y`);
  await o.execute(sql`
    WITH inds AS (SELECT array_agg(id ORDER BY code) AS ids FROM industries WHERE region_code = '370828'),
    plats AS (SELECT array_agg(id) AS ids FROM platforms WHERE name LIKE '基准平台%')
    INSERT INTO talents (region_code, name, gender, degree, title_rank, employer_kind, employer_name, field, industry_id,
      mode, arrived_on, platform_ids, created_at, updated_at)
    SELECT '370828', '基准人才' || g, (ARRAY['male','female'])[1 + g % 2],
      (ARRAY['phd','master','bachelor'])[1 + g % 3], (ARRAY['senior','associate','intermediate','none'])[1 + g % 4],
      'other', '基准单位', '基准领域', inds.ids[1 + g % array_length(inds.ids, 1)],
      CASE WHEN g % 2 = 0 THEN 'arrival' ELSE 'cultivation' END,
      CASE WHEN g % 2 = 0 THEN make_date(${year} - g % 3, 1 + g % 12, 1 + g % 28) END,
      ARRAY[plats.ids[1 + g % array_length(plats.ids, 1)]], now(), now()
    FROM generate_series(1, ${talents}) g, inds, plats`);
  await o.execute(sql`
    INSERT INTO talent_awards (region_code, talent_id, programme_id, year)
    SELECT '370828', t.id, (SELECT id FROM talent_programmes WHERE region_code = '370828' ORDER BY sort_order LIMIT 1 OFFSET t.rn % 3), ${year} - t.rn % 2
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM talents WHERE name LIKE '基准人才%') t WHERE t.rn % 20 = 0`);
  await o.execute(sql`ANALYZE`);
  const [counts] = rowsOf<{ platforms: number; evidence: number; talents: number }>(
    await o.execute(sql`SELECT (SELECT count(*)::int FROM platforms) AS platforms,
      (SELECT count(*)::int FROM platform_evidence) AS evidence, (SELECT count(*)::int FROM talents) AS talents`),
  );
  return counts;
}
