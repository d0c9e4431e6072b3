/**
 * Demo data requirements (数据需求) of the demo county: which departments ask the
 * communities for which data elements, so that collect-once (一次采集、多方共享) has
 * something to show. Departments and elements are named by short name and code.
 *
 *  - 80周岁以上老年人数 (collected on the platform): 县民政局 (ledger, monthly), 县卫生健康局
 *    (application, quarterly), 县医疗保障局 (app, 城东街道 only) — all in the sharing scope,
 *    and 县统计局 — outside it.
 *  - 耕地面积 (not on the platform): 县农业农村局 and 县自然资源局, both in scope.
 *  - 农村留守老年人数 (not on the platform): 县民政局 in scope, 县卫生健康局 outside it.
 *  - 适龄儿童入学人数: 县教育局 alone.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CollectionFrequency, DataRequirementSource } from '../../platform';
import { recordDataRequirement } from '../../platform';
import { DEMO_COUNTY, DEMO_TOWNSHIPS } from './demo-county';

export const DEMO_REQUIREMENT_PERIOD = '2026';

interface SeedRequirement {
  department: string;
  element: string;
  /** Region code: the county, or a township. */
  region: string;
  frequency: CollectionFrequency;
  source: DataRequirementSource;
  sourceRef: string;
}

const { LEDGER, APPLICATION, APP } = DataRequirementSource;
const COUNTY = DEMO_COUNTY.code;
const CHENGDONG = DEMO_TOWNSHIPS[0].code;

export const DEMO_DATA_REQUIREMENTS: SeedRequirement[] = [
  { department: '县民政局', element: 'DE.RK.0003', region: COUNTY, frequency: CollectionFrequency.MONTHLY, source: LEDGER, sourceRef: '台账·高龄老人花名册' },
  {
    department: '县卫生健康局',
    element: 'DE.RK.0003',
    region: COUNTY,
    frequency: CollectionFrequency.QUARTERLY,
    source: APPLICATION,
    sourceRef: '申请·老年人健康管理服务',
  },
  { department: '县医疗保障局', element: 'DE.RK.0003', region: CHENGDONG, frequency: CollectionFrequency.YEARLY, source: APP, sourceRef: 'APP-511828-YB' },
  { department: '县统计局', element: 'DE.RK.0003', region: COUNTY, frequency: CollectionFrequency.YEARLY, source: LEDGER, sourceRef: '台账·人口抽样调查表' },
  {
    department: '县农业农村局',
    element: 'DE.NY.0001',
    region: COUNTY,
    frequency: CollectionFrequency.YEARLY,
    source: LEDGER,
    sourceRef: '台账·耕地承包情况表',
  },
  {
    department: '县自然资源局',
    element: 'DE.NY.0001',
    region: COUNTY,
    frequency: CollectionFrequency.YEARLY,
    source: APPLICATION,
    sourceRef: '申请·耕地保护核查',
  },
  {
    department: '县民政局',
    element: 'DE.JZ.0004',
    region: COUNTY,
    frequency: CollectionFrequency.QUARTERLY,
    source: LEDGER,
    sourceRef: '台账·农村留守老年人关爱台账',
  },
  {
    department: '县卫生健康局',
    element: 'DE.JZ.0004',
    region: COUNTY,
    frequency: CollectionFrequency.YEARLY,
    source: APPLICATION,
    sourceRef: '申请·留守老人健康随访',
  },
  { department: '县教育局', element: 'DE.JY.0001', region: COUNTY, frequency: CollectionFrequency.YEARLY, source: LEDGER, sourceRef: '台账·适龄儿童入学统计' },
];

/** Writes the demo requirements (after the departments, regions and elements are flushed). Returns how many. */
export async function seedDemoDataRequirements(em: EntityManager): Promise<number> {
  const departments: Array<{ id: number; short_name: string }> = await em.execute(
    'select d.id, d.short_name from department d join region r on r.id = d.region_id where r.code = ?',
    [DEMO_COUNTY.code],
  );
  const elements: Array<{ id: number; code: string }> = await em.execute('select id, code from data_element');
  const regions: Array<{ id: number; code: string }> = await em.execute('select id, code from region where code like ?', [`${DEMO_COUNTY.code}%`]);
  const id = <T extends { id: number }>(rows: T[], match: (r: T) => boolean, what: string) => {
    const row = rows.find(match);
    if (!row) throw new Error(`demo data requirement: unknown ${what}`);
    return row.id;
  };
  for (const r of DEMO_DATA_REQUIREMENTS) {
    await recordDataRequirement(em, {
      departmentId: id(departments, (d) => d.short_name === r.department, r.department),
      dataElementId: id(elements, (e) => e.code === r.element, r.element),
      regionId: id(regions, (g) => g.code === r.region, r.region),
      period: DEMO_REQUIREMENT_PERIOD,
      frequency: r.frequency,
      source: r.source,
      sourceRef: r.sourceRef,
    });
  }
  return DEMO_DATA_REQUIREMENTS.length;
}
