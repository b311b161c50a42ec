import type { ProjectKind, ProjectStage } from '@gaodi/contracts';

/** The Beijing 大兴 enclave: R&D there, commercialised in Jinxiang. */
export const DAXING = '110115';

export type DemoProject = {
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
export const PROJECTS: DemoProject[] = [
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
