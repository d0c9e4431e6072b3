import type { MikroORM } from '@mikro-orm/postgresql';
import { Region, RegionLevel, TownshipKind } from '../../src/geography/region.entity';
import { Community, CommunityType } from '../../src/geography/community.entity';
import { Department } from '../../src/organisation/department.entity';
import { User } from '../../src/auth/user.entity';
import { Role } from '../../src/kernel/roles';
import { hashPassword } from '../../src/auth/credentials';
import { toGlobalId } from '../../src/kernel/global-id';

export interface TestCounty {
  countyId: string;
  countyCode: string;
  townshipIds: string[];
  communities: Array<{ id: string; code: string; townshipId: string }>;
  departments: Record<'civil' | 'housing' | 'emergency', string>;
  /** usernames: reviewer, secretary, civil, housing, emergency (password `Test@2026`) */
  users: Record<'reviewer' | 'secretary' | 'civil' | 'housing' | 'emergency', string>;
}

export const TEST_PASSWORD = 'Test@2026';

/**
 * A second, small county under 雅安市 (not the demo county): 2 townships, 6 communities,
 * 3 departments and its own reviewer, committee secretary and department users —
 * so a test can take a county from no lists to published lists and through admission.
 */
export async function createTestCounty(orm: MikroORM, code = '511829', name = '示范县'): Promise<TestCounty> {
  const em = orm.em.fork();
  const city = await em.findOneOrFail(Region, { code: '511800' });
  const hash = await hashPassword(TEST_PASSWORD);
  const county = em.create(Region, { code, name, level: RegionLevel.COUNTY, parent: city });
  const townships = [0, 1].map((i) =>
    em.create(Region, {
      code: `${code}10${i}000`,
      name: `${name.slice(0, 1)}${['东', '西'][i]}镇`,
      level: RegionLevel.TOWNSHIP,
      kind: TownshipKind.TOWN,
      parent: county,
    }),
  );
  const communities = [0, 1, 2, 3, 4, 5].map((i) =>
    em.create(Community, {
      code: `${code}10${i % 2}20${i}`,
      name: `${['红旗', '团结', '新华', '光明', '幸福', '和平'][i]}村`,
      type: CommunityType.VILLAGE,
      township: townships[i % 2],
      county,
      population: 1200 + i * 100,
      households: 400 + i * 30,
    }),
  );
  const dept = (n: string, s: string) => em.create(Department, { name: `${name}${n}`, shortName: s, region: county, category: '政府工作部门' });
  const departments = { civil: dept('民政局', '县民政局'), housing: dept('住房和城乡建设局', '县住建局'), emergency: dept('应急管理局', '县应急局') };
  const prefix = `t${code}`;
  const user = (key: string, role: Role, binding: object) =>
    em.create(User, { username: `${prefix}_${key}`, displayName: key, role, passwordHash: hash, ...binding });
  user('reviewer', Role.REVIEWER, { region: county });
  user('secretary', Role.COMMITTEE_SECRETARY, { region: county });
  user('civil', Role.DEPARTMENT_USER, { department: departments.civil });
  user('housing', Role.DEPARTMENT_USER, { department: departments.housing });
  user('emergency', Role.DEPARTMENT_USER, { department: departments.emergency });
  await em.flush();
  return {
    countyId: toGlobalId('Region', county.id),
    countyCode: code,
    townshipIds: townships.map((t) => toGlobalId('Region', t.id)),
    communities: communities.map((c, i) => ({ id: toGlobalId('Community', c.id), code: c.code, townshipId: toGlobalId('Region', townships[i % 2].id) })),
    departments: {
      civil: toGlobalId('Department', departments.civil.id),
      housing: toGlobalId('Department', departments.housing.id),
      emergency: toGlobalId('Department', departments.emergency.id),
    },
    users: {
      reviewer: `${prefix}_reviewer`,
      secretary: `${prefix}_secretary`,
      civil: `${prefix}_civil`,
      housing: `${prefix}_housing`,
      emergency: `${prefix}_emergency`,
    },
  };
}
