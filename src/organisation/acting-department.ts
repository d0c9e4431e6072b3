import type { EntityManager } from '@mikro-orm/postgresql';
import { RegionLevel } from '../geography';
import { Role } from '../kernel/roles';
import type { ActorScope } from '../kernel/context';
import { badInput, forbidden } from '../kernel/errors';
import { fromGlobalId } from '../kernel/global-id';
import { loadReferenced } from '../kernel/input';
import { Department } from './department.entity';

/**
 * The department a record is for: department users act for their own (naming another is
 * FORBIDDEN); others must name a county-level department. Returns it with its county id.
 */
export async function resolveDepartment(
  em: EntityManager,
  scope: ActorScope,
  departmentGlobalId: string | null | undefined,
  field = 'departmentId',
): Promise<{ department: Department; countyId: number }> {
  let department: Department;
  if (scope.role === Role.DEPARTMENT_USER) {
    if (!scope.departmentId) throw forbidden('JURISDICTION', '部门人员须属于一个部门', 'A department user must belong to a department');
    if (departmentGlobalId && fromGlobalId(departmentGlobalId, 'Department', field).id !== scope.departmentId) {
      throw forbidden('JURISDICTION', '部门人员只能以本部门名义办理', 'Department users act for their own department');
    }
    department = await em.findOneOrFail(Department, { id: scope.departmentId }, { populate: ['region'] });
  } else {
    if (!departmentGlobalId) throw badInput('请指定部门', 'Give the department', [{ field, message: '必填', messageEn: 'required' }]);
    department = await loadReferenced(em, Department, departmentGlobalId, 'Department', field, ['该部门', 'Department'], { populate: ['region'] });
  }
  if (department.region.getEntity().level !== RegionLevel.COUNTY) {
    throw badInput('只能是县级部门', 'Only county departments', [{ field, message: '不是县级部门', messageEn: 'not a county department' }]);
  }
  return { department, countyId: department.region.id };
}
