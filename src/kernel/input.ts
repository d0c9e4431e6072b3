/** Reading a mutation's input: field problems reported together, referenced records loaded, text and amounts normalised. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { badInput, notFound, type FieldProblem } from './errors';
import { fromGlobalId } from './global-id';

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
  const row = id > 0 ? ((await em.findOne(entity, { id } as never, options)) as T | null) : null;
  if (!row) {
    if (!problems.any) problems.add(field, `未找到${what[0]}`, `${what[1]} not found`);
    problems.throwIfAny(`未找到${what[0]}`, `${what[1]} not found`);
  }
  return row!;
}

/** Loads the record a mutation acts on; malformed is BAD_USER_INPUT, missing is NOT_FOUND. */
export async function loadTarget<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  globalId: string,
  type: string,
  what: [string, string],
  options: object = {},
): Promise<T> {
  const { id } = fromGlobalId(globalId, type, 'id');
  const row = (await em.findOne(entity, { id } as never, options)) as T | null;
  if (!row) throw notFound(what[0], what[1]);
  return row;
}

/** Trims citations and drops empty ones. */
export const cleanList = (items: string[]) => [...new Set(items.map((s) => s.trim()).filter(Boolean))];

/** Money as the numeric column stores it. */
export const money = (n: number) => n.toFixed(2);

/** Decodes an optional filter ID (`filter.<field>` in the problem it reports). */
export const filterId = (globalId: string | null | undefined, type: string, field: string): number | null =>
  globalId == null ? null : fromGlobalId(globalId, type, `filter.${field}`).id;
