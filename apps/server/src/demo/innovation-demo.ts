import type { PlatformKind, PlatformTier } from '@gaodi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { industries } from '../modules/directory/index.ts';
import { platformEvidence, platformPartners, platforms } from '../modules/innovation/index.ts';
import type { Clock } from '../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../platform/db/database.ts';
import { demoCalendar } from './demo-calendar.ts';
import { atDemoClock } from './demo-clock.ts';
import { loadIncubationDemo } from './incubation-demo.ts';
import { loadTalentDemo } from './talent-demo.ts';

const JX = '370828';

type Evidence = {
  staff: number;
  areaM2: number;
  equipmentWan: number;
  rdWan: number;
  outputs: [number, number, number, number];
};
type DemoPlatform = {
  name: string;
  kind: PlatformKind;
  level: 'national' | 'provincial' | 'municipal' | 'county';
  tier: PlatformTier;
  industry: string;
  partners: string[];
  /** Evidence of last year and this year (null: none filed). */
  evidence: [Evidence | null, Evidence | null];
  description: string;
};

const strong = (staff: number, areaM2: number, equipmentWan: number, rdWan: number): Evidence => ({
  staff,
  areaM2,
  equipmentWan,
  rdWan,
  outputs: [4, 1, 2, 12],
});

/**
 * The article's platforms: the six in physical operation (named in DESIGN.md, registered by the
 * recruitment demo) get their partners and two years of evidence that meets the default criteria;
 * the "1" comprehensive platform and two garlic platforms are registered but not (yet) operating.
 */
const PLATFORMS: DemoPlatform[] = [
  {
    name: '山大—衡兴绿色合成技术联合实验室',
    kind: 'joint_lab',
    level: 'county',
    tier: 'leading',
    industry: 'materials',
    partners: ['山东大学', '山东衡兴新材料有限公司'],
    evidence: [strong(16, 1200, 860, 420), strong(22, 1500, 1200, 560)],
    description: '校地企共建，聚焦绿色合成工艺与新材料中试',
  },
  {
    name: '新能源储电技术创新中心',
    kind: 'innovation_center',
    level: 'municipal',
    tier: 'other',
    industry: 'new-energy',
    partners: ['大连理工大学', '山东鲁特电工有限公司'],
    evidence: [strong(12, 900, 640, 310), strong(18, 1100, 900, 450)],
    description: '储能电力装备关键技术研发与成果转化',
  },
  {
    name: '北工大—恒昌绿色建造技术创新中心',
    kind: 'innovation_center',
    level: 'municipal',
    tier: 'leading',
    industry: 'materials',
    partners: ['北京工业大学', '山东恒昌新材料科技股份有限公司'],
    evidence: [strong(14, 1000, 720, 380), strong(20, 1300, 980, 500)],
    description: '绿色建材与装配式建造技术',
  },
  {
    name: '北京工业大学国家大学科技园金乡分园',
    kind: 'science_park',
    level: 'national',
    tier: 'other',
    industry: 'equipment',
    partners: ['北京工业大学', '金乡县人民政府'],
    evidence: [strong(11, 5000, 300, 150), strong(15, 6000, 420, 200)],
    description: '科技企业孵化与成果转化服务',
  },
  {
    name: '济宁智能制造产业技术研究院',
    kind: 'research_institute',
    level: 'municipal',
    tier: 'leading',
    industry: 'equipment',
    partners: ['济宁智能制造产业技术研究院', '金乡县人民政府', '金乡县智造装备有限公司'],
    evidence: [strong(25, 2400, 1600, 800), strong(32, 2600, 2100, 950)],
    description: '智能装备共性技术研发与企业服务',
  },
  {
    name: '金乡（北京大兴）飞地孵化中心',
    kind: 'enclave_incubator',
    level: 'county',
    tier: 'other',
    industry: 'equipment',
    partners: ['中国科学院', '清华大学', '北京理工大学', '北京化工大学', '北京工业大学'],
    evidence: [strong(10, 800, 120, 60), strong(13, 1000, 160, 80)],
    description: '人才就地吸收、研发两地协同、成果金乡转化',
  },
  {
    name: '金乡县科技创新综合服务平台',
    kind: 'other',
    level: 'county',
    tier: 'comprehensive',
    industry: 'equipment',
    partners: ['金乡县人民政府'],
    evidence: [null, { staff: 6, areaM2: 400, equipmentWan: 50, rdWan: 20, outputs: [0, 0, 0, 8] }],
    description: '“1+4+N”平台体系的综合服务平台，统筹政策、资源与服务',
  },
  {
    name: '金乡大蒜深加工工程技术研究中心',
    kind: 'engineering_center',
    level: 'municipal',
    tier: 'leading',
    industry: 'garlic-food',
    partners: ['金乡县蒜都食品有限公司', '山东大学'],
    evidence: [null, { staff: 12, areaM2: 800, equipmentWan: 260, rdWan: 30, outputs: [2, 0, 1, 3] }],
    description: '大蒜精深加工与功能食品研发',
  },
  {
    name: '大蒜产业技术创新联合实验室',
    kind: 'joint_lab',
    level: 'county',
    tier: 'other',
    industry: 'garlic-food',
    partners: ['金乡县蒜都食品有限公司'],
    evidence: [null, null],
    description: '大蒜品质提升与保鲜技术',
  },
];

const WAN = 1_000_000; // fen per 万元

async function partnerRows(tx: Tx, platformId: string, names: string[]) {
  const rows = [];
  for (const [i, name] of names.entries()) {
    const [match] = rowsOf<{ kind: 'institute' | 'enterprise'; id: string }>(
      await tx.execute(sql`SELECT 'institute' AS kind, id FROM institutes WHERE name = ${name}
        UNION ALL SELECT 'enterprise', id FROM enterprises WHERE name = ${name} AND region_code = ${JX} LIMIT 1`),
    );
    const kind = match?.kind ?? 'government';
    const role = i === 0 ? 'lead_builder' : kind === 'government' ? 'operator' : 'co_builder';
    rows.push({
      regionCode: JX,
      platformId,
      kind,
      role,
      enterpriseId: kind === 'enterprise' ? (match?.id ?? null) : null,
      instituteId: kind === 'institute' ? (match?.id ?? null) : null,
      name,
      sortOrder: i,
    });
  }
  return rows;
}

async function loadPlatform(tx: Tx, p: DemoPlatform, year: number, clock: Clock): Promise<void> {
  const [industry] = await tx
    .select({ id: industries.id })
    .from(industries)
    .where(and(eq(industries.regionCode, JX), eq(industries.code, p.industry)));
  const [found] = await tx
    .select({ id: platforms.id })
    .from(platforms)
    .where(and(eq(platforms.regionCode, JX), eq(platforms.name, p.name)));
  const columns = {
    kind: p.kind,
    level: p.level,
    tier: p.tier,
    description: p.description,
    industryId: industry?.id ?? null,
  };
  const id =
    found?.id ??
    (
      await tx
        .insert(platforms)
        .values({ ...columns, name: p.name, regionCode: JX, city: '金乡', createdAt: clock.now() })
        .returning({ id: platforms.id })
    )[0]?.id;
  if (!id) return;
  const [hasPartners] = await tx
    .select({ id: platformPartners.id })
    .from(platformPartners)
    .where(eq(platformPartners.platformId, id));
  if (hasPartners) return; // loaded before: leave what users changed alone
  const rows = await partnerRows(tx, id, p.partners);
  await tx.insert(platformPartners).values(rows);
  await tx
    .update(platforms)
    .set({
      ...columns,
      partners: p.partners,
      partnerEnterpriseIds: rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])),
      partnerInstituteIds: rows.flatMap((r) => (r.instituteId ? [r.instituteId] : [])),
      updatedAt: clock.now(),
    })
    .where(eq(platforms.id, id));
  for (const [i, e] of p.evidence.entries()) {
    if (!e) continue;
    await tx
      .insert(platformEvidence)
      .values({
        regionCode: JX,
        platformId: id,
        year: year - 1 + i,
        staff: e.staff,
        areaM2: e.areaM2,
        equipmentFen: e.equipmentWan * WAN,
        rdSpendingFen: e.rdWan * WAN,
        patents: e.outputs[0],
        standards: e.outputs[1],
        products: e.outputs[2],
        servedEnterprises: e.outputs[3],
        revenueFen: e.rdWan * 3 * WAN,
        note: i === 0 ? '年度运营报告' : '本年度运营情况（截至填报日）',
        recordedAt: clock.now(),
      })
      .onConflictDoNothing();
  }
}

/**
 * The article's platforms (exactly six operating in the clock's year) and talents (4 leading
 * talents cultivated, 20 high-level talents gathered this year). Idempotent.
 */
export async function loadInnovationDemo(db: Database, clock: Clock): Promise<void> {
  const cal = demoCalendar(clock);
  await db.owner.transaction(async (tx) => {
    await atDemoClock(tx, clock);
    for (const p of PLATFORMS) await loadPlatform(tx, p, cal.year, clock);
    await loadTalentDemo(tx, cal, clock);
    await loadIncubationDemo(tx, cal, clock);
  });
}
