/**
 * Who may see and change registry records. Roles are bound to a jurisdiction (see
 * auth/role.ts): county staff (reviewers, inspectors, committee secretaries, analysts)
 * to a county, township users to a township, community workers to a community,
 * department users to a department. The data layer already bounds every read to the
 * jurisdiction (src/auth/permissions.ts READ_RULES); the registry's own conditions below
 * refine lists and guard its actions:
 *  - community workers: their own community's refusals, reports, filings, issuances;
 *  - reviewers and inspectors: their own county;
 *  - department users: their own department's records.
 */
import type { FilterQuery } from '@mikro-orm/core';
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

/** `{ a: { b: value } }` for the path `a.b`. */
export function atPath(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((acc, key) => ({ [key]: acc }), value) as Record<string, unknown>;
}

/** A condition matching nothing. */
export const NOTHING = { id: { $in: [] as number[] } };

/**
 * Read scope of a record bound to a community (refusals, filings, certificate issuances,
 * funding allocations, contracts): admins see all; county staff their county; township
 * users their township's communities; community workers their community; department
 * users their department's records (when the record names one via `departmentPath`).
 */
export function communityRecordsWhere<T>(scope: Scope, departmentPath?: string): FilterQuery<T> {
  return communityRecordsCondition(scope, departmentPath) as FilterQuery<T>;
}

function communityRecordsCondition(scope: Scope, departmentPath?: string): object {
  switch (scope.role) {
    case Role.ADMIN:
      return {};
    case Role.COMMUNITY_USER:
      return scope.communityId ? { community: scope.communityId } : NOTHING;
    case Role.TOWNSHIP_USER:
      return scope.townshipId ? { community: { township: scope.townshipId } } : NOTHING;
    case Role.DEPARTMENT_USER:
      return scope.departmentId && departmentPath ? atPath(departmentPath, scope.departmentId) : NOTHING;
    default:
      return COUNTY_STAFF.includes(scope.role) && scope.countyIds.length ? { county: { $in: scope.countyIds } } : NOTHING;
  }
}

/**
 * Read scope of supervision records (inspections, findings, interviews): admins; county
 * staff of the county; department users for records against their department (not
 * inspections: unannounced visits are not announced).
 */
export function supervisionWhere<T>(scope: Scope, departmentPath: string | null): FilterQuery<T> {
  let where: object = NOTHING;
  if (scope.role === Role.ADMIN) where = {};
  else if (COUNTY_STAFF.includes(scope.role) && scope.countyIds.length) where = { county: { $in: scope.countyIds } };
  else if (scope.role === Role.DEPARTMENT_USER && scope.departmentId && departmentPath) where = atPath(departmentPath, scope.departmentId);
  return where as FilterQuery<T>;
}

/** Whether the actor may read a community-bound record. */
export function canReadCommunityRecord(scope: Scope, rec: { countyId: number; communityId: number; townshipId?: number | null; departmentId?: number | null }): boolean {
  switch (scope.role) {
    case Role.ADMIN:
      return true;
    case Role.COMMUNITY_USER:
      return scope.communityId === rec.communityId;
    case Role.TOWNSHIP_USER:
      return rec.townshipId != null && scope.townshipId === rec.townshipId;
    case Role.DEPARTMENT_USER:
      return rec.departmentId != null && scope.departmentId === rec.departmentId;
    default:
      return COUNTY_STAFF.includes(scope.role) && scope.countyIds.includes(rec.countyId);
  }
}

/** Admins, or one of `roles` working in `countyId`; else FORBIDDEN. */
export function assertCountyRole(scope: Scope, countyId: number, roles: Role[] = SUPERVISORS): void {
  if (scope.role === Role.ADMIN) return;
  if (roles.includes(scope.role) && scope.countyId === countyId) return;
  throw forbidden('只能处理本县的记录', "Only your own county's records");
}

/** Admins, or the community worker of `communityId`; else FORBIDDEN. */
export function assertOwnCommunity(scope: Scope, communityId: number): void {
  if (scope.role === Role.ADMIN) return;
  if (scope.role === Role.COMMUNITY_USER && scope.communityId === communityId) return;
  throw forbidden('只能处理本村（社区）的记录', "Only your own community's records");
}

/**
 * Admins; a department user of `departmentId`; or (when `countyRoles` is given) those
 * roles working in `countyId`. Else FORBIDDEN.
 */
export function assertDepartmentOrCounty(scope: Scope, departmentId: number, countyId: number, countyRoles: Role[] = []): void {
  if (scope.role === Role.ADMIN) return;
  if (scope.role === Role.DEPARTMENT_USER && scope.departmentId === departmentId) return;
  if (countyRoles.includes(scope.role) && scope.countyId === countyId) return;
  throw forbidden('只能处理本部门（或本县）的记录', "Only your own department's (or county's) records");
}
