/**
 * Organisation: the county's functional departments (有关部门), their credit codes, and
 * the department a record is for. The public surface of the module.
 */
import { Department } from './department.entity';
import { CommunityDepartmentsResolver, DepartmentResolver, RegionDepartmentsResolver } from './department.resolver';

export * from './department.entity';
export * from './uscc';
export * from './acting-department';

export const ORGANISATION_ENTITIES = [Department];
/** Departments, and `departments` on regions and communities. */
export const ORGANISATION_RESOLVERS = [DepartmentResolver, RegionDepartmentsResolver, CommunityDepartmentsResolver] as const;
