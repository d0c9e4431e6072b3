import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { badInput, forbidden, notFound, type FieldProblem } from '../kernel/errors';
import { fromGlobalId } from '../kernel/global-id';
import { RegionLevel, type Region } from '../geography/region.entity';
import { Role } from '../auth/role';
import { Department } from '../organisation/department.entity';
import type { Scope } from './access';

/** Collects field problems and throws them together as one BAD_USER_INPUT. */
export class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string, messageEn: string, constraint?: string): this {
    this.list.push({ field, message, messageEn, ...(constraint ? { constraint } : {}) });
    return this;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  throwIfAny(message = '输入有误', messageEn = 'Invalid input'): void {
    if (this.list.length) throw badInput(message, messageEn, this.list);
  }
}

/** Decodes a global ID of `type`; a malformed one becomes a field problem (and -1). */
export function decodeId(problems: Problems, globalId: string, type: string, field: string): number {
  try {
    return fromGlobalId(globalId, type, field).id;
  } catch {
    problems.add(field, `无效的 ${type} ID`, `Invalid ${type} ID`);
    return -1;
  }
}

/** Loads a record referenced by an input field; malformed or missing is a field problem (BAD_USER_INPUT). */
export async function loadReferenced<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  globalId: string,
  type: string,
  field: string,
  what: [string, string],
  options: object = {},
): Promise<T> {
  const problems = new Problems();
  const id = decodeId(problems, globalId, type, field);
  const row = id > 0 ? ((await em.findOne(entity, { id } as never, options as never)) as T | null) : null;
  if (!row) {
    if (!problems.any) problems.add(field, `未找到${what[0]}`, `${what[1]} not found`);
    problems.throwIfAny(`未找到${what[0]}`, `${what[1]} not found`);
  }
  return row!;
}

/** Loads the record a mutation acts on; malformed is BAD_USER_INPUT, missing is NOT_FOUND. */
export async function loadTarget<T extends object>(em: EntityManager, entity: EntityName<T>, globalId: string, type: string, what: [string, string], options: object = {}): Promise<T> {
  const { id } = fromGlobalId(globalId, type, 'id');
  const row = (await em.findOne(entity, { id } as never, options as never)) as T | null;
  if (!row) throw notFound(what[0], what[1]);
  return row;
}

/** The first character of a county's name without its 县/市/区 suffix (青衣县 → 青), for numbers. */
export const countyPrefix = (county: Region) => county.name.replace(/(自治县|县|市|区|旗)$/, '').slice(0, 1);

/** Trims citations and drops empty ones. */
export const cleanList = (items: string[]) => [...new Set(items.map((s) => s.trim()).filter(Boolean))];

/** Money as the numeric column stores it. */
export const money = (n: number) => n.toFixed(2);


/**
 * The department a record is for: department users act for their own (naming another is
 * FORBIDDEN); others must name a county-level department. Returns it with its county id.
 */
export async function resolveDepartment(em: EntityManager, scope: Scope, departmentGlobalId: string | null | undefined, field = 'departmentId'): Promise<{ department: Department; countyId: number }> {
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
