// The matchmaking demo's organisations beyond the foundation's: enterprises with needs, institutes
// with achievements, their experts (Jinxiang, 370828).

export const JX = '370828';

export const MORE_ENTERPRISES = [
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

export const MORE_INSTITUTES = [
  { name: '江南大学', kind: 'university', level: 'national', city: '无锡' },
  { name: '中国农业大学', kind: 'university', level: 'national', city: '北京' },
  { name: '山东农业大学', kind: 'university', level: 'provincial', city: '泰安' },
  { name: '齐鲁工业大学', kind: 'university', level: 'provincial', city: '济南' },
];

export const EXPERTS = [
  { institute: '江南大学', name: '钱卫东', title: '教授', field: '食品生物技术与功能成分提取' },
  { institute: '中国农业大学', name: '郑丽', title: '教授', field: '农产品加工与贮藏' },
  { institute: '北京化工大学', name: '胡志强', title: '教授', field: '精细化工与催化' },
  { institute: '北京理工大学', name: '许明', title: '研究员', field: '智能制造与工业机器人' },
];
