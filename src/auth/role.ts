import { Role } from '../kernel/roles';

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
