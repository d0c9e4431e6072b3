/**
 * Who may see and change registry records. Roles are bound to a jurisdiction (see
 * auth/role.ts): county staff (reviewers, inspectors, committee secretaries, analysts)
 * to a county, township users to a township, community workers to a community,
 * department users to a department. What each may read is bounded at the data layer
 * (src/auth/permissions.ts READ_RULES); the guards below are for the registry's actions:
 *  - community workers act on their own community's records;
 *  - reviewers and inspectors on their own county's;
 *  - department users on their own department's.
 */
import { Role } from '../auth/role';
import { COUNTY_STAFF, SUPERVISORS, type Scope as RequestScope } from '../auth/permissions';
import { requireActor, type Context } from '../kernel/context';
import { forbidden } from '../kernel/errors';

export { COUNTY_STAFF, SUPERVISORS };

/** A signed-in actor's jurisdiction. */
export type Scope = Omit<RequestScope, 'role'> & { role: Role };

/** The actor's jurisdiction (resolved with the request's context, src/auth/permissions.ts). */
export async function actorScope(ctx: Context): Promise<Scope> {
  requireActor(ctx);
  return ctx.scope as Scope;
}

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
