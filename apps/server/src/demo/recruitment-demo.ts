import { type EntryKind, type Grade, type Platform, STAGE_LABELS, type Stage } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { industries, institutes } from '../modules/directory/index.ts';
import { platforms } from '../modules/innovation/index.ts';
import {
  recruitmentEntries,
  recruitmentMilestones,
  recruitmentPlans,
  recruitmentRecords,
  recruitmentSupervisedItems,
} from '../modules/recruitment/index.ts';
import { createSupervisionService } from '../modules/supervision/index.ts';
import { users } from '../platform/auth/auth.table.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database, Tx } from '../platform/db/database.ts';
import { inboxNotifier } from '../platform/notifications/notifier.ts';
import { searchTextOf } from '../platform/text/search-text.ts';
import { type DemoCalendar, demoCalendar } from './demo-calendar.ts';

const JX = '370828';

type Step = {
  on: string;
  kind: EntryKind;
  content: string;
  result?: string;
  next?: [string, string];
  to?: Stage;
};

type DemoRecord = {
  institute: string;
  /** Added to the directory if the foundation's demo does not have it. */
  newInstitute?: { kind: string; level: string; city: string };
  grade: Grade;
  industry: string;
  mode: string;
  isGreenChannel?: boolean;
  platform?: string;
  signedOn?: string;
  exitReason?: string;
  steps: Step[];
  milestones?: { title: string; dueOn: string; doneOn?: string; proofNote?: string }[];
};

/** The article's six platforms in physical operation, with their partners. */
const PLATFORMS: {
  name: string;
  kind: Platform['kind'];
  level: Platform['level'];
  industry: string;
  partners: string[];
  city: string;
}[] = [
  {
    name: '山大—衡兴绿色合成技术联合实验室',
    kind: 'joint_lab',
    level: 'county',
    industry: 'materials',
    partners: ['山东大学', '山东衡兴新材料有限公司'],
    city: '金乡',
  },
  {
    name: '新能源储电技术创新中心',
    kind: 'innovation_center',
    level: 'municipal',
    industry: 'new-energy',
    partners: ['大连理工大学', '山东鲁特电工有限公司'],
    city: '金乡',
  },
  {
    name: '北工大—恒昌绿色建造技术创新中心',
    kind: 'innovation_center',
    level: 'municipal',
    industry: 'materials',
    partners: ['北京工业大学', '山东恒昌新材料科技股份有限公司'],
    city: '金乡',
  },
  {
    name: '北京工业大学国家大学科技园金乡分园',
    kind: 'science_park',
    level: 'national',
    industry: 'equipment',
    partners: ['北京工业大学', '金乡县人民政府'],
    city: '金乡',
  },
  {
    name: '济宁智能制造产业技术研究院',
    kind: 'research_institute',
    level: 'municipal',
    industry: 'equipment',
    partners: ['济宁智能制造产业技术研究院', '金乡县人民政府', '金乡县智造装备有限公司'],
    city: '金乡',
  },
  {
    name: '金乡（北京大兴）飞地孵化中心',
    kind: 'enclave_incubator',
    level: 'county',
    industry: 'equipment',
    partners: ['中国科学院', '清华大学', '北京理工大学', '北京化工大学', '北京工业大学'],
    city: '北京大兴',
  },
];

const contact = (on: string, who: string): Step => ({
  on,
  kind: 'call',
  content: `与${who}电话联系，介绍金乡县主导产业和招引政策`,
  result: '对方表示有合作意向',
  next: ['安排上门走访', on],
  to: 'contacted',
});

/**
 * Nine institutes recruited (签约 or beyond) in the year, six of them operating a platform, plus the
 * pipeline. Written with the dates of the year the story was told (see demo-calendar.ts).
 */
const RECORDS: DemoRecord[] = [
  {
    institute: '山东大学',
    grade: 'A',
    industry: 'materials',
    mode: '共建联合实验室',
    isGreenChannel: true,
    platform: '山大—衡兴绿色合成技术联合实验室',
    signedOn: '2026-03-18',
    steps: [
      contact('2026-01-08', '山东大学化学与化工学院'),
      {
        on: '2026-01-16',
        kind: 'visit',
        content: '赴山东大学走访孙建华教授团队，对接衡兴新材料绿色合成技术需求',
        result: '确定以联合实验室形式合作',
        next: ['起草合作协议', '2026-02-28'],
        to: 'negotiating',
      },
      {
        on: '2026-03-18',
        kind: 'signing',
        content: '山东大学与衡兴新材料签署共建联合实验室协议',
        result: '协议签署',
        next: ['实验室场地装修', '2026-05-30'],
        to: 'signed',
      },
      {
        on: '2026-06-10',
        kind: 'meeting',
        content: '实验室揭牌，首批 6 名科研人员入驻',
        result: '实验室实体化运行',
        next: ['首个中试项目立项', '2026-09-30'],
        to: 'landed',
      },
      {
        on: '2026-09-25',
        kind: 'visit',
        content: '专班走访实验室，核实人员、场地、设备投入',
        result: '满足实体化运营标准',
        next: ['年度考核材料准备', '2026-12-20'],
        to: 'operating',
      },
      {
        on: '2026-11-20',
        kind: 'visit',
        content: '走访联合实验室，了解绿色合成中试线进展',
        result: '中试线调试中',
        next: ['协调中试用地', '2026-12-20'],
      },
    ],
  },
  {
    institute: '大连理工大学',
    grade: 'A',
    industry: 'new-energy',
    mode: '共建技术创新中心',
    platform: '新能源储电技术创新中心',
    signedOn: '2026-04-08',
    steps: [
      contact('2026-01-20', '大连理工大学电气工程学院'),
      {
        on: '2026-02-26',
        kind: 'reception',
        content: '接待高新宇教授一行来金考察鲁特电工',
        result: '确定共建储电技术创新中心',
        next: ['商定出资与人员安排', '2026-03-31'],
        to: 'negotiating',
      },
      {
        on: '2026-04-08',
        kind: 'signing',
        content: '大连理工大学与鲁特电工签署创新中心共建协议',
        next: ['中心场地改造', '2026-06-30'],
        to: 'signed',
      },
      {
        on: '2026-07-02',
        kind: 'meeting',
        content: '创新中心启用，储能电池测试平台建成',
        to: 'landed',
        next: ['申报市级创新平台', '2026-09-15'],
      },
      {
        on: '2026-10-12',
        kind: 'visit',
        content: '核实中心实体化运营情况：在岗研发人员 9 人，设备 860 万元',
        result: '符合实体化运营标准',
        to: 'operating',
        next: ['跟进市级平台评审', '2026-12-15'],
      },
      {
        on: '2026-11-18',
        kind: 'call',
        content: '电话了解市级创新平台申报进度',
        result: '材料已提交',
        next: ['跟进市级平台评审', '2026-12-15'],
      },
    ],
  },
  {
    institute: '北京工业大学',
    grade: 'A',
    industry: 'materials',
    mode: '共建技术创新中心、大学科技园分园',
    isGreenChannel: true,
    platform: '北工大—恒昌绿色建造技术创新中心',
    signedOn: '2026-03-26',
    steps: [
      contact('2026-01-12', '北京工业大学科技处'),
      {
        on: '2026-02-05',
        kind: 'visit',
        content: '赴北京工业大学走访马晓东研究员，对接恒昌新材料绿色建造需求，商谈科技园分园',
        result: '同意共建创新中心并设立科技园金乡分园',
        next: ['协议文本会商', '2026-03-15'],
        to: 'negotiating',
      },
      {
        on: '2026-03-26',
        kind: 'signing',
        content: '北京工业大学与金乡县、恒昌新材料签署“校地企”三方合作协议',
        next: ['分园载体装修', '2026-06-30'],
        to: 'signed',
      },
      {
        on: '2026-06-28',
        kind: 'meeting',
        content: '北工大—恒昌绿色建造技术创新中心、国家大学科技园金乡分园揭牌',
        to: 'landed',
        next: ['引进首批入园项目', '2026-09-30'],
      },
      {
        on: '2026-09-18',
        kind: 'visit',
        content: '核实创新中心与分园运营：入园项目 5 个',
        result: '实体化运营',
        to: 'operating',
        next: ['组织分园项目路演', '2026-12-10'],
      },
      {
        on: '2026-11-24',
        kind: 'meeting',
        content: '召开分园项目路演筹备会',
        next: ['组织分园项目路演', '2026-12-10'],
      },
    ],
  },
  {
    institute: '济宁智能制造产业技术研究院',
    grade: 'A',
    industry: 'equipment',
    mode: '设立产业技术研究院金乡分院',
    platform: '济宁智能制造产业技术研究院',
    signedOn: '2026-02-27',
    steps: [
      contact('2026-01-06', '济宁智能制造产业技术研究院'),
      {
        on: '2026-01-22',
        kind: 'meeting',
        content: '会商研究院在金乡设立实体化运营团队',
        to: 'negotiating',
        next: ['确定场地', '2026-02-20'],
      },
      {
        on: '2026-02-27',
        kind: 'signing',
        content: '签署研究院落户协议',
        to: 'signed',
        next: ['团队入驻', '2026-04-30'],
      },
      {
        on: '2026-04-28',
        kind: 'visit',
        content: '研究院团队 12 人入驻高新区',
        to: 'landed',
        next: ['服务企业智能化改造', '2026-07-31'],
      },
      {
        on: '2026-08-06',
        kind: 'visit',
        content: '核实研究院为 15 家企业提供智能化诊断服务',
        result: '实体化运营',
        to: 'operating',
        next: ['年度绩效评价', '2026-12-31'],
      },
      {
        on: '2026-11-10',
        kind: 'visit',
        content: '走访研究院，了解智能化诊断服务开展情况',
        next: ['年度绩效评价', '2026-12-31'],
      },
    ],
  },
  {
    institute: '中国科学院',
    grade: 'A',
    industry: 'equipment',
    mode: '飞地孵化',
    platform: '金乡（北京大兴）飞地孵化中心',
    signedOn: '2026-05-12',
    steps: [
      contact('2026-02-10', '中国科学院北京分院'),
      {
        on: '2026-03-06',
        kind: 'visit',
        content: '赴北京大兴考察飞地孵化载体，商谈中科院成果在金乡转化',
        to: 'negotiating',
        next: ['确定孵化中心运营方案', '2026-04-30'],
      },
      {
        on: '2026-05-12',
        kind: 'signing',
        content: '签署飞地孵化中心共建协议：人才就地吸收、研发两地协同、成果金乡转化',
        to: 'signed',
        next: ['孵化中心开园', '2026-07-15'],
      },
      {
        on: '2026-07-16',
        kind: 'meeting',
        content: '金乡（北京大兴）飞地孵化中心开园',
        to: 'landed',
        next: ['首批项目入孵', '2026-09-30'],
      },
      {
        on: '2026-10-09',
        kind: 'visit',
        content: '核实孵化中心运营：入孵项目 7 个',
        result: '实体化运营',
        to: 'operating',
        next: ['组织入孵项目来金考察', '2026-12-18'],
      },
    ],
  },
  {
    institute: '清华大学',
    grade: 'A',
    industry: 'equipment',
    mode: '飞地孵化、成果转化',
    platform: '金乡（北京大兴）飞地孵化中心',
    signedOn: '2026-05-20',
    steps: [
      contact('2026-02-18', '清华大学技术转移研究院'),
      {
        on: '2026-03-20',
        kind: 'visit',
        content: '走访清华大学技术转移研究院，对接智能装备成果',
        to: 'negotiating',
        next: ['梳理可转化成果清单', '2026-04-30'],
      },
      {
        on: '2026-05-20',
        kind: 'signing',
        content: '签署成果转化合作协议，入驻飞地孵化中心',
        to: 'signed',
        next: ['项目入孵', '2026-07-31'],
      },
      {
        on: '2026-07-28',
        kind: 'meeting',
        content: '两个成果转化项目入驻飞地孵化中心',
        to: 'landed',
        next: ['核实运营情况', '2026-10-31'],
      },
      {
        on: '2026-10-22',
        kind: 'visit',
        content: '核实项目团队在孵化中心实体办公',
        result: '实体化运营',
        to: 'operating',
        next: ['推动项目来金中试', '2026-12-20'],
      },
    ],
  },
  {
    institute: '北京理工大学',
    grade: 'B',
    industry: 'equipment',
    mode: '技术开发',
    signedOn: '2026-06-16',
    steps: [
      contact('2026-03-02', '北京理工大学机械与车辆学院'),
      {
        on: '2026-04-14',
        kind: 'reception',
        content: '接待北理工专家来金对接智造装备企业',
        to: 'negotiating',
        next: ['确定技术开发合同', '2026-05-31'],
      },
      {
        on: '2026-06-16',
        kind: 'signing',
        content: '签署智能装备技术开发合同',
        to: 'signed',
        next: ['样机试制', '2026-09-30'],
      },
      {
        on: '2026-09-28',
        kind: 'visit',
        content: '样机在金乡县智造装备有限公司完成试制',
        to: 'landed',
        next: ['小批量生产', '2026-11-25'],
      },
      {
        on: '2026-10-26',
        kind: 'call',
        content: '电话了解小批量生产准备情况',
        result: '原材料已到位',
        next: ['小批量生产', '2026-11-25'],
      },
    ],
    milestones: [
      { title: '样机试制', dueOn: '2026-09-30', doneOn: '2026-09-28', proofNote: '试制验收单' },
      { title: '小批量生产', dueOn: '2026-11-25' },
    ],
  },
  {
    institute: '北京化工大学',
    grade: 'B',
    industry: 'chemicals',
    mode: '共建中试基地',
    signedOn: '2026-08-21',
    steps: [
      contact('2026-04-03', '北京化工大学化学工程学院'),
      {
        on: '2026-05-19',
        kind: 'visit',
        content: '走访北京化工大学，对接金源化工高端化工中试需求',
        to: 'negotiating',
        next: ['中试基地方案', '2026-07-31'],
      },
      {
        on: '2026-08-21',
        kind: 'signing',
        content: '签署共建高端化工中试基地协议',
        to: 'signed',
        next: ['中试基地选址', '2026-10-15'],
      },
      {
        on: '2026-09-12',
        kind: 'call',
        content: '电话沟通中试基地选址',
        next: ['中试基地选址', '2026-10-15'],
      },
    ],
    milestones: [{ title: '中试基地选址确定', dueOn: '2026-10-15' }],
  },
  {
    institute: '中国农业大学',
    newInstitute: { kind: 'university', level: 'national', city: '北京' },
    grade: 'B',
    industry: 'garlic-food',
    mode: '技术服务',
    isGreenChannel: true,
    signedOn: '2026-09-09',
    steps: [
      contact('2026-05-06', '中国农业大学食品科学与营养工程学院'),
      {
        on: '2026-06-11',
        kind: 'visit',
        content: '走访中国农业大学，对接大蒜深加工与功能食品技术',
        to: 'negotiating',
        next: ['拟定服务协议', '2026-08-15'],
      },
      {
        on: '2026-09-09',
        kind: 'signing',
        content: '签署大蒜精深加工技术服务协议',
        to: 'signed',
        next: ['专家团队驻企服务', '2026-11-30'],
      },
      {
        on: '2026-11-16',
        kind: 'visit',
        content: '专家团队到蒜都食品开展驻企服务',
        next: ['黑蒜新工艺中试', '2026-12-25'],
      },
    ],
  },
  {
    institute: '江南大学',
    newInstitute: { kind: 'university', level: 'national', city: '无锡' },
    grade: 'A',
    industry: 'garlic-food',
    mode: '共建研发中心',
    steps: [
      contact('2026-07-07', '江南大学食品学院'),
      {
        on: '2026-08-19',
        kind: 'visit',
        content: '走访江南大学，商谈共建大蒜食品研发中心',
        to: 'negotiating',
        next: ['对方回复合作方案', '2026-10-20'],
      },
    ],
  },
  {
    institute: '哈尔滨工业大学',
    newInstitute: { kind: 'university', level: 'national', city: '哈尔滨' },
    grade: 'B',
    industry: 'equipment',
    mode: '技术开发',
    steps: [
      contact('2026-10-30', '哈尔滨工业大学机电工程学院'),
      { on: '2026-11-26', kind: 'call', content: '确认走访时间', next: ['上门走访', '2026-12-08'] },
    ],
  },
  {
    institute: '中国科学院化学研究所',
    newInstitute: { kind: 'cas', level: 'national', city: '北京' },
    grade: 'C',
    industry: 'chemicals',
    mode: '待定',
    steps: [
      {
        on: '2026-11-05',
        kind: 'other',
        content: '从行业协会获得合作线索：化学所有高分子材料成果待转化',
        next: ['电话联系', '2026-12-05'],
      },
    ],
  },
  {
    institute: '天津大学',
    newInstitute: { kind: 'university', level: 'national', city: '天津' },
    grade: 'C',
    industry: 'chemicals',
    mode: '技术转让',
    exitReason: '对方团队调整，合作暂缓，明年再议',
    steps: [
      contact('2026-03-11', '天津大学化工学院'),
      { on: '2026-06-30', kind: 'call', content: '对方团队调整，合作暂缓', to: 'shelved' },
    ],
  },
];

/**
 * A record's dates in the loading year: a signed record is the year's story (`day`), a record not
 * signed keeps its distance from today (`ago`), so the leads quiet for months stay red that long.
 */
function placeRecord(r: DemoRecord, cal: DemoCalendar): DemoRecord {
  const on = r.signedOn ? cal.day : cal.ago;
  return {
    ...r,
    signedOn: r.signedOn && on(r.signedOn),
    steps: r.steps.map((s) => ({ ...s, on: on(s.on), next: s.next && [s.next[0], on(s.next[1])] })),
    milestones: r.milestones?.map((m) => ({ ...m, dueOn: on(m.dueOn), doneOn: m.doneOn && on(m.doneOn) })),
  };
}

/**
 * The recruitment demo: the year's plan, the thirteen records above with their ledgers, task forces,
 * milestones and the six platforms. Idempotent (a record that exists is left alone); lights are
 * computed at the end so the board shows them at once.
 */
export async function loadRecruitmentDemo(db: Database, clock: Clock): Promise<void> {
  const owner = db.owner;
  const cal = demoCalendar(clock);
  const ids = await owner.transaction(async (tx) => {
    const people = new Map(
      (
        await tx
          .select({ id: users.id, username: users.username })
          .from(users)
          .where(eq(users.regionCode, JX))
      ).map((u) => [u.username, u.id]),
    );
    const staff = people.get('jx_staff');
    const lead = people.get('jx_lead');
    const helper = people.get('jx_helper');
    if (!staff || !lead || !helper) return [];
    const industryId = new Map(
      (
        await tx
          .select({ id: industries.id, code: industries.code })
          .from(industries)
          .where(eq(industries.regionCode, JX))
      ).map((i) => [i.code, i.id]),
    );
    const platformId = new Map<string, string>();
    for (const p of PLATFORMS) {
      const [found] = await tx
        .select({ id: platforms.id })
        .from(platforms)
        .where(and(eq(platforms.regionCode, JX), eq(platforms.name, p.name)));
      const id =
        found?.id ??
        (
          await tx
            .insert(platforms)
            .values({
              ...p,
              industryId: industryId.get(p.industry) ?? null,
              regionCode: JX,
              createdAt: clock.now(),
            })
            .returning({ id: platforms.id })
        )[0]?.id;
      if (id) platformId.set(p.name, id);
    }
    const created: string[] = [];
    for (const written of RECORDS) {
      const r = placeRecord(written, cal);
      if (r.newInstitute) {
        await tx
          .insert(institutes)
          .values({
            name: r.institute,
            ...r.newInstitute,
            regionCode: JX,
            searchText: searchTextOf(r.institute),
          })
          .onConflictDoNothing();
      }
      const [inst] = await tx
        .select({ id: institutes.id })
        .from(institutes)
        .where(and(eq(institutes.regionCode, JX), eq(institutes.name, r.institute)));
      if (!inst) continue;
      const [exists] = await tx
        .select({ id: recruitmentRecords.id })
        .from(recruitmentRecords)
        .where(and(eq(recruitmentRecords.regionCode, JX), eq(recruitmentRecords.instituteId, inst.id)));
      if (exists) continue;
      const stage = r.steps.reduce<Stage>((s, step) => step.to ?? s, 'lead');
      const lastStep = r.steps.at(-1);
      const first = r.steps[0]?.on ?? cal.today;
      const [rec] = await tx
        .insert(recruitmentRecords)
        .values({
          regionCode: JX,
          instituteId: inst.id,
          grade: r.grade,
          stage,
          cooperationMode: r.mode,
          industryId: industryId.get(r.industry) ?? null,
          ownerId: staff,
          taskForceLeadId: lead,
          taskForceMemberIds: [lead, staff, helper],
          isGreenChannel: r.isGreenChannel ?? false,
          signedOn: r.signedOn ?? null,
          platformId: r.platform ? (platformId.get(r.platform) ?? null) : null,
          exitReason: r.exitReason ?? '',
          stageChangedAt: cal.at([...r.steps].reverse().find((s) => s.to)?.on ?? first, 10),
          lastEntryOn: lastStep?.on ?? null,
          nextStep: lastStep?.next?.[0] ?? '',
          nextDate: lastStep?.next?.[1] ?? null,
          createdBy: staff,
          createdAt: cal.at(first, 9),
          updatedAt: cal.at(lastStep?.on ?? first, 18),
        })
        .returning({ id: recruitmentRecords.id });
      if (!rec) continue;
      created.push(rec.id);
      let current: Stage = 'lead';
      await tx.insert(recruitmentEntries).values(
        r.steps.map((s) => {
          const from = current;
          if (s.to) current = s.to;
          return {
            regionCode: JX,
            recordId: rec.id,
            entryOn: s.on,
            kind: s.kind,
            participants: '张敏、李强',
            content: s.to ? `阶段变更：${stageLabel(from)} → ${stageLabel(s.to)}。${s.content}` : s.content,
            result: s.result ?? '',
            nextStep: s.next?.[0] ?? '',
            nextDate: s.next?.[1] ?? null,
            stageFrom: s.to ? from : null,
            stageTo: s.to ?? null,
            authorId: staff,
            authorName: '张敏',
            createdAt: cal.at(s.on, 18),
          };
        }),
      );
      if (r.milestones?.length) {
        await tx.insert(recruitmentMilestones).values(
          r.milestones.map((m) => ({
            regionCode: JX,
            recordId: rec.id,
            title: m.title,
            dueOn: m.dueOn,
            doneOn: m.doneOn ?? null,
            proofNote: m.proofNote ?? '',
            createdAt: clock.now(),
          })),
        );
      }
    }
    // The plan of the year the demo was first loaded in; a restart in a later year adds none.
    if (created.length > 0)
      await tx
        .insert(recruitmentPlans)
        .values({
          regionCode: JX,
          year: cal.year,
          title: `${cal.year}年大院大所招引工作方案`,
          targetRecruited: 9,
          targetOperating: 6,
          ownerId: lead,
          notes: '工作组+专班，一院所一专班，全程跟踪推进；重点对接京津、济南、大连等地高校院所。',
          updatedAt: clock.now(),
        })
        .onConflictDoNothing();
    return created;
  });
  if (ids.length === 0) return;
  const supervision = createSupervisionService({
    db,
    clock,
    notifier: inboxNotifier,
    providers: [recruitmentSupervisedItems],
  });
  await owner.transaction(async (tx) => {
    await supervision.refreshItems(tx as Tx, 'recruitment', ids);
    // Records quiet for months have been red that long: the first lights run then tells the
    // leaders and proposes them for a round-table, as it would have.
    await supervision.dateLightsFromPast(tx as Tx, 'recruitment', ids);
  });
}

const stageLabel = (s: Stage) => STAGE_LABELS[s];
