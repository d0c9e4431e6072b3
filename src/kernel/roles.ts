import { registerEnumType } from 'type-graphql';

/**
 * Who a user is in the admission system — the platform's role vocabulary, shared by every
 * module (as Vendure's `Permission` enum is). The jurisdiction that goes with each role is
 * on the user (src/auth/role.ts ROLE_BINDING); what each role may read and do is
 * src/auth/permissions.ts.
 */
export enum Role {
  ADMIN = 'ADMIN',
  REVIEWER = 'REVIEWER',
  COMMITTEE_SECRETARY = 'COMMITTEE_SECRETARY',
  DEPARTMENT_USER = 'DEPARTMENT_USER',
  TOWNSHIP_USER = 'TOWNSHIP_USER',
  COMMUNITY_USER = 'COMMUNITY_USER',
  ANALYST = 'ANALYST',
  INSPECTOR = 'INSPECTOR',
  INTEGRATION = 'INTEGRATION',
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  ADMIN: { zh: '系统管理员', en: 'Administrator' },
  REVIEWER: { zh: '审核人员（县委社会工作部）', en: "Reviewer (county social work department)" },
  COMMITTEE_SECRETARY: { zh: '县委常委会议事秘书', en: 'County committee secretary' },
  DEPARTMENT_USER: { zh: '部门经办人员', en: 'Department user' },
  TOWNSHIP_USER: { zh: '乡镇（街道）工作人员', en: 'Township user' },
  COMMUNITY_USER: { zh: '村（社区）工作者', en: 'Community worker' },
  ANALYST: { zh: '统计分析人员', en: 'Analyst' },
  INSPECTOR: { zh: '督查人员', en: 'Inspector' },
  INTEGRATION: { zh: '平台对接服务账号', en: 'Integration service account' },
};

registerEnumType(Role, {
  name: 'Role',
  description: '用户角色。User role.',
  valuesConfig: Object.fromEntries(
    Object.entries(ROLE_LABELS).map(([k, v]) => [k, { description: `${v.zh}。${v.en}.` }]),
  ),
});

/** Roles whose jurisdiction is a whole county. */
export const COUNTY_STAFF = [Role.REVIEWER, Role.INSPECTOR, Role.COMMITTEE_SECRETARY, Role.ANALYST];
/** Roles that handle refusals and run supervision in their county. */
export const SUPERVISORS = [Role.REVIEWER, Role.INSPECTOR];
/** Every human role (not the integration service account). */
export const PEOPLE = Object.values(Role).filter((r) => r !== Role.INTEGRATION);
