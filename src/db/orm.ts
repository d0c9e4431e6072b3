import 'reflect-metadata';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { ENTITIES } from './entities';
import { AppError } from '../kernel/errors';
import { UNSTORABLE_TEXT, holdsUnstorableText } from '../kernel/text';
import { MIGRATIONS } from './migrations';

export interface OrmOptions {
  url: string;
  poolMax?: number;
  /** Called with every SQL statement the ORM runs (tests count them). */
  onQuery?: (sql: string) => void;
  debug?: boolean;
}

/**
 * The last line before the driver: MikroORM inlines parameters into the SQL it sends, so a
 * NUL character from anywhere (a decoded cursor, an HTTP parameter, a value a future
 * route forgets to check) would end as PostgreSQL's "invalid message format" or "invalid
 * byte sequence" — an INTERNAL error. Every statement's parameters and text are checked
 * here first; such text is the client's, so it is BAD_USER_INPUT / INVALID_TEXT, and
 * nothing is sent.
 */
export function refuseUnstorableText(sql: string, params: readonly unknown[]): string {
  if (holdsUnstorableText(params) || UNSTORABLE_TEXT.test(sql)) {
    throw new AppError('BAD_USER_INPUT', '文本含有空字符（\\0）或不成对的代理字符，无法保存', 'Text contains a NUL character or an unpaired surrogate', {
      reason: 'INVALID_TEXT',
      http: { status: 400 },
    });
  }
  return sql;
}

export function ormConfig(opts: OrmOptions): Options {
  return defineConfig({
    onQuery: refuseUnstorableText,
    clientUrl: opts.url,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // The read-jurisdiction filter (src/auth/permissions.ts) bounds each entity's own rows;
    // MikroORM would otherwise also join every relation to a filtered entity into a query
    // (hiding foreign keys, dropping rows whose related record the reader may not see).
    // Related records are read — and filtered — on their own, through loaders.
    autoJoinRefsForFilters: false,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    discovery: { warnWhenNoEntities: true },
    debug: opts.debug ?? false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Migrations are listed in code so they load the same from source and from dist/;
      // `npm run db:migration:create` writes new ones here (then add them to the list).
      migrationsList: MIGRATIONS,
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, 'migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  });
}

export async function createOrm(opts: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(opts));
  if (opts.onQuery) {
    const onQuery = opts.onQuery;
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (q: { sql: string }) => onQuery(q.sql));
  }
  return orm;
}

export { MikroORM };
