import type { IndicatorCode } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { isOperatingSql } from '../innovation/index.ts';
import { highLevelGatheredInSql, leadingCultivatedInSql } from '../talent/index.ts';

type Bilingual = { zh: string; en: string };

/** The year's window and the regions a figure covers, as SQL fragments. */
export type Window = { year: number; from: string; to: string; regions: SQL };

/**
 * One indicator, declared once. `records` is the one query: it selects the rows counted, as
 * (id, title, on, region_code, href); the figure is its count, the drill-down lists it, the
 * breakdown groups it by region. `on` is null where a record counts for the year as a whole (a
 * programme selection, a platform's yearly evidence): such records are in the figure and the
 * drill-down but in no month of the trend. Tables are other modules': read here, never written.
 */
export type IndicatorDefinition = {
  code: IndicatorCode;
  name: Bilingual;
  unit: Bilingual;
  definition: Bilingual;
  recordKind: Bilingual;
  records: (w: Window) => SQL;
  /**
   * Its count in a region depends only on that region's rows of one counted table (the triggers
   * of migration 0057 note their changes) and is the same for every bureau reader who sees the
   * region: the figure may then add up the stored per-region counts (operations/count-by-region.ts).
   */
  perRegion?: true;
};

const inYear = (column: SQL, w: Window) => sql`${column} >= ${w.from}::date AND ${column} < ${w.to}::date`;

const rankOf = (column: string) => sql.raw(RANK_SQL.replaceAll('$STAGE', column));
/** A carrier stage's place on the chain (other stages: null, never a move up). */
const RANK_SQL =
  "CASE $STAGE WHEN 'maker_space' THEN 1 WHEN 'incubator' THEN 2 WHEN 'accelerator' THEN 3 WHEN 'park' THEN 4 END";
const incubateeRow = sql`n.id::text AS id, n.name AS title`;

/** Incubation (孵化): incubatees counted where they are counted (region_code: where they land), once. */
const INCUBATION_DEFINITIONS: IndicatorDefinition[] = [
  {
    code: 'incubatees_active',
    name: { zh: '在孵主体', en: 'Incubatees in incubation' },
    unit: { zh: '家', en: 'incubatees' },
    definition: {
      zh: '本年底前入驻、目前仍在众创空间、孵化器、加速器或产业园孵化的主体（团队或企业）',
      en: 'Teams or enterprises that entered by the year end and are still in a maker space, incubator, accelerator or park',
    },
    recordKind: { zh: '在孵主体', en: 'Incubatees' },
    perRegion: true,
    records: (w) => sql`
      SELECT ${incubateeRow}, NULL::text AS on, n.region_code, '/incubatees/' || n.id AS href
      FROM incubatees n
      WHERE n.stage IN ('maker_space', 'incubator', 'accelerator', 'park') AND n.entered_on < ${w.to}::date
        AND n.region_code = ANY(${w.regions})`,
  },
  {
    code: 'incubatees_graduated',
    name: { zh: '本年毕业企业', en: 'Incubatees graduated' },
    unit: { zh: '家', en: 'incubatees' },
    definition: {
      zh: '本年内达到毕业条件并毕业的在孵主体',
      en: 'Incubatees that met the criteria and graduated in the year',
    },
    recordKind: { zh: '在孵主体', en: 'Incubatees' },
    perRegion: true,
    records: (w) => sql`
      SELECT ${incubateeRow}, n.graduated_on::text AS on, n.region_code, '/incubatees/' || n.id AS href
      FROM incubatees n
      WHERE ${inYear(sql`n.graduated_on`, w)} AND n.region_code = ANY(${w.regions})`,
  },
  {
    code: 'incubatees_moved_up',
    name: { zh: '本年升级主体', en: 'Incubatees moved up the chain' },
    unit: { zh: '家', en: 'incubatees' },
    definition: {
      zh: '本年内沿孵化链升级（众创空间→孵化器→加速器→产业园）的在孵主体，按首次升级日期计一次',
      en: 'Incubatees that moved up the chain (maker space → incubator → accelerator → park) in the year, once, on the first move',
    },
    recordKind: { zh: '在孵主体', en: 'Incubatees' },
    records: (w) => sql`
      SELECT ${incubateeRow}, min(m.on)::text AS on, n.region_code, '/incubatees/' || n.id AS href
      FROM incubatees n JOIN incubatee_moves m ON m.incubatee_id = n.id
      WHERE ${inYear(sql`m.on`, w)} AND ${rankOf('m.to_stage')} > ${rankOf('m.from_stage')}
        AND n.region_code = ANY(${w.regions})
      GROUP BY n.id, n.name, n.region_code`,
  },
  {
    code: 'incubatees_landed',
    name: { zh: '飞地孵化落地', en: 'Landed from the enclave' },
    unit: { zh: '家', en: 'incubatees' },
    definition: {
      zh: '本年内从飞地孵化中心（如北京大兴）转入本地载体落地转化的主体，只在落地地计一次',
      en: 'Incubatees that moved in the year from an enclave centre (e.g. Beijing Daxing) to a local carrier, counted once where they land',
    },
    recordKind: { zh: '在孵主体', en: 'Incubatees' },
    perRegion: true,
    records: (w) => sql`
      SELECT ${incubateeRow}, n.landed_on::text AS on, n.region_code, '/incubatees/' || n.id AS href
      FROM incubatees n
      WHERE ${inYear(sql`n.landed_on`, w)} AND n.region_code = ANY(${w.regions})`,
  },
];

/** The article's figures (筑起产业发展创新高地), each as one query over records. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'events',
    name: { zh: '产学研对接活动', en: 'Matchmaking events' },
    unit: { zh: '场', en: 'events' },
    definition: {
      zh: '本年内举办的产学研对接活动（按举办日期，不含已删除的）',
      en: 'Matchmaking events held in the year (by date held; deleted ones excluded)',
    },
    recordKind: { zh: '对接活动', en: 'Events' },
    perRegion: true,
    records: (w) => sql`
      SELECT e.id::text AS id, e.title, e.held_on::text AS on, e.region_code, '/events/' || e.id AS href
      FROM matchmaking_events e
      WHERE e.deleted_at IS NULL AND ${inYear(sql`e.held_on`, w)} AND e.region_code = ANY(${w.regions})`,
  },
  {
    code: 'signed_projects',
    name: { zh: '签约技术合作项目', en: 'Cooperation projects signed' },
    unit: { zh: '个', en: 'projects' },
    definition: {
      zh: '签约：本年内签约的合作项目（按签约日期，含签约后终止的），每个项目只在转化地计一次',
      en: 'Cooperation projects signed in the year (by signing date, including those stopped after signing), each counted once, where it is commercialised',
    },
    recordKind: { zh: '合作项目', en: 'Projects' },
    perRegion: true,
    records: (w) => sql`
      SELECT p.id::text AS id, p.title, p.signed_on::text AS on, p.region_code, '/projects/' || p.id AS href
      FROM cooperation_projects p
      WHERE ${inYear(sql`p.signed_on`, w)} AND p.region_code = ANY(${w.regions})`,
  },
  {
    code: 'institutes_recruited',
    name: { zh: '招引大院大所', en: 'Institutes recruited' },
    unit: { zh: '家', en: 'institutes' },
    definition: {
      zh: '本年内签约、目前处于签约及以后阶段（签约、落地、运营）的招引院所',
      en: 'Institutes whose recruitment was signed in the year and is now signed, landed or operating',
    },
    recordKind: { zh: '招引记录', en: 'Recruitment records' },
    records: (w) => sql`
      SELECT r.id::text AS id, i.name AS title, r.signed_on::text AS on, r.region_code,
             '/recruitment/' || r.id AS href
      FROM recruitment_records r JOIN institutes i ON i.id = r.institute_id
      WHERE r.stage IN ('signed', 'landed', 'operating') AND ${inYear(sql`r.signed_on`, w)}
        AND r.region_code = ANY(${w.regions})`,
  },
  {
    code: 'platforms_operating',
    name: { zh: '实体化运营平台', en: 'Platforms in physical operation' },
    unit: { zh: '个', en: 'platforms' },
    definition: {
      zh: '实体化运营：本年（无本年材料时为上一年）最新运营材料达到本区域认定标准（专职人员、场地、设备、研发投入、产出）的创新平台',
      en: 'Platforms whose newest evidence of the year (or the year before) meets the region’s criteria for physical operation (staff, space, equipment, R&D spending, outputs)',
    },
    recordKind: { zh: '创新平台', en: 'Platforms' },
    perRegion: true,
    records: (w) => sql`
      SELECT p.id::text AS id, p.name AS title, NULL::text AS on, p.region_code, '/platforms/' || p.id AS href
      FROM platforms p
      WHERE ${isOperatingSql(w.year)} AND p.region_code = ANY(${w.regions})`,
  },
  {
    code: 'projects_landed',
    name: { zh: '产业化项目落地', en: 'Industrialisation projects landed' },
    unit: { zh: '个', en: 'projects' },
    definition: {
      zh: '本年内转化落地的合作项目（按落地日期），每个项目只在转化地计一次',
      en: 'Cooperation projects that landed in the year (by landing date), counted once, where commercialised',
    },
    recordKind: { zh: '合作项目', en: 'Projects' },
    perRegion: true,
    records: (w) => sql`
      SELECT p.id::text AS id, p.title, p.landed_on::text AS on, p.region_code, '/projects/' || p.id AS href
      FROM cooperation_projects p
      WHERE p.stage = 'landed' AND ${inYear(sql`p.landed_on`, w)} AND p.region_code = ANY(${w.regions})`,
  },
  {
    code: 'leading_talents',
    name: { zh: '培育领军人才', en: 'Leading talents cultivated' },
    unit: { zh: '名', en: 'talents' },
    definition: {
      zh: '本年内入选领军人才项目（人才项目目录中标为领军的，如泰山产业领军人才）的本地培养人才',
      en: 'Locally cultivated talents selected in the year into a leading programme of the catalogue (e.g. Taishan industry leading talents)',
    },
    recordKind: { zh: '人才', en: 'Talents' },
    perRegion: true,
    records: (w) => sql`
      SELECT t.id::text AS id, t.name AS title,
             NULL::text AS on,
             t.region_code, '/talents/' || t.id AS href
      FROM talents t
      WHERE ${leadingCultivatedInSql(w.year)} AND t.region_code = ANY(${w.regions})`,
  },
  {
    code: 'talents_gathered',
    name: { zh: '集聚高层次人才', en: 'High-level talents gathered' },
    unit: { zh: '名', en: 'talents' },
    definition: {
      zh: '本年内引进的高层次人才（博士、副高级以上职称或入选人才项目）',
      en: 'High-level talents who arrived in the year (a doctorate, a senior or associate-senior title, or a programme)',
    },
    recordKind: { zh: '人才', en: 'Talents' },
    perRegion: true,
    records: (w) => sql`
      SELECT t.id::text AS id, t.name AS title, t.arrived_on::text AS on, t.region_code, '/talents/' || t.id AS href
      FROM talents t
      WHERE ${highLevelGatheredInSql(w.year)} AND t.region_code = ANY(${w.regions})`,
  },
  ...INCUBATION_DEFINITIONS,
];
