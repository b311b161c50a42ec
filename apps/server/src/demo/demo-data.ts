import { creditCodeCheckChar, type Role } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { COMMON_ALIASES, enterprises, experts, industries, institutes } from '../modules/directory/index.ts';
import { users } from '../platform/auth/auth.table.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import type { DataBox } from '../platform/crypto/index.ts';
import type { Database } from '../platform/db/database.ts';
import { regions } from '../platform/tenancy/region.table.ts';
import { searchTextOf } from '../platform/text/search-text.ts';
import { loadConciergeDemo } from './concierge-demo.ts';
import { enrolDemoMfa } from './demo-mfa.ts';
import { loadInnovationDemo } from './innovation-demo.ts';
import { loadMatchmakingDemo } from './matchmaking-demo.ts';
import { loadRecruitmentDemo } from './recruitment-demo.ts';
import { loadRoundtableDemo } from './roundtable-demo.ts';

/** Every demo account's password, printed at start-up. */
export const DEMO_PASSWORD = 'Gaodi@2026';

export const JINXIANG = '370828';
export const WENSHANG = '370830';

export const DEMO_REGIONS = [
  { code: '370000', name: '山东省', nameEn: 'Shandong', parentCode: null, level: 'province' },
  { code: '370800', name: '济宁市', nameEn: 'Jining', parentCode: '370000', level: 'city' },
  { code: '370828', name: '金乡县', nameEn: 'Jinxiang', parentCode: '370800', level: 'county' },
  { code: '370830', name: '汶上县', nameEn: 'Wenshang', parentCode: '370800', level: 'county' },
  { code: '370100', name: '济南市', nameEn: 'Jinan', parentCode: '370000', level: 'city' },
  { code: '370112', name: '历城区', nameEn: 'Licheng', parentCode: '370100', level: 'county' },
  // The Beijing enclave (飞地) where projects do their R&D.
  { code: '110000', name: '北京市', nameEn: 'Beijing', parentCode: null, level: 'province' },
  { code: '110115', name: '大兴区', nameEn: 'Daxing', parentCode: '110000', level: 'county' },
] as const;

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  org?: string;
}[] = [
  { username: 'jx_staff', displayName: '张敏', role: 'staff', regionCode: JINXIANG },
  { username: 'jx_lead', displayName: '李强', role: 'taskforce_lead', regionCode: JINXIANG },
  { username: 'jx_helper', displayName: '王芳', role: 'helper', regionCode: JINXIANG },
  { username: 'jx_sunhao', displayName: '孙浩', role: 'helper', regionCode: JINXIANG },
  { username: 'jx_leader', displayName: '刘建国', role: 'leader', regionCode: JINXIANG },
  { username: 'jn_leader', displayName: '陈志远', role: 'leader', regionCode: '370800' },
  {
    username: 'hengxing',
    displayName: '赵衡',
    role: 'enterprise',
    regionCode: JINXIANG,
    org: '山东衡兴新材料有限公司',
  },
  {
    username: 'sdu_liaison',
    displayName: '孙教授',
    role: 'institute',
    regionCode: JINXIANG,
    org: '山东大学',
  },
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin', regionCode: JINXIANG },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin', regionCode: JINXIANG },
  { username: 'auditor', displayName: '审计管理员', role: 'auditadmin', regionCode: JINXIANG },
  { username: 'ws_staff', displayName: '周晓', role: 'staff', regionCode: WENSHANG },
  { username: 'dx_staff', displayName: '大兴飞地中心 赵琳', role: 'staff', regionCode: '110115' },
];

const LEADING_INDUSTRIES = [
  { code: 'equipment', name: '高端装备', nameEn: 'High-end equipment', isLeading: true, sortOrder: 1 },
  { code: 'chemicals', name: '高端化工', nameEn: 'High-end chemicals', isLeading: true, sortOrder: 2 },
  { code: 'materials', name: '新材料', nameEn: 'New materials', isLeading: true, sortOrder: 3 },
  {
    code: 'garlic-food',
    name: '大蒜及食品加工',
    nameEn: 'Garlic and food processing',
    isLeading: true,
    sortOrder: 4,
  },
  { code: 'biomedicine', name: '生物医药', nameEn: 'Biomedicine', isLeading: false, sortOrder: 5 },
  { code: 'new-energy', name: '新能源', nameEn: 'New energy', isLeading: false, sortOrder: 6 },
];

/** A valid 统一社会信用代码 for a region and a serial: 91 (enterprise) + region + 9-character body + check. */
export function demoCreditCode(regionCode: string, serial: number): string {
  const first17 = `91${regionCode}${String(serial).padStart(8, '0')}X`;
  return first17 + creditCodeCheckChar(first17);
}

const JX_ENTERPRISES = [
  {
    name: '山东衡兴新材料有限公司',
    industry: 'materials',
    scale: 'medium',
    contact: '赵衡',
    phone: '13853712345',
    address: '金乡县经济开发区',
  },
  {
    name: '山东鲁特电工有限公司',
    industry: 'new-energy',
    scale: 'medium',
    contact: '钱立',
    phone: '13953723456',
    address: '金乡县化雨镇',
  },
  {
    name: '山东恒昌新材料科技股份有限公司',
    industry: 'materials',
    scale: 'large',
    contact: '孙昌',
    phone: '13053734567',
    address: '金乡县鸡黍镇',
  },
  {
    name: '金乡县蒜都食品有限公司',
    industry: 'garlic-food',
    scale: 'small',
    contact: '李蒜',
    phone: '13553745678',
    address: '金乡县金乡街道',
  },
  {
    name: '山东金乡金源化工有限公司',
    industry: 'chemicals',
    scale: 'medium',
    contact: '周源',
    phone: '13653756789',
    address: '金乡县化工园区',
  },
  {
    name: '金乡县智造装备有限公司',
    industry: 'equipment',
    scale: 'small',
    contact: '吴造',
    phone: '13753767890',
    address: '金乡县高新区',
  },
] as const;

const WS_ENTERPRISES = [
  {
    name: '汶上县宏达机械有限公司',
    industry: 'equipment',
    scale: 'small',
    contact: '郑宏',
    phone: '13853798765',
    address: '汶上县经济开发区',
  },
] as const;

/** The platforms' partners named in DESIGN.md "Demo data". */
const JX_INSTITUTES = [
  { name: '山东大学', kind: 'university', level: 'national', city: '济南' },
  { name: '大连理工大学', kind: 'university', level: 'national', city: '大连' },
  { name: '北京工业大学', kind: 'university', level: 'national', city: '北京' },
  { name: '中国科学院', kind: 'cas', level: 'national', city: '北京' },
  { name: '清华大学', kind: 'university', level: 'national', city: '北京' },
  { name: '北京理工大学', kind: 'university', level: 'national', city: '北京' },
  { name: '北京化工大学', kind: 'university', level: 'national', city: '北京' },
  { name: '济宁智能制造产业技术研究院', kind: 'research', level: 'municipal', city: '济宁' },
] as const;

const JX_EXPERTS = [
  { institute: '山东大学', name: '孙建华', title: '教授', field: '绿色合成技术' },
  { institute: '大连理工大学', name: '高新宇', title: '教授', field: '新能源储电技术' },
  { institute: '北京工业大学', name: '马晓东', title: '研究员', field: '绿色建造技术' },
] as const;

/**
 * The region tree (GB/T 2260 reference data, no accounts): a start without demo data loads it
 * too, so its initial administrator has regions to work in.
 */
export async function loadRegions(tx: Pick<Database['owner'], 'insert'>): Promise<void> {
  await tx
    .insert(regions)
    .values([...DEMO_REGIONS])
    .onConflictDoNothing();
}

type OwnerTx = Parameters<Parameters<Database['owner']['transaction']>[0]>[0];

/** Industries, the article's enterprises and institutes, and their experts. */
async function loadDirectory(tx: OwnerTx) {
  for (const regionCode of [JINXIANG, WENSHANG]) {
    await tx
      .insert(industries)
      .values(LEADING_INDUSTRIES.map((i) => ({ ...i, regionCode })))
      .onConflictDoNothing();
  }
  const industryId = async (regionCode: string, code: string) =>
    (
      await tx
        .select({ id: industries.id })
        .from(industries)
        .where(and(eq(industries.regionCode, regionCode), eq(industries.code, code)))
    )[0]?.id ?? null;
  const addEnterprises = async (
    regionCode: string,
    list: readonly (typeof JX_ENTERPRISES)[number][] | readonly (typeof WS_ENTERPRISES)[number][],
  ) => {
    let serial = 1;
    for (const e of list) {
      await tx
        .insert(enterprises)
        .values({
          regionCode,
          creditCode: demoCreditCode(regionCode, serial++),
          name: e.name,
          searchText: searchTextOf(e.name),
          industryId: await industryId(regionCode, e.industry),
          scale: e.scale,
          address: e.address,
          contactName: e.contact,
          contactPhone: e.phone,
        })
        .onConflictDoNothing();
    }
  };
  await addEnterprises(JINXIANG, JX_ENTERPRISES);
  await addEnterprises(WENSHANG, WS_ENTERPRISES);
  for (const i of JX_INSTITUTES) {
    await tx
      .insert(institutes)
      .values({
        ...i,
        regionCode: JINXIANG,
        aliases: COMMON_ALIASES[i.name] ?? [],
        searchText: searchTextOf(i.name, ...(COMMON_ALIASES[i.name] ?? [])),
      })
      .onConflictDoNothing();
  }
  for (const x of JX_EXPERTS) {
    const [inst] = await tx
      .select({ id: institutes.id })
      .from(institutes)
      .where(and(eq(institutes.regionCode, JINXIANG), eq(institutes.name, x.institute)));
    if (!inst) continue;
    const [already] = await tx
      .select({ id: experts.id })
      .from(experts)
      .where(and(eq(experts.instituteId, inst.id), eq(experts.name, x.name)));
    if (already) continue;
    await tx.insert(experts).values({
      regionCode: JINXIANG,
      instituteId: inst.id,
      name: x.name,
      searchText: searchTextOf(x.name),
      title: x.title,
      field: x.field,
    });
  }
}

/** One account per role (enterprise and institute users linked to their organisation). */
async function loadDemoUsers(tx: OwnerTx) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const [org] =
      u.role === 'enterprise'
        ? await tx
            .select({ id: enterprises.id })
            .from(enterprises)
            .where(eq(enterprises.name, u.org ?? ''))
        : u.role === 'institute'
          ? await tx
              .select({ id: institutes.id })
              .from(institutes)
              .where(eq(institutes.name, u.org ?? ''))
          : [];
    await tx
      .insert(users)
      .values({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        regionCode: u.regionCode,
        phone: null,
        passwordHash,
        enterpriseId: u.role === 'enterprise' ? (org?.id ?? null) : null,
        instituteId: u.role === 'institute' ? (org?.id ?? null) : null,
      })
      .onConflictDoNothing();
  }
}

/**
 * Loads the demo data: regions, industries, the article's enterprises and institutes, one user
 * per role. Idempotent: runs on every start and adds only what is missing. Runs on the owner
 * connection (it writes for several regions at once). The year's records are placed in the year
 * of `clock` (see demo-calendar.ts).
 */
/**
 * Loads the demo. With the app's data box, the demo's administrators and leaders get two-step
 * sign-in set up with the published DEMO_TOTP_SECRET; without it they set it up at first sign-in.
 */
export async function loadDemoData(
  db: Database,
  clock: Clock = systemClock,
  box?: DataBox,
): Promise<{ created: boolean }> {
  const owner = db.owner;
  const existing = await owner.select({ code: regions.code }).from(regions).where(eq(regions.code, JINXIANG));
  const created = existing.length === 0;
  await owner.transaction(async (tx) => {
    await loadRegions(tx);
    await loadDirectory(tx);
    await loadDemoUsers(tx);
  });
  await loadRecruitmentDemo(db, clock);
  await loadMatchmakingDemo(db, clock);
  await loadInnovationDemo(db, clock);
  await loadConciergeDemo(db, clock);
  await loadRoundtableDemo(db, clock);
  if (box) await enrolDemoMfa(db, box, clock.now(), DEMO_USERS);
  return { created };
}
