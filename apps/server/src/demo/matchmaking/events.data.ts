import type { EventKind } from '@gaodi/contracts';

// The year's 18 matchmaking events, the pairings made at them and the recommendations turned down.

export const FIRST_EVENT = '2026年金乡县大蒜产业科技成果路演';

export type DemoEvent = {
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

export const BUREAU = '金乡县科学技术局';
export const EVENTS: DemoEvent[] = [
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
export const PAIRINGS: {
  need: string;
  institute: string;
  achievement?: string;
  event?: string;
  outcome: string;
}[] = [
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

export const REJECTIONS = [
  { need: '化工废水深度处理达标排放', institute: '天津大学', reason: 'too_early', note: '' },
  { need: '变压器绝缘状态在线监测', institute: '哈尔滨工业大学', reason: 'benefit_unclear', note: '' },
  {
    need: '装备制造车间数字化与预测性维护',
    institute: '哈尔滨工业大学',
    reason: 'other',
    note: '院所方向调整',
  },
];
