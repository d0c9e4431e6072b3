import { defineEnum } from './enums';

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
defineEnum(Role, 'Role', '用户角色。User role.', {
  ADMIN: ['系统管理员', 'Administrator'],
  REVIEWER: ['审核人员（县委社会工作部）', 'Reviewer (county social work department)'],
  COMMITTEE_SECRETARY: ['县委常委会议事秘书', 'County committee secretary'],
  DEPARTMENT_USER: ['部门经办人员', 'Department user'],
  TOWNSHIP_USER: ['乡镇（街道）工作人员', 'Township user'],
  COMMUNITY_USER: ['村（社区）工作者', 'Community worker'],
  ANALYST: ['统计分析人员', 'Analyst'],
  INSPECTOR: ['督查人员', 'Inspector'],
  INTEGRATION: ['平台对接服务账号', 'Integration service account'],
});

/** Roles whose jurisdiction is a whole county. */
export const COUNTY_STAFF = [Role.REVIEWER, Role.INSPECTOR, Role.COMMITTEE_SECRETARY, Role.ANALYST];
/** Roles that handle refusals and run supervision in their county. */
export const SUPERVISORS = [Role.REVIEWER, Role.INSPECTOR];
/** Every human role (not the integration service account). */
export const PEOPLE = Object.values(Role).filter((r) => r !== Role.INTEGRATION);
