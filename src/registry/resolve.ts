/** Small helpers shared by the registry resolvers. */
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../kernel/context';
import { fromGlobalId } from '../kernel/global-id';
import { getRegion } from '../geography/geography.service';
import type { CountyFilterBase } from './registry.inputs';

/** The county a filter names (by ID or code), or null. */
export async function filterCounty(em: EntityManager, filter?: CountyFilterBase | null): Promise<number | null> {
  if (!filter || (filter.countyId == null && filter.countyCode == null)) return null;
  return (await getRegion(em, { id: filter.countyId, code: filter.countyCode }, 'filter.county')).id;
}

/** Decodes an optional filter ID. */
export const filterId = (globalId: string | null | undefined, type: string, field: string): number | null =>
  globalId == null ? null : fromGlobalId(globalId, type, `filter.${field}`).id;

/** A per-request loader of grouped counts: `sql(keys)` selects `key` and `n`, `keys` being the placeholders of the key list. */
export function countLoader(ctx: Context, name: string, sql: (keys: string) => string): DataLoader<number, number> {
  return ctx.loaders.custom(name, () =>
    new DataLoader<number, number>(async (ids) => {
      const rows: Array<{ key: number; n: string }> = await ctx.em.getConnection().execute(sql(ids.map(() => '?').join(', ')), [...ids], 'all', ctx.em.getTransactionContext());
      const map = new Map(rows.map((r) => [Number(r.key), Number(r.n)]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
  );
}
