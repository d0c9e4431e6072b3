import type { Config } from '../config';
import { createOrm, type MikroORM } from './orm';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { seedDemoCounty } from './seed/seed';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/**
 * Opens the database the configuration names — DATABASE_URL, or the embedded PostgreSQL
 * under the data folder when it is unset — and optionally migrates it.
 */
export async function openDatabase(
  config: Config,
  opts: { migrate?: boolean; onLog?: (m: string) => void; onQuery?: (sql: string) => void } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort || undefined, onLog: opts.onLog });
    url = embedded.url;
  }
  try {
    const orm = await createOrm({ url, poolMax: config.dbPoolMax, onQuery: opts.onQuery });
    if (opts.migrate) await migrate(orm);
    return {
      orm,
      url,
      embedded,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/** Used by tests: migrate and seed a database at `url`. */
export async function prepareDatabase(url: string, opts: { migrate: boolean; seed: boolean }): Promise<void> {
  const orm = await createOrm({ url, poolMax: 2 });
  try {
    if (opts.migrate) await migrate(orm);
    if (opts.seed) await seedDemoCounty(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}
