import type { Platform } from '@gaodi/contracts';

/** The article's six platforms in physical operation, with their partners. */
export const PLATFORMS: {
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
