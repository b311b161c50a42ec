import { type SQL, sql } from 'drizzle-orm';
import type { IndicatorDefinition, Window } from './indicators.definitions.ts';

/**
 * How far a need got, as SQL over `n` (tech_needs): each level implies the ones before it, so
 * each step of the funnel is a subset of the step before and no conversion passes 100 %.
 */
const landed = sql`EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.need_id = n.id AND p.landed_on IS NOT NULL)`;
const signed = sql`(EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.need_id = n.id AND p.signed_on IS NOT NULL) OR ${landed})`;
const paired = sql`(EXISTS (SELECT 1 FROM need_pairings x WHERE x.need_id = n.id) OR ${signed})`;
const published = sql`(n.stage IN ('published', 'matching', 'contracted') OR ${paired})`;

/** The needs collected in the year (China time) in the window's regions that reached `level`. */
const needsReaching = (level: SQL | null) => (w: Window) =>
  sql`
  SELECT n.id::text AS id, n.title, ((n.created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS on,
         n.region_code, '/needs/' || n.id AS href
  FROM tech_needs n
  WHERE n.deleted_at IS NULL AND n.region_code = ANY(${w.regions})
    AND (n.created_at AT TIME ZONE 'Asia/Shanghai')::date >= ${w.from}::date
    AND (n.created_at AT TIME ZONE 'Asia/Shanghai')::date < ${w.to}::date
    ${level ? sql`AND ${level}` : sql``}`;

const unit = { zh: '项', en: 'needs' };
const recordKind = { zh: '技术需求', en: 'Technology needs' };

/**
 * 对接漏斗 (需求 → 发布 → 对接 → 签约 → 落地), the needs of one year followed to the end: a need
 * counts in the year it was collected, at every step it reached, whenever it reached it.
 */
export const FUNNEL: readonly IndicatorDefinition[] = [
  {
    code: 'needs_collected',
    name: { zh: '征集需求', en: 'Needs collected' },
    unit,
    recordKind,
    definition: {
      zh: '本年内征集的企业技术需求（按登记日期，不含已删除的）',
      en: 'Technology needs collected in the year (by date entered; deleted ones excluded)',
    },
    records: needsReaching(null),
  },
  {
    code: 'needs_published',
    name: { zh: '审核发布', en: 'Published' },
    unit,
    recordKind,
    definition: {
      zh: '其中已审核发布的（处于已发布、对接中、已签约，或已有对接、项目的）',
      en: 'Of those, the ones published (published, matching or contracted, or with a pairing or project)',
    },
    records: needsReaching(published),
  },
  {
    code: 'needs_paired',
    name: { zh: '对接院所', en: 'Paired' },
    unit,
    recordKind,
    definition: {
      zh: '其中已与院所对接的（至少一条对接记录，或已签约立项的）',
      en: 'Of those, the ones paired with an institute (at least one pairing, or a signed project)',
    },
    records: needsReaching(paired),
  },
  {
    code: 'needs_signed',
    name: { zh: '签约立项', en: 'Signed' },
    unit,
    recordKind,
    definition: {
      zh: '其中已签约立项的（由该需求产生的合作项目已签约，含签约后终止的）',
      en: 'Of those, the ones signed (a cooperation project from the need was signed, including those stopped after)',
    },
    records: needsReaching(signed),
  },
  {
    code: 'needs_landed',
    name: { zh: '转化落地', en: 'Landed' },
    unit,
    recordKind,
    definition: {
      zh: '其中已转化落地的（由该需求产生的合作项目已落地）',
      en: 'Of those, the ones landed (a cooperation project from the need has landed)',
    },
    records: needsReaching(landed),
  },
];
