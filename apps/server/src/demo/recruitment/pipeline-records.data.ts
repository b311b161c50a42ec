import { contact, type DemoRecord } from './demo-record.ts';

/**
 * The rest of the year's pipeline: three more institutes recruited (签约 or beyond), the open leads
 * and the shelved ones. Written with the dates of the year the story was told (see demo-calendar.ts).
 */
export const PIPELINE_RECORDS: DemoRecord[] = [
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
