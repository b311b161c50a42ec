// Achievements of the institutes the demo's events present (dates of the year the story was told).

export type DemoAchievement = {
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

export const ACHIEVEMENTS: DemoAchievement[] = [
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
