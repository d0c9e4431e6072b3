import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';

type Row = { id: number };

/**
 * Per-request DataLoader registry. Each loader batches the keys asked for in one tick
 * into a single `where … in (…)` query, so nested fields cost one statement per field
 * and level, not one per parent.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly em: EntityManager) {}

  /** Loads entities by primary key (null for a missing one). */
  byId<T extends Row>(entity: EntityName<T>): DataLoader<number, T | null> {
    const name = typeof entity === 'string' ? entity : (entity as { name: string }).name;
    return this.get(
      `byId:${name}`,
      () =>
        new DataLoader<number, T | null>(async (ids) => {
          const rows = (await this.em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
          const map = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => map.get(id) ?? null);
        }),
    );
  }

  /**
   * Loads entities by a unique property (null for a missing one): lookups of the same
   * thing by the same key from several fields of one request share one statement.
   */
  byUnique<T extends object>(entity: EntityName<T>, property: string): DataLoader<string, T | null> {
    const name = typeof entity === 'string' ? entity : (entity as { name: string }).name;
    return this.get(
      `byUnique:${name}:${property}`,
      () =>
        new DataLoader<string, T | null>(async (keys) => {
          const rows = (await this.em.find(entity, { [property]: { $in: [...keys] } } as never)) as T[];
          const map = new Map(rows.map((r) => [String((r as Record<string, unknown>)[property]), r]));
          return keys.map((k) => map.get(k) ?? null);
        }),
    );
  }

  /**
   * Loads, for each key, the rows whose `foreignKey` points at it, in `orderBy` order.
   * `key` distinguishes loaders with the same entity and foreign key but other filters.
   */
  manyBy<T extends object>(
    entity: EntityName<T>,
    foreignKey: string,
    opts: { where?: object; orderBy?: Record<string, 'asc' | 'desc'>; key?: string } = {},
  ): DataLoader<number, T[]> {
    const name = typeof entity === 'string' ? entity : (entity as { name: string }).name;
    return this.get(
      `manyBy:${name}:${foreignKey}:${opts.key ?? ''}`,
      () =>
        new DataLoader<number, T[]>(async (ids) => {
          const rows = (await this.em.find(entity, { ...(opts.where ?? {}), [foreignKey]: { $in: [...ids] } } as never, {
            orderBy: { ...(opts.orderBy ?? {}), id: 'asc' } as never,
          })) as T[];
          const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
          for (const row of rows) {
            const ref = (row as Record<string, unknown>)[foreignKey] as { id: number } | null;
            if (ref) groups.get(ref.id)?.push(row);
          }
          return ids.map((id) => groups.get(id) ?? []);
        }),
    );
  }

  /** Counts, for each key, the rows whose `foreignKey` points at it, in one grouped query. */
  countBy<T extends object>(entity: EntityName<T>, foreignKey: string, column: string): DataLoader<number, number> {
    const name = typeof entity === 'string' ? entity : (entity as { name: string }).name;
    return this.get(
      `countBy:${name}:${foreignKey}`,
      () =>
        new DataLoader<number, number>(async (ids) => {
          const rows: Array<{ key: number; n: string }> = await this.em
            .createQueryBuilder(entity as never, 'e')
            .select([`e.${column} as key`, 'count(*) as n'])
            .where({ [foreignKey]: { $in: [...ids] } })
            .groupBy(`e.${column}`)
            .execute('all', false);
          const counts = new Map(rows.map((r) => [Number(r.key), Number(r.n)]));
          return ids.map((id) => counts.get(id) ?? 0);
        }),
    );
  }

  /**
   * Counts by raw SQL, for counts `countBy` cannot express (conditions on other tables):
   * `sql(keys)` selects `key` and `n`, `keys` being the placeholders of the key list.
   */
  countBySql(name: string, sql: (keys: string) => string): DataLoader<number, number> {
    return this.get(
      `countBySql:${name}`,
      () =>
        new DataLoader<number, number>(async (ids) => {
          const rows: Array<{ key: number; n: string }> = await this.em
            .getConnection()
            .execute(sql(ids.map(() => '?').join(', ')), [...ids], 'all', this.em.getTransactionContext());
          const map = new Map(rows.map((r) => [Number(r.key), Number(r.n)]));
          return ids.map((id) => map.get(id) ?? 0);
        }),
    );
  }

  /** A custom loader, created once per request under `key`. */
  custom<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    return this.get(`custom:${key}`, create);
  }

  private get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.cache.get(key);
    if (!loader) {
      loader = create();
      this.cache.set(key, loader);
    }
    return loader as unknown as DataLoader<K, V>;
  }
}
