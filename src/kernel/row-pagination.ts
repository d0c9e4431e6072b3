import type { GraphQLResolveInfo } from 'graphql';
import { DEFAULT_PAGE_SIZE, selectsField, type Connection, type PageArgs } from './pagination';
import { badInput } from './errors';

/**
 * Relay connections over derived rows (query results that are not entities, e.g.
 * communities not yet paid): offset cursors, the same arguments and page info as
 * `paginate`. `fetch(limit, offset)` returns rows in a stable order; `count()` the total.
 */
const encode = (offset: number) => Buffer.from(`off:${offset}`, 'utf8').toString('base64url');
function decode(cursor: string | null | undefined, arg: string): number | undefined {
  if (cursor == null) return undefined;
  const m = /^off:(\d{1,9})$/.exec(/^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '');
  if (!m)
    throw badInput('无效的分页游标', 'Invalid pagination cursor', [
      { field: arg, message: `${arg} 不是本列表的有效游标`, messageEn: `${arg} is not a valid cursor for this list`, constraint: 'cursor' },
    ]);
  return Number(m[1]);
}

export async function paginateRows<T>(
  args: PageArgs,
  fetch: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<number>,
  info?: GraphQLResolveInfo,
): Promise<Connection<T>> {
  if (args.first != null && args.last != null) {
    throw badInput('first 与 last 不能同时使用', 'Use either first or last, not both', [
      { field: 'last', message: 'first 与 last 不能同时使用', messageEn: 'first and last are mutually exclusive' },
    ]);
  }
  const after = decode(args.after, 'after');
  const before = decode(args.before, 'before');
  const wantCount = selectsField(info, 'totalCount');
  let start: number;
  let rows: T[];
  let hasNextPage: boolean;
  let hasPreviousPage: boolean;
  let total: number | undefined;
  if (args.last != null || (before !== undefined && args.first == null)) {
    total = await count();
    const end = Math.min(before ?? total, total);
    const size = args.last ?? DEFAULT_PAGE_SIZE;
    start = Math.max(0, end - size);
    rows = end > start ? await fetch(end - start, start) : [];
    hasPreviousPage = start > 0;
    hasNextPage = end < total;
  } else {
    start = after !== undefined ? after + 1 : 0;
    const size = args.first ?? DEFAULT_PAGE_SIZE;
    const end = before !== undefined ? Math.min(before, start + size) : start + size;
    const fetched = end > start ? await fetch(end - start + 1, start) : [];
    rows = fetched.slice(0, Math.max(0, end - start));
    hasNextPage = fetched.length > rows.length;
    hasPreviousPage = start > 0;
  }
  if (wantCount && total === undefined) total = await count();
  const edges = rows.map((node, i) => ({ node, cursor: encode(start + i) }));
  return {
    edges,
    nodes: rows,
    totalCount: total ?? 0,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}
