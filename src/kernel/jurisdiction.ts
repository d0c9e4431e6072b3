/**
 * Who may act on a record of a county, a community or a department. Roles are bound to a
 * jurisdiction (see src/auth/role.ts): county staff (reviewers, inspectors, committee secretaries, analysts)
 * to a county, township users to a township, community workers to a community,
 * department users to a department. What each may read is bounded at the data layer
 * (src/auth/permissions.ts READ_RULES); the guards below are for acting on a record:
 *  - community workers act on their own community's records;
 *  - reviewers and inspectors on their own county's;
 *  - department users on their own department's.
 */
import { Role, SUPERVISORS } from './roles';
import type { ActorScope as Scope } from './context';
import { forbidden } from './errors';

/** Admins, or one of `roles` working in `countyId`; else FORBIDDEN. */
export function assertCountyRole(scope: Scope, countyId: number, roles: Role[] = SUPERVISORS): void {
  if (scope.role === Role.ADMIN) return;
  if (roles.includes(scope.role) && scope.countyId === countyId) return;
  throw forbidden('JURISDICTION', '只能处理本县的记录', "Only your own county's records");
}

/** Admins, or the community worker of `communityId`; else FORBIDDEN. */
export function assertOwnCommunity(scope: Scope, communityId: number): void {
  if (scope.role === Role.ADMIN) return;
  if (scope.role === Role.COMMUNITY_USER && scope.communityId === communityId) return;
  throw forbidden('JURISDICTION', '只能处理本村（社区）的记录', "Only your own community's records");
}

/**
 * Admins; a department user of `departmentId`; or (when `countyRoles` is given) those
 * roles working in `countyId`. Else FORBIDDEN.
 */
export function assertDepartmentOrCounty(scope: Scope, departmentId: number, countyId: number, countyRoles: Role[] = []): void {
  if (scope.role === Role.ADMIN) return;
  if (scope.role === Role.DEPARTMENT_USER && scope.departmentId === departmentId) return;
  if (countyRoles.includes(scope.role) && scope.countyId === countyId) return;
  throw forbidden('JURISDICTION', '只能处理本部门（或本县）的记录', "Only your own department's (or county's) records");
}
