import { creditCodeCheckChar, type EventKind, type ProjectKind, type ProjectStage } from '@gaodi/contracts';
import { and, eq, like } from 'drizzle-orm';
import { enterprises, experts, industries, institutes } from '../modules/directory/index.ts';
import {
  achievements,
  eventItems,
  eventParticipants,
  matchmakingEvents,
  needPairings,
  recommendationRejections,
  techNeeds,
} from '../modules/matchmaking/index.ts';
import {
  cooperationProjects,
  projectEntries,
  projectHelperAssignments,
  projectMilestones,
  projectOutputs,
  projectParties,
  projectSupervisedItems,
} from '../modules/projects/index.ts';
import { createSupervisionService } from '../modules/supervision/index.ts';
import { users } from '../platform/auth/auth.table.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database, Tx } from '../platform/db/database.ts';
import { inboxNotifier } from '../platform/notifications/notifier.ts';
import { searchTextOf } from '../platform/text/search-text.ts';
import { type DemoCalendar, demoCalendar } from './demo-calendar.ts';

const JX = '370828';
const DAXING = '110115';
const FIRST_EVENT = '2026年金乡县大蒜产业科技成果路演';

const MORE_ENTERPRISES = [
  {
    name: '山东蒜都生物科技有限公司',
    industry: 'garlic-food',
    scale: 'medium',
    contact: '韩蒜',
    phone: '13853761234',
  },
  {
    name: '金乡县绿源食品有限公司',
    industry: 'garlic-food',
    scale: 'small',
    contact: '冯源',
    phone: '13853762345',
  },
  {
    name: '山东华兴装配式建筑有限公司',
    industry: 'materials',
    scale: 'medium',
    contact: '陈华',
    phone: '13853763456',
  },
];

const MORE_INSTITUTES = [
  { name: '江南大学', kind: 'university', level: 'national', city: '无锡' },
  { name: '中国农业大学', kind: 'university', level: 'national', city: '北京' },
  { name: '山东农业大学', kind: 'university', level: 'provincial', city: '泰安' },
  { name: '齐鲁工业大学', kind: 'university', level: 'provincial', city: '济南' },
];

const EXPERTS = [
  { institute: '江南大学', name: '钱卫东', title: '教授', field: '食品生物技术与功能成分提取' },
  { institute: '中国农业大学', name: '郑丽', title: '教授', field: '农产品加工与贮藏' },
  { institute: '北京化工大学', name: '胡志强', title: '教授', field: '精细化工与催化' },
  { institute: '北京理工大学', name: '许明', title: '研究员', field: '智能制造与工业机器人' },
];

type DemoAchievement = {
  institute: string;
  title: string;
  abstract: string;
  keywords: string[];
  industry: string;
  trl: number;
  ipType: string;
  ipNumbers?: string[];
  forms: string[];
};

const ACHIEVEMENTS: DemoAchievement[] = [
  {
    institute: '江南大学',
    title: '大蒜中蒜氨酸的低温酶抑制提取与微胶囊稳定化技术',
    abstract:
      '采用低温灭酶、膜分离与大孔树脂纯化相结合的工艺，从鲜蒜中高效提取蒜氨酸，得率提高30%以上；以环糊精微胶囊包埋提高蒜氨酸的热稳定性和贮藏稳定性，适用于大蒜深加工功能食品和保健品生产。',
    keywords: ['蒜氨酸', '大蒜深加工', '提取', '微胶囊', '稳定化'],
    industry: 'garlic-food',
    trl: 6,
    ipType: 'invention_patent',
    ipNumbers: ['ZL202110234567.8'],
    forms: ['transfer', 'development'],
  },
  {
    institute: '中国农业大学',
    title: '黑蒜低温发酵与品质控制技术',
    abstract:
      '建立黑蒜恒温恒湿发酵工艺，缩短发酵周期，控制美拉德反应程度，提高多酚与S-烯丙基半胱氨酸含量，形成黑蒜系列产品标准。',
    keywords: ['黑蒜', '发酵', '大蒜', '品质控制'],
    industry: 'garlic-food',
    trl: 7,
    ipType: 'invention_patent',
    ipNumbers: ['ZL201910876543.2'],
    forms: ['transfer', 'service'],
  },
  {
    institute: '山东农业大学',
    title: '大蒜素稳定化制剂及其在饲料中的应用',
    abstract: '以大蒜素为原料，通过包合与缓释技术制备稳定化大蒜素制剂，替代部分饲用抗生素，已完成中试。',
    keywords: ['大蒜素', '稳定化', '饲料添加剂', '缓释'],
    industry: 'garlic-food',
    trl: 6,
    ipType: 'invention_patent',
    forms: ['license', 'development'],
  },
  {
    institute: '中国科学院',
    title: '天然含硫化合物的超临界二氧化碳萃取技术',
    abstract:
      '利用超临界二氧化碳萃取大蒜、洋葱等植物中的含硫活性成分，产品纯度高、无溶剂残留，可用于医药中间体与功能食品。',
    keywords: ['超临界萃取', '含硫化合物', '大蒜', '功能食品'],
    industry: 'garlic-food',
    trl: 5,
    ipType: 'invention_patent',
    forms: ['development'],
  },
  {
    institute: '山东大学',
    title: '芳香族化合物的绿色催化合成技术',
    abstract:
      '以固体酸催化剂替代传统液体酸，实现芳香族中间体的绿色合成，三废排放减少60%，催化剂可循环使用，适用于新材料与精细化工企业。',
    keywords: ['绿色合成', '固体酸催化', '精细化工', '新材料'],
    industry: 'materials',
    trl: 7,
    ipType: 'invention_patent',
    ipNumbers: ['ZL202010112233.4'],
    forms: ['joint_lab', 'development'],
  },
  {
    institute: '山东大学',
    title: '高性能聚合物材料连续化制备工艺',
    abstract: '开发高性能聚合物连续聚合与在线改性工艺，产品力学性能与耐热性显著提升，能耗降低20%。',
    keywords: ['聚合物', '连续化', '新材料', '改性'],
    industry: 'materials',
    trl: 6,
    ipType: 'invention_patent',
    forms: ['development', 'transfer'],
  },
  {
    institute: '北京化工大学',
    title: '精细化工过程强化与清洁生产技术',
    abstract:
      '采用微反应器与过程强化技术改造精细化工间歇工艺，提高安全性与收率，减少溶剂用量，已在多家化工园区企业应用。',
    keywords: ['过程强化', '微反应器', '清洁生产', '精细化工'],
    industry: 'chemicals',
    trl: 7,
    ipType: 'invention_patent',
    forms: ['service', 'development'],
  },
  {
    institute: '北京化工大学',
    title: '化工废水高级氧化处理技术',
    abstract: '基于催化臭氧氧化的化工废水深度处理工艺，COD去除率达90%，运行成本低。',
    keywords: ['废水处理', '高级氧化', '化工'],
    industry: 'chemicals',
    trl: 8,
    ipType: 'utility_patent',
    forms: ['service'],
  },
  {
    institute: '大连理工大学',
    title: '新能源储电用高安全锂离子电池模组技术',
    abstract:
      '面向新能源储电场景的高安全电池模组设计与热管理技术，解决储能电站热失控风险，循环寿命超过6000次。',
    keywords: ['新能源储电', '储能', '锂离子电池', '热管理'],
    industry: 'new-energy',
    trl: 7,
    ipType: 'invention_patent',
    ipNumbers: ['ZL202110556677.1'],
    forms: ['platform', 'development'],
  },
  {
    institute: '大连理工大学',
    title: '变压器绕组绝缘材料老化监测技术',
    abstract: '基于光纤传感的电工设备绝缘老化在线监测方法，可用于变压器、电抗器等电工产品的状态评估。',
    keywords: ['电工装备', '绝缘材料', '在线监测'],
    industry: 'new-energy',
    trl: 6,
    ipType: 'invention_patent',
    forms: ['development'],
  },
  {
    institute: '北京工业大学',
    title: '装配式建筑绿色建造关键技术',
    abstract:
      '装配式混凝土构件标准化设计、绿色建材与智能建造一体化技术，降低建造能耗和建筑垃圾，适用于绿色建造与新型建材企业。',
    keywords: ['绿色建造', '装配式建筑', '绿色建材'],
    industry: 'materials',
    trl: 7,
    ipType: 'invention_patent',
    forms: ['platform', 'development'],
  },
  {
    institute: '北京工业大学',
    title: '固废基低碳胶凝材料制备技术',
    abstract: '以工业固废为原料制备低碳胶凝材料，替代部分水泥，碳排放降低40%，可用于预制构件和道路工程。',
    keywords: ['固废利用', '低碳建材', '胶凝材料', '绿色建造'],
    industry: 'materials',
    trl: 6,
    ipType: 'invention_patent',
    forms: ['transfer', 'development'],
  },
  {
    institute: '北京理工大学',
    title: '农产品智能分拣装备与机器视觉检测技术',
    abstract: '基于机器视觉和深度学习的大蒜等农产品外观品质在线检测与智能分拣装备，分拣效率每小时5吨。',
    keywords: ['智能装备', '机器视觉', '分拣', '大蒜'],
    industry: 'equipment',
    trl: 7,
    ipType: 'invention_patent',
    forms: ['development', 'transfer'],
  },
  {
    institute: '清华大学',
    title: '工业过程数字孪生与智能控制平台',
    abstract: '面向装备制造和化工过程的数字孪生建模与智能控制平台，实现工艺参数优化和设备预测性维护。',
    keywords: ['数字孪生', '智能控制', '高端装备'],
    industry: 'equipment',
    trl: 6,
    ipType: 'software',
    forms: ['development', 'consulting'],
  },
  {
    institute: '济宁智能制造产业技术研究院',
    title: '大蒜播种收获一体化智能农机装备',
    abstract: '研制大蒜正芽播种与联合收获一体化农机装备，降低人工成本，适合鲁西南大蒜主产区。',
    keywords: ['大蒜', '农机装备', '智能制造'],
    industry: 'equipment',
    trl: 8,
    ipType: 'utility_patent',
    forms: ['transfer', 'service'],
  },
  {
    institute: '齐鲁工业大学',
    title: '大蒜加工副产物综合利用技术',
    abstract: '利用蒜皮、蒜秸等加工副产物提取膳食纤维与多糖，制备生物基材料，实现大蒜产业链延伸。',
    keywords: ['大蒜深加工', '副产物', '膳食纤维', '综合利用'],
    industry: 'garlic-food',
    trl: 5,
    ipType: 'invention_patent',
    forms: ['development'],
  },
];

type DemoNeed = {
  enterprise: string;
  title: string;
  description: string;
  keywords: string[];
  industry: string;
  stage: string;
  budget: [number, number];
  forms: string[];
  on: string;
};

const NEEDS: DemoNeed[] = [
  {
    enterprise: '山东蒜都生物科技有限公司',
    title: '大蒜深加工中蒜氨酸的高效提取与稳定化技术',
    description:
      '企业现有蒜氨酸提取工艺得率低、产品易降解，需要高效提取与稳定化技术，提升蒜氨酸纯度和保质期，用于功能食品生产。',
    keywords: ['蒜氨酸', '提取', '稳定化', '大蒜深加工'],
    industry: 'garlic-food',
    stage: 'contracted',
    budget: [500_000, 1_500_000],
    forms: ['transfer', 'development'],
    on: '2026-02-20',
  },
  {
    enterprise: '金乡县蒜都食品有限公司',
    title: '黑蒜发酵周期长、品质不稳定问题',
    description: '黑蒜生产发酵周期长达60天，批次间品质差异大，希望引进低温发酵与品质控制技术。',
    keywords: ['黑蒜', '发酵', '品质控制'],
    industry: 'garlic-food',
    stage: 'contracted',
    budget: [200_000, 600_000],
    forms: ['transfer'],
    on: '2026-03-05',
  },
  {
    enterprise: '金乡县绿源食品有限公司',
    title: '大蒜加工副产物高值化利用',
    description: '每年产生大量蒜皮和蒜秸，需要副产物综合利用技术，开发膳食纤维等高附加值产品。',
    keywords: ['副产物', '综合利用', '大蒜'],
    industry: 'garlic-food',
    stage: 'matching',
    budget: [300_000, 800_000],
    forms: ['development'],
    on: '2026-04-10',
  },
  {
    enterprise: '山东衡兴新材料有限公司',
    title: '芳香族中间体绿色合成工艺替代',
    description: '现有液体酸催化工艺三废量大，需要绿色合成技术和可循环催化剂，实现清洁生产。',
    keywords: ['绿色合成', '催化', '清洁生产'],
    industry: 'materials',
    stage: 'contracted',
    budget: [1_000_000, 3_000_000],
    forms: ['joint_lab', 'development'],
    on: '2026-01-15',
  },
  {
    enterprise: '山东鲁特电工有限公司',
    title: '新能源储电系统热失控防护技术',
    description: '公司拓展储能业务，需要高安全储电电池模组和热管理技术，满足储能电站安全要求。',
    keywords: ['新能源储电', '储能', '热管理'],
    industry: 'new-energy',
    stage: 'contracted',
    budget: [2_000_000, 5_000_000],
    forms: ['platform', 'development'],
    on: '2026-01-20',
  },
  {
    enterprise: '山东恒昌新材料科技股份有限公司',
    title: '装配式建筑构件绿色建造技术',
    description: '需要装配式构件标准化设计和绿色建材技术，降低构件生产能耗，拓展绿色建造市场。',
    keywords: ['绿色建造', '装配式建筑', '绿色建材'],
    industry: 'materials',
    stage: 'contracted',
    budget: [1_500_000, 4_000_000],
    forms: ['platform', 'development'],
    on: '2026-02-01',
  },
  {
    enterprise: '山东华兴装配式建筑有限公司',
    title: '工业固废制备低碳建材',
    description: '希望利用周边电厂粉煤灰等工业固废制备低碳胶凝材料，用于预制构件生产。',
    keywords: ['固废利用', '低碳建材'],
    industry: 'materials',
    stage: 'contracted',
    budget: [800_000, 2_000_000],
    forms: ['transfer'],
    on: '2026-03-18',
  },
  {
    enterprise: '山东金乡金源化工有限公司',
    title: '精细化工间歇工艺连续化改造',
    description: '现有间歇釜式工艺安全风险高、收率低，希望采用微反应器等过程强化技术进行连续化改造。',
    keywords: ['过程强化', '连续化', '精细化工', '安全'],
    industry: 'chemicals',
    stage: 'contracted',
    budget: [1_000_000, 2_500_000],
    forms: ['service', 'development'],
    on: '2026-02-26',
  },
  {
    enterprise: '山东金乡金源化工有限公司',
    title: '化工废水深度处理达标排放',
    description: '园区排放标准提高，需要化工废水深度处理技术，降低COD，控制运行成本。',
    keywords: ['废水处理', '化工', '达标排放'],
    industry: 'chemicals',
    stage: 'published',
    budget: [500_000, 1_000_000],
    forms: ['service'],
    on: '2026-06-12',
  },
  {
    enterprise: '金乡县智造装备有限公司',
    title: '大蒜智能分拣与品质检测装备',
    description: '出口大蒜分级依靠人工，效率低，需要基于机器视觉的智能分拣与外观品质检测装备。',
    keywords: ['智能分拣', '机器视觉', '大蒜'],
    industry: 'equipment',
    stage: 'contracted',
    budget: [600_000, 1_200_000],
    forms: ['development'],
    on: '2026-03-02',
  },
  {
    enterprise: '金乡县智造装备有限公司',
    title: '装备制造车间数字化与预测性维护',
    description: '希望建设数字孪生车间，实现关键设备预测性维护和工艺参数优化。',
    keywords: ['数字孪生', '预测性维护', '智能制造'],
    industry: 'equipment',
    stage: 'matching',
    budget: [800_000, 1_500_000],
    forms: ['consulting', 'development'],
    on: '2026-05-08',
  },
  {
    enterprise: '山东鲁特电工有限公司',
    title: '变压器绝缘状态在线监测',
    description: '需要电工产品绝缘老化在线监测技术，提升产品智能化水平。',
    keywords: ['绝缘', '在线监测', '电工装备'],
    industry: 'new-energy',
    stage: 'published',
    budget: [300_000, 700_000],
    forms: ['development'],
    on: '2026-07-01',
  },
  {
    enterprise: '山东蒜都生物科技有限公司',
    title: '大蒜素饲用稳定化制剂开发',
    description: '开发稳定化大蒜素饲料添加剂，解决大蒜素易挥发、易分解的问题。',
    keywords: ['大蒜素', '饲料添加剂', '稳定化'],
    industry: 'garlic-food',
    stage: 'reviewed',
    budget: [300_000, 900_000],
    forms: ['license'],
    on: '2026-09-15',
  },
  {
    enterprise: '山东衡兴新材料有限公司',
    title: '高性能聚合物连续聚合工艺',
    description: '现有聚合工艺能耗高，需要连续化制备与在线改性技术。',
    keywords: ['聚合物', '连续化', '改性'],
    industry: 'materials',
    stage: 'collected',
    budget: [1_000_000, 2_000_000],
    forms: ['development'],
    on: '2026-10-20',
  },
];

type DemoEvent = {
  title: string;
  kind: EventKind;
  on: string;
  place: string;
  isOnline?: boolean;
  organiser: string;
  invited: string[];
  /** Invited organisations that did not come. */
  absent?: string[];
  needs?: string[];
  achievements?: string[];
};

const BUREAU = '金乡县科学技术局';
const EVENTS: DemoEvent[] = [
  {
    title: FIRST_EVENT,
    kind: 'roadshow',
    on: '2026-01-16',
    place: '金乡县科技创新服务中心',
    organiser: BUREAU,
    invited: ['江南大学', '中国农业大学', '山东蒜都生物科技有限公司', '金乡县蒜都食品有限公司'],
    needs: ['大蒜深加工中蒜氨酸的高效提取与稳定化技术'],
    achievements: ['大蒜中蒜氨酸的低温酶抑制提取与微胶囊稳定化技术'],
  },
  {
    title: '山东大学—金乡县新材料校地企对接会',
    kind: 'forum',
    on: '2026-01-22',
    place: '山东大学中心校区',
    organiser: BUREAU,
    invited: ['山东大学', '山东衡兴新材料有限公司'],
    needs: ['芳香族中间体绿色合成工艺替代'],
    achievements: ['芳香族化合物的绿色催化合成技术'],
  },
  {
    title: '大连理工大学新能源储电技术专场对接',
    kind: 'site_visit',
    on: '2026-02-06',
    place: '大连理工大学',
    organiser: BUREAU,
    invited: ['大连理工大学', '山东鲁特电工有限公司'],
    needs: ['新能源储电系统热失控防护技术'],
  },
  {
    title: '北京工业大学绿色建造技术校地企对接会',
    kind: 'forum',
    on: '2026-02-27',
    place: '北京工业大学',
    organiser: BUREAU,
    invited: ['北京工业大学', '山东恒昌新材料科技股份有限公司', '山东华兴装配式建筑有限公司'],
    needs: ['装配式建筑构件绿色建造技术', '工业固废制备低碳建材'],
  },
  {
    title: '高端化工企业走进北京化工大学',
    kind: 'site_visit',
    on: '2026-03-12',
    place: '北京化工大学',
    organiser: BUREAU,
    invited: ['北京化工大学', '山东金乡金源化工有限公司'],
    needs: ['精细化工间歇工艺连续化改造'],
  },
  {
    title: '大蒜及食品加工产业线上技术需求发布会',
    kind: 'online',
    on: '2026-03-20',
    place: '腾讯会议',
    isOnline: true,
    organiser: BUREAU,
    invited: ['中国农业大学', '江南大学', '齐鲁工业大学', '金乡县蒜都食品有限公司', '金乡县绿源食品有限公司'],
    absent: ['齐鲁工业大学'],
  },
  {
    title: '北京理工大学智能装备成果路演',
    kind: 'roadshow',
    on: '2026-04-09',
    place: '金乡县高新区',
    organiser: BUREAU,
    invited: ['北京理工大学', '金乡县智造装备有限公司'],
    achievements: ['农产品智能分拣装备与机器视觉检测技术'],
  },
  {
    title: '飞地孵化中心京津院所专场对接会',
    kind: 'forum',
    on: '2026-04-23',
    place: '北京大兴飞地孵化中心',
    organiser: '金乡县科学技术局、大兴区科技园区',
    invited: ['清华大学', '北京理工大学', '北京化工大学', '中国科学院', '金乡县智造装备有限公司'],
  },
  {
    title: '济宁智能制造产业技术研究院开放日',
    kind: 'site_visit',
    on: '2026-05-14',
    place: '济宁智能制造产业技术研究院',
    organiser: BUREAU,
    invited: ['济宁智能制造产业技术研究院', '金乡县智造装备有限公司'],
  },
  {
    title: '新材料产业技术沙龙',
    kind: 'salon',
    on: '2026-05-28',
    place: '金乡经济开发区',
    organiser: BUREAU,
    invited: ['山东大学', '北京工业大学', '山东衡兴新材料有限公司', '山东恒昌新材料科技股份有限公司'],
  },
  {
    title: '清华大学数字化转型线上对接会',
    kind: 'online',
    on: '2026-06-11',
    place: '线上',
    isOnline: true,
    organiser: BUREAU,
    invited: ['清华大学', '金乡县智造装备有限公司'],
    needs: ['装备制造车间数字化与预测性维护'],
  },
  {
    title: '大蒜深加工技术成果路演（第二场）',
    kind: 'roadshow',
    on: '2026-06-25',
    place: '金乡县科技创新服务中心',
    organiser: BUREAU,
    invited: ['山东农业大学', '齐鲁工业大学', '山东蒜都生物科技有限公司', '金乡县绿源食品有限公司'],
    needs: ['大蒜加工副产物高值化利用'],
  },
  {
    title: '化工园区安全环保技术对接会',
    kind: 'forum',
    on: '2026-07-16',
    place: '金乡县化工园区',
    organiser: BUREAU,
    invited: ['北京化工大学', '中国科学院化学研究所', '山东金乡金源化工有限公司'],
    needs: ['化工废水深度处理达标排放'],
  },
  {
    title: '新能源电工装备产学研对接会',
    kind: 'forum',
    on: '2026-08-06',
    place: '金乡县化雨镇',
    organiser: BUREAU,
    invited: ['大连理工大学', '哈尔滨工业大学', '山东鲁特电工有限公司'],
    needs: ['变压器绝缘状态在线监测'],
  },
  {
    title: '中国农业大学农产品加工专家金乡行',
    kind: 'site_visit',
    on: '2026-08-27',
    place: '金乡县各食品企业',
    organiser: BUREAU,
    invited: ['中国农业大学', '金乡县蒜都食品有限公司', '金乡县绿源食品有限公司'],
  },
  {
    title: '天津大学化工技术线上对接',
    kind: 'online',
    on: '2026-09-17',
    place: '线上',
    isOnline: true,
    organiser: BUREAU,
    invited: ['天津大学', '山东金乡金源化工有限公司'],
  },
  {
    title: '2026年金乡县产学研合作签约仪式',
    kind: 'forum',
    on: '2026-10-15',
    place: '金乡县人民会堂',
    organiser: '金乡县人民政府',
    invited: [
      '山东大学',
      '大连理工大学',
      '北京工业大学',
      '江南大学',
      '北京化工大学',
      '北京理工大学',
      '山东衡兴新材料有限公司',
      '山东鲁特电工有限公司',
      '山东恒昌新材料科技股份有限公司',
    ],
  },
  {
    title: '大蒜产业链科技成果线上推介会',
    kind: 'online',
    on: '2026-11-12',
    place: '线上',
    isOnline: true,
    organiser: BUREAU,
    invited: ['江南大学', '山东农业大学', '山东蒜都生物科技有限公司'],
    needs: ['大蒜素饲用稳定化制剂开发'],
    achievements: ['大蒜素稳定化制剂及其在饲料中的应用'],
  },
];

/** Pairings: need title → institute (and achievement), made at an event. */
const PAIRINGS: { need: string; institute: string; achievement?: string; event?: string; outcome: string }[] =
  [
    {
      need: '大蒜深加工中蒜氨酸的高效提取与稳定化技术',
      institute: '江南大学',
      achievement: '大蒜中蒜氨酸的低温酶抑制提取与微胶囊稳定化技术',
      event: FIRST_EVENT,
      outcome: 'agreement',
    },
    {
      need: '黑蒜发酵周期长、品质不稳定问题',
      institute: '中国农业大学',
      achievement: '黑蒜低温发酵与品质控制技术',
      event: '大蒜及食品加工产业线上技术需求发布会',
      outcome: 'agreement',
    },
    {
      need: '芳香族中间体绿色合成工艺替代',
      institute: '山东大学',
      achievement: '芳香族化合物的绿色催化合成技术',
      event: '山东大学—金乡县新材料校地企对接会',
      outcome: 'agreement',
    },
    {
      need: '新能源储电系统热失控防护技术',
      institute: '大连理工大学',
      achievement: '新能源储电用高安全锂离子电池模组技术',
      event: '大连理工大学新能源储电技术专场对接',
      outcome: 'agreement',
    },
    {
      need: '装配式建筑构件绿色建造技术',
      institute: '北京工业大学',
      achievement: '装配式建筑绿色建造关键技术',
      event: '北京工业大学绿色建造技术校地企对接会',
      outcome: 'agreement',
    },
    {
      need: '工业固废制备低碳建材',
      institute: '北京工业大学',
      achievement: '固废基低碳胶凝材料制备技术',
      event: '北京工业大学绿色建造技术校地企对接会',
      outcome: 'agreement',
    },
    {
      need: '精细化工间歇工艺连续化改造',
      institute: '北京化工大学',
      achievement: '精细化工过程强化与清洁生产技术',
      event: '高端化工企业走进北京化工大学',
      outcome: 'agreement',
    },
    {
      need: '大蒜智能分拣与品质检测装备',
      institute: '北京理工大学',
      achievement: '农产品智能分拣装备与机器视觉检测技术',
      event: '北京理工大学智能装备成果路演',
      outcome: 'agreement',
    },
    {
      need: '大蒜加工副产物高值化利用',
      institute: '齐鲁工业大学',
      achievement: '大蒜加工副产物综合利用技术',
      event: '大蒜深加工技术成果路演（第二场）',
      outcome: 'intention',
    },
    {
      need: '装备制造车间数字化与预测性维护',
      institute: '清华大学',
      achievement: '工业过程数字孪生与智能控制平台',
      event: '清华大学数字化转型线上对接会',
      outcome: 'intention',
    },
    {
      need: '化工废水深度处理达标排放',
      institute: '北京化工大学',
      achievement: '化工废水高级氧化处理技术',
      event: '化工园区安全环保技术对接会',
      outcome: 'none',
    },
  ];

const REJECTIONS = [
  { need: '化工废水深度处理达标排放', institute: '天津大学', reason: 'too_early', note: '' },
  { need: '变压器绝缘状态在线监测', institute: '哈尔滨工业大学', reason: 'benefit_unclear', note: '' },
  {
    need: '装备制造车间数字化与预测性维护',
    institute: '哈尔滨工业大学',
    reason: 'other',
    note: '院所方向调整',
  },
];

type DemoProject = {
  title: string;
  kind: ProjectKind;
  stage: ProjectStage;
  enterprises: string[];
  institutes: string[];
  /** The pairing it came from (need title) and/or its source event. */
  need?: string;
  event?: string;
  contractNo: string;
  amountYuan: number;
  signedOn?: string;
  landedOn?: string;
  landedPlace?: string;
  rdRegion?: string;
  stoppedReason?: string;
  lastEntryOn: string;
  milestones?: { title: string; dueOn: string; doneOn?: string }[];
  outputs?: { kind: string; title: string; amountYuan?: number; on: string }[];
};

/**
 * The year: 8 technology cooperation projects signed in it (4 already landed), 9 landed in it (5 of
 * them signed the year before), one intention, one stopped. Written with the dates of the year the
 * story was told (see demo-calendar.ts).
 */
const PROJECTS: DemoProject[] = [
  {
    title: '蒜氨酸高效提取与稳定化技术转让',
    kind: 'transfer',
    stage: 'landed',
    enterprises: ['山东蒜都生物科技有限公司'],
    institutes: ['江南大学'],
    need: '大蒜深加工中蒜氨酸的高效提取与稳定化技术',
    contractNo: 'JX-HZ-2026-001',
    amountYuan: 1_200_000,
    signedOn: '2026-03-10',
    landedOn: '2026-09-20',
    landedPlace: '金乡县食品产业园',
    lastEntryOn: '2026-10-08',
    outputs: [
      { kind: 'product', title: '蒜氨酸微胶囊粉', on: '2026-09-20' },
      { kind: 'revenue', title: '新增产值', amountYuan: 8_600_000, on: '2026-11-01' },
    ],
  },
  {
    title: '黑蒜低温发酵技术转让',
    kind: 'transfer',
    stage: 'landed',
    enterprises: ['金乡县蒜都食品有限公司'],
    institutes: ['中国农业大学'],
    need: '黑蒜发酵周期长、品质不稳定问题',
    contractNo: 'JX-HZ-2026-002',
    amountYuan: 450_000,
    signedOn: '2026-04-02',
    landedOn: '2026-08-15',
    landedPlace: '金乡县金乡街道',
    lastEntryOn: '2026-09-30',
    outputs: [{ kind: 'product', title: '低温发酵黑蒜', on: '2026-08-15' }],
  },
  {
    title: '山大—衡兴绿色合成技术联合实验室共建',
    kind: 'joint_lab',
    stage: 'in_progress',
    enterprises: ['山东衡兴新材料有限公司'],
    institutes: ['山东大学'],
    need: '芳香族中间体绿色合成工艺替代',
    contractNo: 'JX-HZ-2026-003',
    amountYuan: 3_000_000,
    signedOn: '2026-02-18',
    lastEntryOn: '2026-11-10',
    milestones: [
      { title: '联合实验室挂牌', dueOn: '2026-04-30', doneOn: '2026-04-20' },
      { title: '中试线建成', dueOn: '2026-12-31' },
    ],
    outputs: [{ kind: 'patent', title: '一种固体酸催化合成方法（申请）', on: '2026-09-01' }],
  },
  {
    title: '新能源储电技术创新中心共建',
    kind: 'platform',
    stage: 'landed',
    enterprises: ['山东鲁特电工有限公司'],
    institutes: ['大连理工大学'],
    need: '新能源储电系统热失控防护技术',
    contractNo: 'JX-HZ-2026-004',
    amountYuan: 5_000_000,
    signedOn: '2026-03-01',
    landedOn: '2026-10-30',
    landedPlace: '金乡县化雨镇',
    lastEntryOn: '2026-11-05',
    outputs: [{ kind: 'product', title: '储能电池模组样机', on: '2026-10-30' }],
  },
  {
    title: '北工大—恒昌绿色建造技术创新中心共建',
    kind: 'platform',
    stage: 'accepted',
    enterprises: ['山东恒昌新材料科技股份有限公司'],
    institutes: ['北京工业大学'],
    need: '装配式建筑构件绿色建造技术',
    contractNo: 'JX-HZ-2026-005',
    amountYuan: 4_000_000,
    signedOn: '2026-03-25',
    lastEntryOn: '2026-11-18',
    milestones: [{ title: '中心验收', dueOn: '2026-11-15', doneOn: '2026-11-12' }],
  },
  {
    title: '固废基低碳胶凝材料技术开发',
    kind: 'development',
    stage: 'in_progress',
    enterprises: ['山东华兴装配式建筑有限公司'],
    institutes: ['北京工业大学'],
    need: '工业固废制备低碳建材',
    contractNo: 'JX-HZ-2026-006',
    amountYuan: 1_500_000,
    signedOn: '2026-05-20',
    lastEntryOn: '2026-09-05',
    milestones: [{ title: '配方定型', dueOn: '2026-10-31' }],
  },
  {
    title: '精细化工连续化改造技术服务',
    kind: 'service',
    stage: 'landed',
    enterprises: ['山东金乡金源化工有限公司'],
    institutes: ['北京化工大学'],
    need: '精细化工间歇工艺连续化改造',
    contractNo: 'JX-HZ-2026-007',
    amountYuan: 1_800_000,
    signedOn: '2026-04-15',
    landedOn: '2026-11-20',
    landedPlace: '金乡县化工园区',
    lastEntryOn: '2026-11-20',
  },
  {
    title: '大蒜智能分拣装备联合开发（北京大兴飞地研发）',
    kind: 'development',
    stage: 'signed',
    enterprises: ['金乡县智造装备有限公司'],
    institutes: ['北京理工大学'],
    need: '大蒜智能分拣与品质检测装备',
    contractNo: 'JX-HZ-2026-008',
    amountYuan: 900_000,
    signedOn: '2026-06-08',
    rdRegion: DAXING,
    lastEntryOn: '2026-11-02',
    milestones: [{ title: '样机在大兴飞地孵化中心完成', dueOn: '2026-12-20' }],
  },
  // Signed in 2025, landed in 2026.
  {
    title: '大蒜播种收获一体化农机成果转化',
    kind: 'transfer',
    stage: 'landed',
    enterprises: ['金乡县智造装备有限公司'],
    institutes: ['济宁智能制造产业技术研究院'],
    contractNo: 'JX-HZ-2025-011',
    amountYuan: 600_000,
    signedOn: '2025-09-12',
    landedOn: '2026-03-28',
    landedPlace: '金乡县高新区',
    lastEntryOn: '2026-04-10',
  },
  {
    title: '大蒜素饲料添加剂技术许可',
    kind: 'license',
    stage: 'landed',
    enterprises: ['山东蒜都生物科技有限公司'],
    institutes: ['山东农业大学'],
    contractNo: 'JX-HZ-2025-014',
    amountYuan: 350_000,
    signedOn: '2025-10-20',
    landedOn: '2026-05-16',
    landedPlace: '金乡县食品产业园',
    lastEntryOn: '2026-05-20',
  },
  {
    title: '化工废水高级氧化处理示范工程',
    kind: 'service',
    stage: 'landed',
    enterprises: ['山东金乡金源化工有限公司'],
    institutes: ['北京化工大学'],
    contractNo: 'JX-HZ-2025-016',
    amountYuan: 800_000,
    signedOn: '2025-11-05',
    landedOn: '2026-06-30',
    landedPlace: '金乡县化工园区',
    lastEntryOn: '2026-07-02',
  },
  {
    title: '数字孪生车间建设技术咨询（飞地研发）',
    kind: 'consulting',
    stage: 'landed',
    enterprises: ['金乡县智造装备有限公司'],
    institutes: ['清华大学'],
    contractNo: 'JX-HZ-2025-018',
    amountYuan: 500_000,
    signedOn: '2025-12-01',
    landedOn: '2026-07-25',
    landedPlace: '金乡县高新区',
    rdRegion: DAXING,
    lastEntryOn: '2026-08-01',
  },
  {
    title: '高性能聚合物中试技术转让',
    kind: 'transfer',
    stage: 'landed',
    enterprises: ['山东衡兴新材料有限公司'],
    institutes: ['山东大学'],
    contractNo: 'JX-HZ-2025-020',
    amountYuan: 1_100_000,
    signedOn: '2025-12-18',
    landedOn: '2026-10-10',
    landedPlace: '金乡经济开发区',
    lastEntryOn: '2026-10-12',
  },
  // Still open or stopped: not in the year's figures.
  {
    title: '大蒜副产物膳食纤维开发',
    kind: 'development',
    stage: 'intention',
    enterprises: ['金乡县绿源食品有限公司'],
    institutes: ['齐鲁工业大学'],
    need: '大蒜加工副产物高值化利用',
    contractNo: '',
    amountYuan: 0,
    lastEntryOn: '2026-07-05',
  },
  {
    title: '超临界萃取中试合作',
    kind: 'development',
    stage: 'stopped',
    enterprises: ['山东蒜都生物科技有限公司'],
    institutes: ['中国科学院'],
    contractNo: 'JX-HZ-2025-009',
    amountYuan: 700_000,
    signedOn: '2025-06-10',
    stoppedReason: '企业调整产品方向，双方协商终止',
    lastEntryOn: '2026-02-10',
  },
];

/** A valid 统一社会信用代码 (same scheme as the foundation's demo enterprises, serials from 101). */
const creditCode = (serial: number) => {
  const first17 = `91${JX}${String(serial).padStart(8, '0')}X`;
  return first17 + creditCodeCheckChar(first17);
};

/**
 * A project's dates in the loading year: a signed project is the year's story (`day`), one never
 * signed keeps its distance from today (`ago`), so an intention quiet for months stays red that long.
 */
function placeProject(p: DemoProject, cal: DemoCalendar): DemoProject {
  const on = p.signedOn ? cal.day : cal.ago;
  return {
    ...p,
    contractNo: cal.relabel(p.contractNo),
    signedOn: p.signedOn && on(p.signedOn),
    landedOn: p.landedOn && on(p.landedOn),
    lastEntryOn: on(p.lastEntryOn),
    milestones: p.milestones?.map((m) => ({ ...m, dueOn: on(m.dueOn), doneOn: m.doneOn && on(m.doneOn) })),
    outputs: p.outputs?.map((o) => ({ ...o, on: on(o.on) })),
  };
}

/**
 * The article's matchmaking path for the year: needs, achievements, 18 events with sign-ins and
 * pairings, 8 signed cooperation projects and 9 landed, one in the Beijing 大兴 enclave (R&D in
 * Beijing, commercialised in Jinxiang), all served by the helper 王芳. Idempotent: skips when a
 * demo event exists, whichever year it was loaded in. Runs on the owner connection (demo data spans regions).
 */
export async function loadMatchmakingDemo(db: Database, clock: Clock): Promise<void> {
  const owner = db.owner;
  const [done] = await owner
    .select({ id: matchmakingEvents.id })
    .from(matchmakingEvents)
    .where(and(eq(matchmakingEvents.regionCode, JX), like(matchmakingEvents.checkinToken, 'demo-checkin-%')));
  if (done) return;
  const cal = demoCalendar(clock);
  // A day of the year's story, written as told, at an hour in China.
  const at = (written: string, hour?: number) => cal.at(cal.day(written), hour);
  const projectIds = await owner.transaction(async (tx) => {
    const people = new Map(
      (await tx.select({ id: users.id, username: users.username }).from(users)).map((u) => [
        u.username,
        u.id,
      ]),
    );
    const staff = people.get('jx_staff') ?? null;
    const helper = people.get('jx_helper');
    const lead = people.get('jx_lead') ?? null;
    if (!helper) return [];
    const industryId = new Map(
      (
        await tx
          .select({ id: industries.id, code: industries.code })
          .from(industries)
          .where(eq(industries.regionCode, JX))
      ).map((i) => [i.code, i.id]),
    );
    let serial = 101;
    for (const e of MORE_ENTERPRISES)
      await tx
        .insert(enterprises)
        .values({
          regionCode: JX,
          creditCode: creditCode(serial++),
          name: e.name,
          searchText: searchTextOf(e.name),
          industryId: industryId.get(e.industry) ?? null,
          scale: e.scale,
          address: '金乡县',
          contactName: e.contact,
          contactPhone: e.phone,
        })
        .onConflictDoNothing();
    for (const i of MORE_INSTITUTES)
      await tx
        .insert(institutes)
        .values({ ...i, regionCode: JX, searchText: searchTextOf(i.name) })
        .onConflictDoNothing();
    const idsOf = async () => ({
      enterprise: new Map(
        (
          await tx
            .select({ id: enterprises.id, name: enterprises.name })
            .from(enterprises)
            .where(eq(enterprises.regionCode, JX))
        ).map((e) => [e.name, e.id]),
      ),
      institute: new Map(
        (
          await tx
            .select({ id: institutes.id, name: institutes.name })
            .from(institutes)
            .where(eq(institutes.regionCode, JX))
        ).map((e) => [e.name, e.id]),
      ),
    });
    const ids = await idsOf();
    for (const x of EXPERTS) {
      const instituteId = ids.institute.get(x.institute);
      if (!instituteId) continue;
      const [exists] = await tx
        .select({ id: experts.id })
        .from(experts)
        .where(and(eq(experts.instituteId, instituteId), eq(experts.name, x.name)));
      if (!exists)
        await tx.insert(experts).values({
          regionCode: JX,
          instituteId,
          name: x.name,
          searchText: searchTextOf(x.name),
          title: x.title,
          field: x.field,
        });
    }

    const achievementId = new Map<string, string>();
    for (const a of ACHIEVEMENTS) {
      const instituteId = ids.institute.get(a.institute);
      if (!instituteId) continue;
      const [row] = await tx
        .insert(achievements)
        .values({
          regionCode: JX,
          instituteId,
          title: a.title,
          abstract: a.abstract,
          keywords: a.keywords,
          industryId: industryId.get(a.industry) ?? null,
          trl: a.trl,
          ipType: a.ipType,
          ipNumbers: a.ipNumbers ?? [],
          cooperationForms: a.forms,
          createdAt: at('2026-01-05'),
          updatedAt: at('2026-01-05'),
          createdBy: staff,
        })
        .returning({ id: achievements.id });
      if (row) achievementId.set(a.title, row.id);
    }

    const needId = new Map<string, string>();
    for (const n of NEEDS) {
      const enterpriseId = ids.enterprise.get(n.enterprise);
      if (!enterpriseId) continue;
      const [row] = await tx
        .insert(techNeeds)
        .values({
          regionCode: JX,
          enterpriseId,
          title: n.title,
          description: n.description,
          keywords: n.keywords,
          industryId: industryId.get(n.industry) ?? null,
          budgetMinFen: n.budget[0] * 100,
          budgetMaxFen: n.budget[1] * 100,
          cooperationForms: n.forms,
          deadline: null,
          contactName: MORE_ENTERPRISES.find((e) => e.name === n.enterprise)?.contact ?? '',
          contactPhone: MORE_ENTERPRISES.find((e) => e.name === n.enterprise)?.phone ?? '',
          stage: n.stage,
          stageChangedAt: at(n.on, 15),
          createdAt: at(n.on),
          updatedAt: at(n.on, 15),
          createdBy: staff,
        })
        .returning({ id: techNeeds.id });
      if (row) needId.set(n.title, row.id);
    }

    const eventId = new Map<string, string>();
    let tokenSerial = 0;
    for (const e of EVENTS) {
      const [row] = await tx
        .insert(matchmakingEvents)
        .values({
          regionCode: JX,
          title: cal.relabel(e.title),
          kind: e.kind,
          heldOn: cal.day(e.on),
          place: e.place,
          isOnline: e.isOnline ?? false,
          organiser: e.organiser,
          summary: '',
          // Demo tokens are fixed so the printed QR codes stay valid across restarts of the demo.
          checkinToken: `demo-checkin-${cal.year}-${String(++tokenSerial).padStart(2, '0')}-jinxiang`,
          createdAt: at(e.on, 8),
          updatedAt: at(e.on, 8),
          createdBy: staff,
        })
        .returning({ id: matchmakingEvents.id });
      if (!row) continue;
      eventId.set(e.title, row.id);
      const participants = e.invited.flatMap((name) => {
        const enterpriseId = ids.enterprise.get(name) ?? null;
        const instituteId = enterpriseId ? null : (ids.institute.get(name) ?? null);
        if (!enterpriseId && !instituteId) return [];
        const absent = e.absent?.includes(name);
        return [
          {
            regionCode: JX,
            eventId: row.id,
            partyKind: enterpriseId ? 'enterprise' : 'institute',
            enterpriseId,
            instituteId,
            orgName: name,
            isInvited: true,
            attendedAt: absent ? null : at(e.on, 9),
            attendeeName: absent ? '' : '现场签到',
          },
        ];
      });
      if (participants.length) await tx.insert(eventParticipants).values(participants);
      const items = [
        ...(e.needs ?? []).flatMap((t) =>
          needId.get(t) ? [{ regionCode: JX, eventId: row.id, needId: needId.get(t) }] : [],
        ),
        ...(e.achievements ?? []).flatMap((t) =>
          achievementId.get(t)
            ? [{ regionCode: JX, eventId: row.id, achievementId: achievementId.get(t) }]
            : [],
        ),
      ];
      if (items.length) await tx.insert(eventItems).values(items);
    }

    const pairingId = new Map<string, { id: string; eventId: string | null }>();
    for (const p of PAIRINGS) {
      const need = needId.get(p.need);
      const instituteId = ids.institute.get(p.institute);
      if (!need || !instituteId) continue;
      const event = p.event ? (eventId.get(p.event) ?? null) : null;
      const heldOn = EVENTS.find((e) => e.title === p.event)?.on ?? '2026-06-01';
      const [row] = await tx
        .insert(needPairings)
        .values({
          regionCode: JX,
          needId: need,
          instituteId,
          achievementId: p.achievement ? (achievementId.get(p.achievement) ?? null) : null,
          source: event ? 'event' : 'recommendation',
          eventId: event,
          outcome: p.outcome,
          createdAt: at(heldOn, 11),
          createdBy: staff,
        })
        .returning({ id: needPairings.id });
      if (row) pairingId.set(p.need, { id: row.id, eventId: event });
    }

    // Recommendations the bureau turned down, with the reasons reported per institute.
    for (const r of REJECTIONS) {
      const need = needId.get(r.need);
      const instituteId = ids.institute.get(r.institute);
      if (!need || !instituteId) continue;
      await tx.insert(recommendationRejections).values({
        regionCode: JX,
        needId: need,
        instituteId,
        reason: r.reason,
        note: r.note,
        createdAt: at('2026-08-20', 10),
        createdBy: staff,
      });
    }

    const created: string[] = [];
    for (const written of PROJECTS) {
      const p = placeProject(written, cal);
      const pairing = p.need ? pairingId.get(p.need) : undefined;
      const enterpriseIds = p.enterprises.flatMap((n) => ids.enterprise.get(n) ?? []);
      const instituteIds = p.institutes.flatMap((n) => ids.institute.get(n) ?? []);
      const startedOn = p.signedOn ?? p.lastEntryOn;
      const stageOn = p.landedOn ?? p.signedOn ?? p.lastEntryOn;
      const [row] = await tx
        .insert(cooperationProjects)
        .values({
          regionCode: JX,
          rdRegionCode: p.rdRegion ?? JX,
          title: p.title,
          kind: p.kind,
          stage: p.stage,
          contractNo: p.contractNo,
          amountFen: p.amountYuan * 100,
          signedOn: p.signedOn ?? null,
          landedOn: p.landedOn ?? null,
          landedPlace: p.landedPlace ?? '',
          stoppedReason: p.stoppedReason ?? '',
          sourceEventId: pairing?.eventId ?? null,
          sourcePairingId: pairing?.id ?? null,
          needId: p.need ? (needId.get(p.need) ?? null) : null,
          enterpriseIds,
          instituteIds,
          description: '',
          stageChangedAt: cal.at(stageOn, 16),
          lastEntryOn: p.lastEntryOn,
          createdAt: cal.at(startedOn, 10),
          updatedAt: cal.at(p.lastEntryOn, 17),
          createdBy: lead,
        })
        .returning({ id: cooperationProjects.id });
      if (!row) continue;
      created.push(row.id);
      await tx.insert(projectParties).values([
        ...enterpriseIds.map((enterpriseId) => ({
          regionCode: JX,
          projectId: row.id,
          partyKind: 'enterprise',
          enterpriseId,
        })),
        ...instituteIds.map((instituteId) => ({
          regionCode: JX,
          projectId: row.id,
          partyKind: 'institute',
          instituteId,
        })),
      ]);
      await addDemoHistory(tx, row.id, p, { helper, lead }, cal);
      for (const m of p.milestones ?? [])
        await tx.insert(projectMilestones).values({
          regionCode: JX,
          projectId: row.id,
          title: m.title,
          dueOn: m.dueOn,
          doneOn: m.doneOn ?? null,
        });
      for (const o of p.outputs ?? [])
        await tx.insert(projectOutputs).values({
          regionCode: JX,
          projectId: row.id,
          kind: o.kind,
          title: o.title,
          amountFen: o.amountYuan ? o.amountYuan * 100 : null,
          recordedOn: o.on,
        });
    }
    return created;
  });
  if (projectIds.length === 0) return;
  // Lights as the scheduled job would compute them (one provider here: projects).
  const supervision = createSupervisionService({
    db,
    clock,
    notifier: inboxNotifier,
    providers: [projectSupervisedItems],
  });
  await owner.transaction(async (tx) => {
    await supervision.refreshItems(tx, 'project', projectIds);
    // A project quiet for months has been red that long (see recruitment-demo.ts).
    await supervision.dateLightsFromPast(tx, 'project', projectIds);
  });
}

/** Stage entries and the helper assignment (one hand-over on the first project, to show one). */
async function addDemoHistory(
  tx: Tx,
  projectId: string,
  p: DemoProject,
  people: { helper: string; lead: string | null },
  cal: DemoCalendar,
) {
  const entry = (on: string, content: string, kind: string, stageFrom?: string, stageTo?: string) => ({
    regionCode: JX,
    projectId,
    kind,
    on,
    content,
    stageFrom: stageFrom ?? null,
    stageTo: stageTo ?? null,
    authorId: people.lead,
    authorName: '李强',
    createdAt: cal.at(on, 17),
  });
  const start = p.signedOn ?? p.lastEntryOn;
  const rows = [entry(start, '登记合作意向', 'stage', undefined, 'intention')];
  if (p.signedOn)
    rows.push(entry(p.signedOn, `意向 → 签约（合同 ${p.contractNo}）`, 'stage', 'intention', 'signed'));
  if (p.landedOn)
    rows.push(entry(p.landedOn, `验收 → 转化落地（${p.landedPlace ?? ''}）`, 'stage', 'accepted', 'landed'));
  if (p.stage === 'stopped')
    rows.push(entry(p.lastEntryOn, `终止：${p.stoppedReason ?? ''}`, 'stage', 'signed', 'stopped'));
  rows.push(entry(p.lastEntryOn, '帮办专员走访企业，了解项目进展和困难诉求', 'progress'));
  await tx.insert(projectEntries).values(rows);
  await tx.insert(projectHelperAssignments).values({
    regionCode: JX,
    projectId,
    helperId: people.helper,
    startedAt: cal.at(start, 10),
    assignedBy: people.lead,
    reason: '一项目一专员',
  });
}
