import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Per-county, per-kind, per-year counters for document and application numbers. */
@Entity({ tableName: 'document_sequence' })
export class DocumentSequence {
  @PrimaryKey({ type: 'integer' })
  countyId!: number;

  @PrimaryKey({ type: 'varchar', length: 32 })
  kind!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  lastValue!: number;
}

/**
 * The next number of a sequence, atomically (one upsert; concurrent callers get
 * distinct numbers). Call it inside the transaction that uses the number, so a rollback
 * gives the number back.
 */
export async function nextSequenceValue(em: EntityManager, countyId: number, kind: string, year: number): Promise<number> {
  const rows: Array<{ last_value: number }> = await em.getConnection().execute(
    `insert into document_sequence (county_id, kind, year, last_value) values (?, ?, ?, 1)
     on conflict (county_id, kind, year) do update set last_value = document_sequence.last_value + 1
     returning last_value`,
    [countyId, kind, year],
    'all',
    em.getTransactionContext(),
  );
  return Number(rows[0].last_value);
}
