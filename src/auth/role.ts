import { registerEnumType } from 'type-graphql';

/** Who a user is in the admission system; the jurisdiction that goes with each role is on the user. */
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

/**
 * What each role's jurisdiction is bound to. A role listed here must have that binding;
 * the jurisdiction region of a REVIEWER / COMMITTEE_SECRETARY is a county.
 */
export const ROLE_BINDING: Record<Role, 'region' | 'department' | 'community' | 'none'> = {
  ADMIN: 'none',
  REVIEWER: 'region',
  COMMITTEE_SECRETARY: 'region',
  DEPARTMENT_USER: 'department',
  TOWNSHIP_USER: 'region',
  COMMUNITY_USER: 'community',
  ANALYST: 'region',
  INSPECTOR: 'region',
  INTEGRATION: 'none',
};
