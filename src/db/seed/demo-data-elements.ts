/**
 * Demo data element catalogue (数据元目录): the items departments most often ask
 * communities to count, with what the one-stop platform already collects and which
 * departments may read each (共享范围, by the department's short name).
 */
export interface SeedDataElement {
  code: string;
  name: string;
  definition: string;
  unit: string | null;
  collectedOnPlatform: boolean;
  sourceSystem: string | null;
  sharedWith: string[];
}

const POPULATION_DB = '四川省一体化政务服务平台·人口基础信息库';
const SOCIAL_DB = '四川省一体化政务服务平台·社会救助信息系统';

export const DEMO_DATA_ELEMENTS: SeedDataElement[] = [
  {
    code: 'DE.RK.0001',
    name: '户籍人口数',
    definition: '辖区内登记户籍的常住与非常住人口总数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: POPULATION_DB,
    sharedWith: ['县公安局', '县民政局', '县统计局', '县卫生健康局', '县教育局'],
  },
  {
    code: 'DE.RK.0002',
    name: '户数',
    definition: '辖区内登记户籍的户数',
    unit: '户',
    collectedOnPlatform: true,
    sourceSystem: POPULATION_DB,
    sharedWith: ['县公安局', '县民政局', '县统计局'],
  },
  {
    code: 'DE.RK.0003',
    name: '80周岁以上老年人数',
    definition: '户籍人口中年满80周岁的人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: POPULATION_DB,
    sharedWith: ['县民政局', '县卫生健康局', '县医疗保障局'],
  },
  {
    code: 'DE.RK.0004',
    name: '60周岁以上老年人数',
    definition: '户籍人口中年满60周岁的人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: POPULATION_DB,
    sharedWith: ['县民政局', '县卫生健康局', '县人力资源和社会保障局'],
  },
  {
    code: 'DE.RK.0005',
    name: '流动人口数',
    definition: '居住半年以上的非户籍人口',
    unit: '人',
    collectedOnPlatform: false,
    sourceSystem: null,
    sharedWith: ['县公安局'],
  },
  {
    code: 'DE.JZ.0001',
    name: '最低生活保障对象数',
    definition: '享受城乡最低生活保障的人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: SOCIAL_DB,
    sharedWith: ['县民政局', '县财政局', '县医疗保障局'],
  },
  {
    code: 'DE.JZ.0002',
    name: '特困供养人员数',
    definition: '纳入特困人员救助供养的人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: SOCIAL_DB,
    sharedWith: ['县民政局', '县财政局'],
  },
  {
    code: 'DE.JZ.0003',
    name: '困境儿童数',
    definition: '经认定的困境儿童人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: SOCIAL_DB,
    sharedWith: ['县民政局', '县教育局', '县妇联'],
  },
  {
    code: 'DE.JZ.0004',
    name: '农村留守老年人数',
    definition: '子女外出务工、留守农村的60周岁以上老年人',
    unit: '人',
    collectedOnPlatform: false,
    sourceSystem: null,
    sharedWith: ['县民政局'],
  },
  {
    code: 'DE.CJ.0001',
    name: '持证残疾人数',
    definition: '持第二代残疾人证的人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: '全国残疾人人口基础数据库',
    sharedWith: ['县残联', '县民政局'],
  },
  {
    code: 'DE.TY.0001',
    name: '退役军人数',
    definition: '户籍在辖区的退役军人人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: '退役军人信息采集系统',
    sharedWith: ['县退役军人事务局'],
  },
  {
    code: 'DE.YB.0001',
    name: '城乡居民医保参保人数',
    definition: '参加城乡居民基本医疗保险的人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: '四川省医疗保障信息平台',
    sharedWith: ['县医疗保障局', '县卫生健康局'],
  },
  {
    code: 'DE.SB.0001',
    name: '城乡居民养老保险参保人数',
    definition: '参加城乡居民基本养老保险的人数',
    unit: '人',
    collectedOnPlatform: true,
    sourceSystem: '四川省人社一体化信息平台',
    sharedWith: ['县人力资源和社会保障局'],
  },
  {
    code: 'DE.JY.0001',
    name: '适龄儿童入学人数',
    definition: '6至15周岁在校就读的儿童人数',
    unit: '人',
    collectedOnPlatform: false,
    sourceSystem: null,
    sharedWith: ['县教育局'],
  },
  {
    code: 'DE.NY.0001',
    name: '耕地面积',
    definition: '村集体经济组织承包耕地面积',
    unit: '亩',
    collectedOnPlatform: false,
    sourceSystem: null,
    sharedWith: ['县农业农村局', '县自然资源局'],
  },
  {
    code: 'DE.FX.0001',
    name: '地质灾害隐患点数',
    definition: '辖区内登记在册的地质灾害隐患点',
    unit: '处',
    collectedOnPlatform: true,
    sourceSystem: '四川省地质灾害监测预警平台',
    sharedWith: ['县自然资源局', '县应急管理局'],
  },
];
