/**
 * BullMQ backend selection.
 *
 * Production runs BullMQ on Redis (`REDIS_URL` set). Without Redis, BullMQ runs on
 * its own PostgreSQL backend in the SAME database as the application: its tables
 * live in a separate schema (`bullmq` by default) that BullMQ creates and migrates
 * itself (`migrate: true`). Everything else in the code base is written once
 * against BullMQ's `Queue` / `Worker` / `QueueEvents` classes taken from the
 * `QueueBackend` returned here.
 */
import {
  Queue as RedisQueue,
  QueueEvents as RedisQueueEvents,
  Worker as RedisWorker,
  createPostgresBackend,
  withBackend,
  type ConnectionOptions,
  type PostgresPoolConfig,
  type Processor,
  type QueueEvents,
  type QueueEventsOptions,
  type Queue,
  type QueueOptions,
  type RedisOptions,
  type Worker,
  type WorkerOptions,
} from 'bullmq';
import IORedis from 'ioredis';
import { Client as PgClient } from 'pg';

/**
 * Queue names. Adding a queue is a one-line change here (plus its job definitions).
 */
export const QUEUES = {
  housekeeping: 'housekeeping',
  platformSync: 'platform-sync',
  admission: 'admission',
  statistics: 'statistics',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueueBackendKind = 'redis' | 'postgres';

// Backend-neutral views of BullMQ's classes. The Redis and PostgreSQL flavours of
// the classes differ only in their backend / connection type parameters, which the
// rest of the code never needs to know about.
export type AnyQueue = Queue<any, any, string, any, any, string, any, any>;
export type AnyWorker = Worker<any, any, string, any, any, any>;
export type AnyQueueEvents = QueueEvents<any, any, any>;
export type QueueConstructor = new (name: string, opts: QueueOptions<any>) => AnyQueue;
export type WorkerConstructor = new (name: string, processor: Processor<any, any, string> | null | undefined, opts: WorkerOptions<any>) => AnyWorker;
export type QueueEventsConstructor = new (name: string, opts: QueueEventsOptions<any>) => AnyQueueEvents;

/** Connection options as passed to BullMQ's `connection` option. */
export type QueueConnection = ConnectionOptions | PostgresPoolConfig;

export interface QueueBackend {
  readonly kind: QueueBackendKind;
  readonly Queue: QueueConstructor;
  readonly Worker: WorkerConstructor;
  readonly QueueEvents: QueueEventsConstructor;
  /** Pass as `connection` to every Queue / Worker / QueueEvents of this backend. */
  readonly connection: QueueConnection;
  /**
   * Prefix/namespace so that parallel test runs don't collide. Redis: BullMQ's key
   * prefix (pass as `prefix`). PostgreSQL: BullMQ ignores `prefix`; the namespace is
   * the schema, already baked into `connection` (see `postgresSchemaFor`).
   */
  readonly prefix?: string;
  /** Resolves when the backend is reachable; rejects otherwise. */
  ping(): Promise<void>;
  /** Releases what the backend itself owns (in-flight ping connections). Idempotent. */
  close(): Promise<void>;
}

export interface CreateQueueBackendOptions {
  /** When set, BullMQ runs on Redis; otherwise on PostgreSQL at `databaseUrl`. */
  redisUrl?: string;
  /** The application's database (used only when `redisUrl` is not set). */
  databaseUrl: string;
  /** Namespace (see `QueueBackend.prefix`). */
  prefix?: string;
  /** PostgreSQL only: pool size of EACH Queue / Worker / QueueEvents instance. */
  poolMax?: number;
}

const DEFAULT_POSTGRES_SCHEMA = 'bullmq';
const DEFAULT_POOL_MAX = 4;
const PING_TIMEOUT_MS = 5_000;

/** Bound once: the PostgreSQL flavour of BullMQ's classes. */
const postgresClasses = withBackend(createPostgresBackend);

export function createQueueBackend(opts: CreateQueueBackendOptions): QueueBackend {
  return opts.redisUrl ? createRedisQueueBackend(opts.redisUrl, opts.prefix) : createPostgresQueueBackend(opts);
}

/** The PostgreSQL schema holding BullMQ's tables for a given prefix. */
export function postgresSchemaFor(prefix?: string): string {
  if (!prefix) return DEFAULT_POSTGRES_SCHEMA;
  const schema = `${DEFAULT_POSTGRES_SCHEMA}_${prefix.replace(/[^A-Za-z0-9_]/g, '_')}`.toLowerCase();
  // PostgreSQL truncates identifiers silently at 63 bytes; truncation could merge two
  // namespaces, so refuse instead.
  if (schema.length > 63) throw new Error(`queue prefix too long for a PostgreSQL schema name: ${prefix}`);
  return schema;
}

/** Parses `redis[s]://[user[:password]@]host[:port][/db]` into ioredis options. */
export function redisConnectionFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`unsupported Redis URL scheme: ${u.protocol}`);
  }
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`invalid Redis database in URL: ${u.pathname}`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // Required by BullMQ workers: blocking commands must not be failed by ioredis.
    maxRetriesPerRequest: null,
  };
}

/**
 * Tracks the short-lived connections opened by `ping()` so that `close()` can end
 * one that is still in flight.
 */
function pingTracker(kind: QueueBackendKind) {
  const open = new Set<() => Promise<void>>();
  let closed = false;
  return {
    async run<C>(connect: () => Promise<C>, use: (c: C) => Promise<void>, end: (c: C) => Promise<void>): Promise<void> {
      if (closed) throw new Error(`${kind} queue backend is closed`);
      const client = await connect();
      const release = () => end(client).catch(() => undefined);
      open.add(release);
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          use(client),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${kind} ping timed out after ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
          }),
        ]);
      } finally {
        clearTimeout(timer);
        open.delete(release);
        await release();
      }
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all([...open].map((release) => release()));
      open.clear();
    },
  };
}

function createRedisQueueBackend(redisUrl: string, prefix?: string): QueueBackend {
  const connection = redisConnectionFromUrl(redisUrl);
  const pings = pingTracker('redis');
  return {
    kind: 'redis',
    Queue: RedisQueue,
    Worker: RedisWorker,
    QueueEvents: RedisQueueEvents,
    connection,
    prefix,
    ping: () =>
      pings.run(
        async () => {
          // A dedicated client that fails fast instead of retrying forever.
          const client = new IORedis({
            ...connection,
            lazyConnect: true,
            maxRetriesPerRequest: 0,
            enableOfflineQueue: false,
            retryStrategy: () => null,
            connectTimeout: PING_TIMEOUT_MS,
          });
          client.on('error', () => undefined); // surfaced through connect()/ping() instead
          try {
            await client.connect();
          } catch (err) {
            // Without retries a failed client is already 'end'; disconnecting it again
            // would leave ioredis' 2 s disconnect timer running.
            if (client.status !== 'end') client.disconnect();
            throw err;
          }
          return client;
        },
        async (client) => {
          const reply = await client.ping();
          if (reply !== 'PONG') throw new Error(`unexpected Redis PING reply: ${String(reply)}`);
        },
        async (client) => {
          await client.quit().catch(() => client.disconnect());
        },
      ),
    close: () => pings.close(),
  };
}

function createPostgresQueueBackend(opts: CreateQueueBackendOptions): QueueBackend {
  // The config-object form is the only one in which BullMQ honours `schema` and
  // `migrate`; every Queue / Worker / QueueEvents builds (and closes) its own pool
  // from it, plus one dedicated LISTEN connection for Workers and QueueEvents.
  const connection: PostgresPoolConfig = {
    connectionString: opts.databaseUrl,
    max: opts.poolMax ?? DEFAULT_POOL_MAX,
    schema: postgresSchemaFor(opts.prefix),
    migrate: true,
    application_name: 'zhunru-bullmq',
  };
  const pings = pingTracker('postgres');
  return {
    kind: 'postgres',
    Queue: postgresClasses.Queue,
    Worker: postgresClasses.Worker,
    QueueEvents: postgresClasses.QueueEvents,
    connection,
    prefix: opts.prefix,
    ping: () =>
      pings.run(
        async () => {
          const client = new PgClient({
            connectionString: opts.databaseUrl,
            connectionTimeoutMillis: PING_TIMEOUT_MS,
            application_name: 'zhunru-bullmq-ping',
          });
          client.on('error', () => undefined); // surfaced through connect()/query() instead
          try {
            await client.connect();
          } catch (err) {
            await client.end().catch(() => undefined);
            throw err;
          }
          return client;
        },
        async (client) => {
          await client.query('select 1');
        },
        (client) => client.end(),
      ),
    close: () => pings.close(),
  };
}
