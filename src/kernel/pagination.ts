import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { Cursor, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { badInput } from './errors';
import { defineEnum } from './enums';
import { UNSTORABLE_TEXT } from './text';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
defineEnum(SortDirection, 'SortDirection', '排序方向。Sort direction.', {
  ASC: ['升序', 'Ascending'],
  DESC: ['降序', 'Descending'],
});

/** Relay connection arguments: `first`/`after` forward, `last`/`before` backward. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `向后翻页：返回前 N 条（默认 ${DEFAULT_PAGE_SIZE}，最多 ${MAX_PAGE_SIZE}）。Forward page size.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: '从该游标之后开始。Start after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `向前翻页：返回最后 N 条（最多 ${MAX_PAGE_SIZE}）。Backward page size.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: '到该游标之前为止。End before this cursor.' })
  before?: string | null;
}

@ObjectType({ description: '分页信息（Relay）。Relay page info.' })
export class PageInfo {
  @Field({ description: '是否还有下一页。Whether more items follow.' })
  hasNextPage!: boolean;

  @Field({ description: '是否还有上一页。Whether items precede.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页第一条的游标。Cursor of the first item.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标。Cursor of the last item.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `XxxConnection` and `XxxEdge` object types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, label: { zh: string; en: string }) {
  const name = nodeType.name;

  @ObjectType(`${name}Edge`, { description: `${label.zh}分页中的一条。An edge in a ${label.en} connection.` })
  class EdgeType {
    @Field(() => nodeType, { description: '节点。The node.' })
    node!: T;

    @Field({ description: '该条的游标。Cursor of this edge.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `${label.zh}的分页列表。A page of ${label.en}.` })
  class ConnectionTypeClass implements Connection<T> {
    @Field(() => [EdgeType], { description: '本页各条及其游标。Edges of this page.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: '本页各节点（edges.node 的简写）。Nodes of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: '分页信息。Page info.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: '符合条件的总条数。Total number of matching items.' })
    totalCount!: number;
  }
  return ConnectionTypeClass;
}

/** Whether the query selects `field` directly on the current field (e.g. `totalCount`). */
export function selectsField(info: GraphQLResolveInfo | undefined, field: string): boolean {
  if (!info) return true;
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => (s.kind === 'Field' && s.name.value === field) || s.kind === 'InlineFragment' || s.kind === 'FragmentSpread'),
  );
}

/**
 * Which columns a page of an entity needs, by entity name: `always` (besides the primary
 * key, the sort keys and the relations to one: the jurisdiction keys), and for GraphQL fields that a field
 * resolver computes from other properties (or from the id alone), those properties. A
 * list loads only the columns its query selects when every selected node field is a
 * property or listed here; otherwise (a field not known here) it loads whole rows.
 * Building an entity costs per property, and more per relation, so lists of wide rows
 * (jsonb documents, several foreign keys) are cheaper this way.
 */
const FIELD_NEEDS: Record<string, { always: string[]; fields: Record<string, string[]> }> = {
  AdmissionApplication: {
    always: ['county', 'department', 'status'],
    fields: {
      scopeTownships: ['scopeTownshipIds'],
      scopeCommunities: ['scopeCommunityIds'],
      communityCount: ['communityIds'],
      reviews: [],
      committeeDecisions: [],
      approvalDocument: [],
      availableActions: ['status', 'kind', 'emergency', 'findings', 'acknowledgedWarnings', 'department', 'county'],
      blockingCount: ['findings'],
      history: [],
    },
  },
  Terminal: { always: ['community', 'status'], fields: { apps: [] } },
  LedgerRequirement: { always: ['county', 'department', 'status'], fields: {} },
};

/** The names of the fields selected on the nodes of a connection (`nodes { … }`, `edges { node { … } }`), through fragments. */
function nodeFieldNames(info: GraphQLResolveInfo): Set<string> | null {
  const names = new Set<string>();
  let ok = true;
  const visit = (set: SelectionSetNode | undefined, depth: 'connection' | 'edge' | 'node') => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === 'InlineFragment') visit(sel.selectionSet, depth);
      else if (sel.kind === 'FragmentSpread') {
        const fragment = info.fragments[sel.name.value];
        if (fragment) visit(fragment.selectionSet, depth);
        else ok = false;
      } else if (depth === 'node') names.add(sel.name.value);
      else if (depth === 'connection' && sel.name.value === 'nodes') visit(sel.selectionSet, 'node');
      else if (depth === 'connection' && sel.name.value === 'edges') visit(sel.selectionSet, 'edge');
      else if (depth === 'edge' && sel.name.value === 'node') visit(sel.selectionSet, 'node');
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 'connection');
  return ok ? names : null;
}

/** The properties to load for a page (see FIELD_NEEDS), or undefined for whole rows. */
export function pageFields(
  em: EntityManager,
  entity: EntityName<object>,
  info: GraphQLResolveInfo | undefined,
  orderBy: Record<string, unknown>,
): string[] | undefined {
  if (!info) return undefined;
  const meta = em.getMetadata().find(typeof entity === 'string' ? entity : (entity as { name: string }).name);
  const needs = meta && FIELD_NEEDS[meta.className];
  if (!meta || !needs) return undefined;
  const names = nodeFieldNames(info);
  if (!names) return undefined;
  const fields = new Set<string>([...meta.primaryKeys, ...Object.keys(orderBy), ...needs.always]);
  // Every relation to one, as a whole row would have: a page must hold the same rows (and
  // agree with its count) whatever fields are asked for, also should MikroORM join
  // relations to filtered entities (autoJoinRefsForFilters, off in src/db/orm.ts).
  for (const prop of meta.props) if (prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner)) fields.add(prop.name);
  for (const name of names) {
    if (name === '__typename') continue;
    const prop = meta.properties[name as never] as { kind: string; persist?: boolean } | undefined;
    if (Object.prototype.hasOwnProperty.call(needs.fields, name)) for (const n of needs.fields[name]) fields.add(n);
    else if (prop && (prop.kind === 'scalar' || prop.kind === 'embedded' || prop.kind === 'm:1') && prop.persist !== false) fields.add(name);
    else return undefined;
  }
  return [...fields];
}

/** Whether a filter holds raw SQL fragments (`[raw(…)]: …` keys), at any depth. */
function hasRawFragment(where: unknown): boolean {
  if (Array.isArray(where)) return where.some(hasRawFragment);
  if (!where || typeof where !== 'object') return false;
  for (const key of Object.keys(where)) {
    if (key.startsWith('[raw]')) return true;
    if (hasRawFragment((where as Record<string, unknown>)[key])) return true;
  }
  return false;
}

const INT4 = 2_147_483_647;
const INT8 = /^-?\d{1,19}$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/**
 * Whether `value` (from a decoded cursor) can stand for a value of the column behind
 * `prop`: the column's own JavaScript type and range, as `Cursor.from` would have written
 * it. A cursor is opaque to clients, so anything else was made up or tampered with.
 */
function fitsColumn(
  value: unknown,
  prop: {
    kind: string;
    columnTypes?: string[];
    enum?: boolean;
    items?: unknown[];
    targetMeta?: { primaryKeys: string[]; properties: Record<string, unknown> };
  },
  depth = 0,
): boolean {
  if (prop.kind === 'm:1' || prop.kind === '1:1') {
    const target = prop.targetMeta;
    const pk = target?.primaryKeys.length === 1 ? (target.properties[target.primaryKeys[0]] as typeof prop | undefined) : undefined;
    return !!pk && depth < 2 && fitsColumn(value, pk, depth + 1);
  }
  if (prop.kind !== 'scalar') return false;
  const column = (prop.columnTypes?.[0] ?? '').toLowerCase();
  if (prop.enum && Array.isArray(prop.items) && prop.items.length) return typeof value === 'string' && prop.items.includes(value);
  if (/^(serial|int|integer|int4|smallint|int2)\b/.test(column)) return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= INT4;
  if (/^(bigserial|bigint|int8)\b/.test(column))
    return (
      (typeof value === 'number' && Number.isSafeInteger(value)) ||
      (typeof value === 'string' && INT8.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n && BigInt(value) >= -9_223_372_036_854_775_808n)
    );
  if (/^(numeric|decimal|real|float|double)/.test(column)) return typeof value === 'number' && Number.isFinite(value);
  if (/^bool/.test(column)) return typeof value === 'boolean';
  if (/^date$/.test(column)) {
    const m = typeof value === 'string' ? ISO_DAY.exec(value) : null;
    return !!m && isCalendarDay(+m[1], +m[2], +m[3]);
  }
  if (/^timestamp/.test(column)) {
    // Cursor.decode has turned an ISO timestamp into a Date; the text must be exactly one.
    const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : typeof value === 'string' ? value : '';
    const m = ISO_TIMESTAMP.exec(text);
    return !!m && isCalendarDay(+m[1], +m[2], +m[3]) && +m[4] < 24 && +m[5] < 60 && +m[6] < 60 && !Number.isNaN(Date.parse(text));
  }
  const length = /^(?:varchar|character varying|char|character)\((\d+)\)/.exec(column);
  if (length || /^(text|varchar|char|citext|uuid)/.test(column)) {
    return typeof value === 'string' && value.length <= (length ? Number(length[1]) : 10_000) && !UNSTORABLE_TEXT.test(value);
  }
  return false; // jsonb, arrays and anything else never order a list
}

/**
 * Decodes a client's cursor and checks it against the list's ordering before it reaches
 * SQL: base64url of a JSON array with one value per ordering key, each of its column's
 * type (see fitsColumn). Anything else — made up, tampered with, or from a list ordered
 * differently — is BAD_USER_INPUT.
 */
function checkCursor(
  cursor: string | null | undefined,
  arg: string,
  em: EntityManager,
  entity: EntityName<object>,
  order: Record<string, unknown>,
): string | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const keys = Object.keys(order);
  let ok = false;
  try {
    const meta = em.getMetadata().find(typeof entity === 'string' ? entity : (entity as { name: string }).name);
    const value = /^[A-Za-z0-9_-]{1,1000}$/.test(cursor) ? Cursor.decode(cursor) : null;
    ok =
      !!meta &&
      Array.isArray(value) &&
      value.length === keys.length &&
      keys.every((key, i) => {
        const prop = meta.properties[key as never] as Parameters<typeof fitsColumn>[1] | undefined;
        return !!prop && fitsColumn(value[i], prop);
      });
  } catch {
    ok = false;
  }
  if (!ok) {
    throw badInput('无效的分页游标', 'Invalid pagination cursor', [
      { field: arg, message: `${arg} 不是本列表的有效游标`, messageEn: `${arg} is not a valid cursor for this list`, constraint: 'cursor' },
    ]);
  }
  return cursor;
}

/**
 * One page of `entity` matching `where`, ordered by `orderBy` with the primary key as
 * the final tie-breaker so the order is total and cursors are stable. Two statements at
 * most: the page (only the columns the query selects, see pageFields), and the count when
 * `totalCount` is selected and the page does not already show it (a first page that is
 * not full).
 */
export async function paginate<T extends { id: number | string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: Record<string, 'asc' | 'desc'>,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Connection<T>> {
  if (args.first != null && args.last != null) {
    throw badInput('first 与 last 不能同时使用', 'Use either first or last, not both', [
      { field: 'last', message: 'first 与 last 不能同时使用', messageEn: 'first and last are mutually exclusive' },
    ]);
  }
  const fullOrder = { ...orderBy, id: orderBy.id ?? Object.values(orderBy)[0] ?? 'asc' };
  const after = checkCursor(args.after, 'after', em, entity as EntityName<object>, fullOrder);
  const before = checkCursor(args.before, 'before', em, entity as EntityName<object>, fullOrder);
  const backward = args.last != null || (before !== undefined && args.first == null);
  const size = backward ? (args.last ?? DEFAULT_PAGE_SIZE) : (args.first ?? DEFAULT_PAGE_SIZE);
  const includeCount = selectsField(info, 'totalCount');
  if (size === 0) {
    const totalCount = includeCount ? await em.count(entity, where) : 0;
    return { edges: [], nodes: [], totalCount, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
  }
  const fields = pageFields(em, entity as EntityName<object>, info, fullOrder);
  // A first page that is not full holds every match: then no count statement is needed, so
  // it is counted afterwards — unless the filter has raw SQL fragments, which are used up
  // by the first statement built from them (then both are built together).
  const countAfter = includeCount && !hasRawFragment(where);
  const cursor = await em.findByCursor(entity, where, {
    ...(backward ? { last: size } : { first: size }),
    ...(after ? { after } : {}),
    ...(before ? { before } : {}),
    orderBy: fullOrder as never,
    ...(fields ? { fields } : {}),
    includeCount: includeCount && !countAfter,
  } as never);
  const nodes = cursor.items as T[];
  const totalCount = !countAfter
    ? ((cursor.totalCount as number | undefined) ?? 0)
    : after === undefined && before === undefined && nodes.length < size
      ? nodes.length
      : await em.count(entity, where);
  return {
    nodes,
    edges: nodes.map((node) => ({ node, cursor: cursor.from(node as never) })),
    totalCount,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
  };
}
