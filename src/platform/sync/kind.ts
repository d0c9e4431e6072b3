/** What the sync engine (./run.ts) needs of one kind of record: where it is listed, how it becomes rows, how it is upserted. */
import type { ClientBase } from 'pg';
import type { ListOptions, PlatformAdapter, ValidatedPage } from '../../../integrations/platform/types';
import type { SyncRejectionCode } from '../entity/sync-rejected-record.entity';

export interface DeadLetter {
  externalId: string | null;
  code: SyncRejectionCode;
  reason: string;
  raw: unknown;
}

export interface PlatformRecord {
  externalId: string;
  updatedAt: string;
  deleted?: boolean;
}

/** What a kind needs to know about the database before reading pages. */
export interface References {
  communities: Map<string, number>;
  apps: Map<string, number>;
  departmentsByUscc: Map<string, number>;
  /** Only names held by exactly one department. */
  departmentsByName: Map<string, number>;
  dataElements: Map<string, number>;
  /** Codes to filter the listing on, or undefined for everything. */
  communityFilter?: string[];
}

export interface KindSpec<T extends PlatformRecord> {
  table: string;
  list(adapter: PlatformAdapter, opts: ListOptions): Promise<ValidatedPage<T>>;
  needs: Array<'communities' | 'apps' | 'departments' | 'dataElements'>;
  /** Turns live records into rows, or dead letters. */
  toRows(records: T[], refs: References, conn: ClientBase): Promise<{ rows: Array<Record<string, unknown>>; rejected: DeadLetter[] }>;
  upsertSql: string;
  /** After the upsert, for the rows created or updated (e.g. the terminal ↔ app links). */
  afterUpsert?(conn: ClientBase, changed: Array<{ id: number; external_id: string }>, rows: Map<string, Record<string, unknown>>): Promise<void>;
}

/** `INSERT … ON CONFLICT (external_id) DO UPDATE … WHERE newer-or-same AND changed RETURNING`. */
export function upsertSql(
  table: string,
  columns: Array<[string, string]>,
  opts: { set?: Record<string, string>; insert?: Record<string, string> } = {},
): string {
  const names = columns.map(([n]) => n);
  const insertCols = [...names, ...Object.keys(opts.insert ?? {})];
  const insertVals = [...names.map((n) => `x.${n}`), ...Object.values(opts.insert ?? {})];
  const compared = names.filter((n) => n !== 'external_id');
  const set = [
    ...compared.map((n) => `${n} = excluded.${n}`),
    ...Object.entries(opts.set ?? {}).map(([k, v]) => `${k} = ${v}`),
    'deleted_at = null',
    'updated_at = now()',
  ];
  return `
    insert into ${table} as t (${insertCols.join(', ')})
    select ${insertVals.join(', ')}
      from jsonb_to_recordset($1::jsonb) as x(${columns.map(([n, type]) => `${n} ${type}`).join(', ')})
    on conflict (external_id) do update set ${set.join(', ')}
     where t.platform_updated_at <= excluded.platform_updated_at
       and ((${compared.map((n) => `t.${n}`).join(', ')}, t.deleted_at) is distinct from (${compared.map((n) => `excluded.${n}`).join(', ')}, null::timestamptz))
    returning t.id, t.external_id, (t.xmax = 0) as inserted`;
}
