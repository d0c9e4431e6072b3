import type { EntityManager } from '@mikro-orm/postgresql';
import { Region, RegionLevel, TownshipKind } from '../../geography';
import { Community, CommunityType } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { ApiToken } from '../../auth';
import { Role } from '../../kernel/roles';
import { hashApiToken, hashPassword } from '../../auth';
import { DEMO_CITY, DEMO_COMMUNITIES, DEMO_COUNTY, DEMO_DEPARTMENTS, DEMO_PROVINCE, DEMO_TOWNSHIPS, type SeedRegion } from './demo-county';
import { DEMO_DATA_ELEMENTS } from './demo-data-elements';
import { seedDemoDataRequirements } from './demo-data-requirements';
import { seedDemoCertificates } from './demo-certificates';
import { DataElement } from '../../platform';
import { seedDemoLists } from './demo-lists';
import { seedDemoRegistry } from './demo-registry';

/** The password of every demo account (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'Zhunru@2026';
/** The demo integration account's API token (documented in the README; demo data only). */
export const DEMO_INTEGRATION_TOKEN = 'zr_demo_integration_token_qingyi_511828_do_not_use_in_production';

export interface SeedSummary {
  regions: number;
  communities: number;
  departments: number;
  users: number;
  dataElements: number;
}

/**
 * Loads the demo county (青衣县, a fictional county of 雅安市, 四川省) with its townships,
 * communities, departments and one account per role — only into a database without
 * regions. Returns what it wrote, or null when the database was not empty.
 */
export async function seedDemoCounty(em: EntityManager): Promise<SeedSummary | null> {
  if ((await em.count(Region, {})) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return em.transactional(async (tx) => {
    const regions = new Map<string, Region>();
    const addRegion = (r: SeedRegion) => {
      const region = tx.create(Region, {
        code: r.code,
        name: r.name,
        level: r.level as RegionLevel,
        kind: (r.kind as TownshipKind | undefined) ?? null,
        parent: r.parentCode ? regions.get(r.parentCode)! : null,
      });
      regions.set(r.code, region);
      return region;
    };
    [DEMO_PROVINCE, DEMO_CITY, DEMO_COUNTY, ...DEMO_TOWNSHIPS].forEach(addRegion);
    const county = regions.get(DEMO_COUNTY.code)!;

    const communities = DEMO_COMMUNITIES.map((c) =>
      tx.create(Community, {
        code: c.code,
        name: c.name,
        type: c.type as CommunityType,
        township: regions.get(c.townshipCode)!,
        county,
        population: c.population,
        households: c.households,
      }),
    );
    const departments = DEMO_DEPARTMENTS.map((d) =>
      tx.create(Department, {
        name: d.name,
        shortName: d.shortName,
        uscc: d.uscc,
        category: d.category,
        region: regions.get(d.regionCode)!,
      }),
    );
    const dept = (name: string) => departments.find((d) => d.name.includes(name)) ?? departments[0];
    const firstTownship = regions.get(DEMO_TOWNSHIPS[0].code)!;
    const firstCommunity = communities.find((c) => c.township.id === firstTownship.id) ?? communities[0];

    const user = (username: string, displayName: string, role: Role, binding: { region?: Region; department?: Department; community?: Community } = {}) =>
      tx.create(User, { username, displayName, role, passwordHash: role === Role.INTEGRATION ? null : passwordHash, ...binding });
    const users = [
      user('admin', '系统管理员', Role.ADMIN),
      user('reviewer', '县委社会工作部 审核员 王芳', Role.REVIEWER, { region: county }),
      user('secretary', '县委办公室 常委会议事秘书 李强', Role.COMMITTEE_SECRETARY, { region: county }),
      user('dept_civil', `${dept('民政局').shortName} 经办人 张伟`, Role.DEPARTMENT_USER, { department: dept('民政局') }),
      user('township', `${firstTownship.name} 工作人员 刘洋`, Role.TOWNSHIP_USER, { region: firstTownship }),
      user('community', `${firstCommunity.name} 社区工作者 陈静`, Role.COMMUNITY_USER, { community: firstCommunity }),
      user('analyst', '县委社会工作部 统计分析员 杨帆', Role.ANALYST, { region: county }),
      user('inspector', '县联合督查组 督查员 赵敏', Role.INSPECTOR, { region: county }),
      user('integration', '一体化政务服务平台对接服务', Role.INTEGRATION),
    ];
    for (const e of DEMO_DATA_ELEMENTS) {
      const element = tx.create(DataElement, {
        code: e.code,
        name: e.name,
        definition: e.definition,
        unit: e.unit,
        collectedOnPlatform: e.collectedOnPlatform,
        sourceSystem: e.sourceSystem,
      });
      element.sharedWith.set(departments.filter((d, i) => DEMO_DEPARTMENTS[i].regionCode === DEMO_COUNTY.code && e.sharedWith.includes(d.shortName)));
    }
    const integration = users[users.length - 1];
    tx.create(ApiToken, {
      user: integration,
      name: '演示：平台同步任务 (demo sync workers)',
      prefix: DEMO_INTEGRATION_TOKEN.slice(0, 12),
      tokenHash: hashApiToken(DEMO_INTEGRATION_TOKEN),
    });
    seedDemoCertificates(tx, county);
    await tx.flush();
    await seedDemoDataRequirements(tx);
    await seedDemoLists(tx, { province: regions.get(DEMO_PROVINCE.code)!, county, reviewer: users[1] });
    await seedDemoRegistry(tx, { county, communities, departments, users });
    return {
      regions: regions.size,
      communities: communities.length,
      departments: departments.length,
      users: users.length,
      dataElements: DEMO_DATA_ELEMENTS.length,
    };
  });
}
