import { eq, sql } from 'drizzle-orm';
import { talentAwards, talentGroups, talentProgrammes, talents } from '../modules/talent/index.ts';
import type { Clock } from '../platform/clock.ts';
import { rowsOf, type Tx } from '../platform/db/database.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const JX = '370828';

const PROGRAMMES = [
  { name: '国家级人才计划', level: 'national', isLeading: false, sortOrder: 1 },
  { name: '泰山学者', level: 'provincial', isLeading: false, sortOrder: 2 },
  { name: '泰山产业领军人才', level: 'provincial', isLeading: true, sortOrder: 3 },
  { name: '济宁市高层次人才', level: 'municipal', isLeading: false, sortOrder: 4 },
  { name: '金乡县“蒜都英才”', level: 'county', isLeading: false, sortOrder: 5 },
] as const;
const GROUPS = [
  { name: '金乡县人才联盟', kind: 'alliance' },
  { name: '金乡县博士团', kind: 'phd_group' },
] as const;

type DemoTalent = {
  name: string;
  gender: 'male' | 'female';
  degree: 'phd' | 'master' | 'bachelor';
  title: string;
  titleRank: 'senior' | 'associate' | 'intermediate' | 'none';
  employer: string;
  field: string;
  industry: string;
  mode: 'arrival' | 'cultivation';
  /** Written day of arrival (demo calendar), or 'last-year'. */
  arrived?: string;
  awards?: [programme: string, year: 'this' | 'last'][];
  groups?: string[];
  platform?: string;
};

/** The four 泰山产业领军人才 cultivated this year (the article's figure). */
const LEADING: DemoTalent[] = [
  ['孙立新', '山东衡兴新材料有限公司', '绿色合成工艺', 'materials', '山大—衡兴绿色合成技术联合实验室'],
  ['周海涛', '山东鲁特电工有限公司', '储能电力装备', 'new-energy', '新能源储电技术创新中心'],
  ['钱志刚', '山东恒昌新材料科技股份有限公司', '绿色建材', 'materials', '北工大—恒昌绿色建造技术创新中心'],
  ['李春华', '金乡县蒜都食品有限公司', '大蒜精深加工', 'garlic-food', '金乡大蒜深加工工程技术研究中心'],
].map(([name, employer, field, industry, platform]) => ({
  name: name as string,
  gender: name === '李春华' ? 'female' : 'male',
  degree: 'master',
  title: '高级工程师',
  titleRank: 'associate',
  employer: employer as string,
  field: field as string,
  industry: industry as string,
  mode: 'cultivation',
  awards: [['泰山产业领军人才', 'this']],
  groups: ['金乡县人才联盟'],
  platform,
}));

const SURNAMES = '张王李赵刘陈杨黄吴徐孙马朱胡郭何林高罗郑';
const GIVEN = ['晓东', '文博', '思远', '海燕', '建新', '雅琴', '子豪', '明轩', '嘉怡', '志强'];
const FIELDS: [string, string, string][] = [
  ['智能制造', 'equipment', '济宁智能制造产业技术研究院'],
  ['高分子材料', 'materials', '山大—衡兴绿色合成技术联合实验室'],
  ['精细化工', 'chemicals', '北工大—恒昌绿色建造技术创新中心'],
  ['食品科学', 'garlic-food', '金乡大蒜深加工工程技术研究中心'],
  ['电化学储能', 'new-energy', '新能源储电技术创新中心'],
];

/** Twenty high-level talents gathered (引进) this year, spread over the year's story. */
const GATHERED: DemoTalent[] = Array.from({ length: 20 }, (_, i) => {
  const [field, industry, platform] = FIELDS[i % FIELDS.length] as [string, string, string];
  const month = String(1 + Math.floor((i * 10) / 20)).padStart(2, '0');
  return {
    name: `${SURNAMES[i]}${GIVEN[i % GIVEN.length]}`,
    gender: i % 3 === 0 ? 'female' : 'male',
    degree: i < 17 ? 'phd' : 'master',
    title: i < 17 ? '博士' : '研究员',
    titleRank: i < 17 ? 'intermediate' : 'senior',
    employer: i % 4 === 0 ? '金乡（北京大兴）飞地孵化中心' : platform,
    field,
    industry,
    mode: 'arrival',
    arrived: `2026-${month}-${String(5 + (i % 20)).padStart(2, '0')}`,
    awards: i % 5 === 0 ? [['济宁市高层次人才', 'this']] : [],
    groups: i < 17 ? ['金乡县博士团'] : [],
    platform,
  } satisfies DemoTalent;
});

/** Registered but not counted this year: arrived last year, not high-level, or a non-leading programme. */
const OTHERS: DemoTalent[] = [
  {
    name: '冯国栋',
    gender: 'male',
    degree: 'phd',
    title: '教授',
    titleRank: 'senior',
    employer: '山东大学',
    field: '有机合成',
    industry: 'materials',
    mode: 'arrival',
    arrived: 'last-year',
    platform: '山大—衡兴绿色合成技术联合实验室',
  },
  {
    name: '韩雪',
    gender: 'female',
    degree: 'master',
    title: '工程师',
    titleRank: 'intermediate',
    employer: '金乡县蒜都食品有限公司',
    field: '食品工程',
    industry: 'garlic-food',
    mode: 'arrival',
    arrived: '2026-06-10',
  },
  {
    name: '曹建国',
    gender: 'male',
    degree: 'bachelor',
    title: '高级工程师',
    titleRank: 'associate',
    employer: '山东金乡金源化工有限公司',
    field: '化工工艺',
    industry: 'chemicals',
    mode: 'cultivation',
    awards: [['金乡县“蒜都英才”', 'this']],
  },
  {
    name: '邓丽',
    gender: 'female',
    degree: 'phd',
    title: '研究员',
    titleRank: 'senior',
    employer: '金乡县智造装备有限公司',
    field: '工业机器人',
    industry: 'equipment',
    mode: 'cultivation',
    awards: [['泰山产业领军人才', 'last']],
    groups: ['金乡县人才联盟'],
  },
];

async function mapOf(tx: Tx, query: ReturnType<typeof sql>) {
  return new Map(rowsOf<{ k: string; v: string }>(await tx.execute(query)).map((r) => [r.k, r.v]));
}

/** The names the demo talents refer to: programmes, groups, platforms, employers, industries, the owner. */
async function readDemoNames(tx: Tx) {
  const names = (table: string, key = 'name') =>
    mapOf(tx, sql`SELECT ${sql.raw(key)} AS k, id AS v FROM ${sql.raw(table)} WHERE region_code = ${JX}`);
  return {
    programmes: await names('talent_programmes'),
    groups: await names('talent_groups'),
    plats: await names('platforms'),
    enterprises: await names('enterprises'),
    institutes: await names('institutes'),
    industryIds: await names('industries', 'code'),
    staff: rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM users WHERE username = 'jx_staff'`))[0]
      ?.id,
  };
}

type DemoNames = Awaited<ReturnType<typeof readDemoNames>>;

/** A demo talent as its row: the employer found among enterprises, institutes, then platforms. */
function talentRow(t: DemoTalent, names: DemoNames, cal: DemoCalendar, clock: Clock) {
  const { enterprises, institutes, plats, groups, industryIds, staff } = names;
  const enterpriseId = enterprises.get(t.employer) ?? null;
  const instituteId = enterpriseId ? null : (institutes.get(t.employer) ?? null);
  const employerPlatformId = enterpriseId || instituteId ? null : (plats.get(t.employer) ?? null);
  const arrivedOn =
    t.mode !== 'arrival'
      ? null
      : t.arrived === 'last-year'
        ? `${cal.year - 1}-09-01`
        : cal.day(t.arrived ?? '2026-01-01');
  return {
    regionCode: JX,
    name: t.name,
    gender: t.gender,
    degree: t.degree,
    title: t.title,
    titleRank: t.titleRank,
    employerKind: enterpriseId
      ? 'enterprise'
      : instituteId
        ? 'institute'
        : employerPlatformId
          ? 'platform'
          : 'other',
    enterpriseId,
    instituteId,
    employerPlatformId,
    employerName: t.employer,
    field: t.field,
    industryId: industryIds.get(t.industry) ?? null,
    mode: t.mode,
    arrivedOn,
    groupIds: (t.groups ?? []).flatMap((g) => groups.get(g) ?? []),
    platformIds: t.platform && plats.get(t.platform) ? [plats.get(t.platform) as string] : [],
    ownerId: staff ?? null,
    createdAt: clock.now(),
    updatedAt: clock.now(),
  } satisfies typeof talents.$inferInsert;
}

/** The talent catalogue and the article's talents (no phone or ID number: personal data comes through the API). */
export async function loadTalentDemo(tx: Tx, cal: DemoCalendar, clock: Clock): Promise<void> {
  await tx
    .insert(talentProgrammes)
    .values(PROGRAMMES.map((p) => ({ ...p, regionCode: JX })))
    .onConflictDoNothing();
  await tx
    .insert(talentGroups)
    .values(GROUPS.map((g) => ({ ...g, regionCode: JX })))
    .onConflictDoNothing();
  const [already] = await tx
    .select({ id: talents.id })
    .from(talents)
    .where(eq(talents.regionCode, JX))
    .limit(1);
  if (already) return;
  const names = await readDemoNames(tx);
  for (const t of [...LEADING, ...GATHERED, ...OTHERS]) {
    const [row] = await tx
      .insert(talents)
      .values(talentRow(t, names, cal, clock))
      .returning({ id: talents.id });
    if (!row) continue;
    for (const [programme, when] of t.awards ?? []) {
      const programmeId = names.programmes.get(programme);
      if (programmeId)
        await tx.insert(talentAwards).values({
          regionCode: JX,
          talentId: row.id,
          programmeId,
          year: when === 'this' ? cal.year : cal.year - 1,
        });
    }
  }
}
