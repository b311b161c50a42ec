import { creditCodeCheckChar } from '@gaodi/contracts';
import { eq, inArray } from 'drizzle-orm';
import { institutes } from '../modules/directory/index.ts';
import {
  carrierOccupancy,
  incubateeMoves,
  incubateeReports,
  incubatees,
  incubateeVisits,
  incubationCarriers,
} from '../modules/incubation/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Tx } from '../platform/db/database.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const JX = '370828';
const DAXING = '110115';
const ENCLAVE = '北京大兴飞地孵化中心';
const PARTNERS = ['中国科学院', '清华大学', '北京理工大学', '北京化工大学', '北京工业大学'];

const CARRIERS = [
  {
    name: '金乡县大蒜产业众创空间',
    kind: 'maker_space',
    certLevel: 'provincial',
    certYear: 2021,
    seats: 120,
    areaM2: 3000,
  },
  {
    name: '金乡县科技企业孵化器',
    kind: 'incubator',
    certLevel: 'provincial',
    certYear: 2019,
    seats: 80,
    areaM2: 12000,
  },
  {
    name: '金乡县高新技术企业加速器',
    kind: 'accelerator',
    certLevel: 'municipal',
    certYear: 2022,
    seats: 0,
    areaM2: 30000,
  },
  { name: '金乡县新材料产业园', kind: 'park', certLevel: 'none', certYear: null, seats: 0, areaM2: 200000 },
  { name: ENCLAVE, kind: 'incubator', certLevel: 'none', certYear: null, seats: 60, areaM2: 2500 },
] as const;

/** A step of the chain: written day ('ago:' prefix: a day the year's figures do not count), carrier or stage. */
type Step = { on: string; to: string; carrier?: string };
type DemoIncubatee = { name: string; code?: string; steps: Step[]; criteria?: string; exit?: string };

const MS = CARRIERS[0].name;
const INC = CARRIERS[1].name;
const ACC = CARRIERS[2].name;
const PARK = CARRIERS[3].name;

const INCUBATEES: DemoIncubatee[] = [
  { name: '蒜芯生物创业团队', steps: [{ on: 'ago:2026-06-01', to: 'maker_space', carrier: MS }] },
  { name: '智农物联创业团队', steps: [{ on: 'ago:2026-09-10', to: 'maker_space', carrier: MS }] },
  {
    name: '金乡绿能储电科技有限公司',
    code: '91370828MA3C1A2B3',
    steps: [
      { on: 'ago:2025-09-01', to: 'maker_space', carrier: MS },
      { on: '2026-04-10', to: 'incubator', carrier: INC },
    ],
  },
  {
    name: '金乡蒜谷食品科技有限公司',
    code: '91370828MA3C1A2B4',
    steps: [
      { on: 'ago:2024-05-01', to: 'maker_space', carrier: MS },
      { on: 'ago:2025-03-01', to: 'incubator', carrier: INC },
      { on: '2026-07-01', to: 'accelerator', carrier: ACC },
    ],
  },
  {
    name: '山东衡新材料科技有限公司',
    code: '91370828MA3C1A2B5',
    steps: [
      { on: 'ago:2023-04-01', to: 'incubator', carrier: INC },
      { on: 'ago:2025-01-15', to: 'accelerator', carrier: ACC },
      { on: '2026-08-20', to: 'graduated' },
      { on: '2026-09-01', to: 'park', carrier: PARK },
    ],
    criteria: '年营业收入 2300 万元，获得 B 轮融资 5000 万元，授权发明专利 6 项，员工 86 人',
  },
  {
    name: '鲁蒜电商创业团队',
    steps: [
      { on: 'ago:2025-10-01', to: 'maker_space', carrier: MS },
      { on: 'ago:2026-08-01', to: 'exited' },
    ],
    exit: '团队成员另行就业，项目终止',
  },
  {
    name: '京金智造科技有限公司',
    code: '91110115MA0C1A2B6',
    steps: [
      { on: 'ago:2025-06-01', to: 'incubator', carrier: ENCLAVE },
      { on: '2026-05-20', to: 'accelerator', carrier: ACC },
    ],
  },
  {
    name: '大兴芯材科技有限公司',
    code: '91110115MA0C1A2B7',
    steps: [
      { on: 'ago:2025-03-01', to: 'incubator', carrier: ENCLAVE },
      { on: '2026-09-15', to: 'park', carrier: PARK },
    ],
  },
  { name: '北理工蒜制品装备团队', steps: [{ on: 'ago:2026-03-01', to: 'incubator', carrier: ENCLAVE }] },
];

const dayOf = (cal: DemoCalendar, written: string) =>
  written.startsWith('ago:') ? cal.ago(written.slice(4)) : cal.day(written);

async function loadCarriers(tx: Tx, at: Date): Promise<Map<string, { id: string; enclave: boolean }>> {
  const partners = await tx
    .select({ id: institutes.id })
    .from(institutes)
    .where(inArray(institutes.name, PARTNERS));
  const rows = await tx
    .insert(incubationCarriers)
    .values(
      CARRIERS.map((c) => ({
        ...c,
        regionCode: JX,
        operator: c.name === ENCLAVE ? '金乡县科技局、大兴区科委' : '金乡县科技创新服务中心',
        locationRegionCode: c.name === ENCLAVE ? DAXING : null,
        partnerInstituteIds: c.name === ENCLAVE ? partners.map((p) => p.id) : [],
        services: ['政策申报', '投融资对接', '知识产权', '创业辅导'],
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning({ id: incubationCarriers.id, name: incubationCarriers.name });
  return new Map(rows.map((r) => [r.name, { id: r.id, enclave: r.name === ENCLAVE }]));
}

async function loadIncubatee(
  tx: Tx,
  cal: DemoCalendar,
  at: Date,
  carriers: Map<string, { id: string; enclave: boolean }>,
  d: DemoIncubatee,
) {
  const first = d.steps[0] as Step;
  const last = d.steps[d.steps.length - 1] as Step;
  const home = [...d.steps].reverse().find((s) => s.carrier)?.carrier as string;
  const landing = d.steps.findIndex(
    (s, i) =>
      i > 0 &&
      s.carrier &&
      !carriers.get(s.carrier)?.enclave &&
      carriers.get(d.steps[i - 1]?.carrier ?? '')?.enclave,
  );
  const grad = d.steps.find((s) => s.to === 'graduated');
  const [row] = await tx
    .insert(incubatees)
    .values({
      regionCode: JX,
      name: d.name,
      creditCode: d.code ? `${d.code}${creditCodeCheckChar(d.code)}` : null,
      stage: last.to,
      stageChangedAt: cal.at(dayOf(cal, last.on)),
      carrierId: carriers.get(home)?.id,
      enteredOn: dayOf(cal, first.on),
      rdRegionCode: carriers.get(first.carrier ?? '')?.enclave ? DAXING : null,
      landedOn: landing > 0 ? dayOf(cal, (d.steps[landing] as Step).on) : null,
      graduatedOn: grad ? dayOf(cal, grad.on) : null,
      criteria: d.criteria ?? '',
      exitReason: d.exit ?? '',
      exitedOn: d.exit ? dayOf(cal, last.on) : null,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: incubatees.id });
  const id = row?.id as string;
  let from: string | null = null;
  let carrier: string | undefined;
  for (const s of d.steps) {
    carrier = s.carrier ?? carrier;
    await tx.insert(incubateeMoves).values({
      regionCode: JX,
      incubateeId: id,
      on: dayOf(cal, s.on),
      fromStage: from,
      toStage: s.to,
      carrierId: carriers.get(carrier ?? '')?.id,
      text: from ? '阶段变更' : '入驻',
      at: cal.at(dayOf(cal, s.on)),
    });
    from = s.to;
  }
  return id;
}

/** The incubation chain of the article: four kinds of carrier in Jinxiang, the 大兴 enclave centre, incubatees at every stage. Idempotent. */
export async function loadIncubationDemo(tx: Tx, cal: DemoCalendar, clock: Clock): Promise<void> {
  const [already] = await tx
    .select({ id: incubationCarriers.id })
    .from(incubationCarriers)
    .where(eq(incubationCarriers.regionCode, JX))
    .limit(1);
  if (already) return;
  const at = clock.now();
  const carriers = await loadCarriers(tx, at);
  const ids: string[] = [];
  for (const d of INCUBATEES) ids.push(await loadIncubatee(tx, cal, at, carriers, d));
  for (const [name, c] of carriers)
    await tx.insert(carrierOccupancy).values({
      regionCode: JX,
      carrierId: c.id,
      on: cal.today,
      seatsUsed: name === MS ? 86 : 40,
      areaUsed: 1800,
    });
  for (const [i, id] of ids.slice(2, 5).entries()) {
    for (const quarter of [1, 2, 3])
      await tx.insert(incubateeReports).values({
        regionCode: JX,
        incubateeId: id,
        year: cal.year,
        quarter,
        revenue: 120 * (i + 1) * quarter,
        staff: 12 + i * 10,
        rdSpend: 20 * (i + 1),
        ipCount: i + quarter,
        financing: quarter === 2 ? 500 * (i + 1) : 0,
        updatedAt: at,
      });
  }
  await tx.insert(incubateeVisits).values({
    regionCode: JX,
    incubateeId: ids[3] as string,
    on: cal.ago('2026-11-10'),
    visitor: '金乡县科技局 张科长',
    notes: '了解加速器入驻后的扩产计划',
    problems: '需要协调 20 套人才公寓；希望对接冷链物流合作伙伴',
    createdAt: at,
  });
}
