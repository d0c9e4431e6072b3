/**
 * Zhunru's entry point. `npm start` runs everything in one process: the database (the
 * embedded PostgreSQL when DATABASE_URL is unset), migrations and the demo seed on an
 * empty embedded database, the GraphQL API and the BullMQ workers.
 * `--only api` / `--only workers` run one side, for production (see docker-compose.yml).
 */
import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { openDatabase, type Database } from './db/prepare';
import { seedDemoCounty } from './db/seed/seed';
import { startApi, type ApiServer } from './http/server';
import { createQueueBackend, type QueueBackend } from './queue/backend';
import { startWorkers, type RunningWorkers } from './queue/runtime';
import { JOBS } from '../workers/jobs';
import type { AppWorkerContext } from './queue/runtime';
import { DEFAULT_APP_KEY, DEFAULT_APP_SECRET, startSimulator } from '../integrations/simulator/server';

export interface Platform {
  config: Config;
  db: Database;
  queues: QueueBackend;
  api?: ApiServer;
  workers?: RunningWorkers;
  stop(): Promise<void>;
}

export type Side = 'all' | 'api' | 'workers';

export async function startPlatform(config: Config, logger: Logger, side: Side = 'all'): Promise<Platform> {
  const started = Date.now();
  const db = await openDatabase(config, {
    migrate: config.migrateOnStart,
    onLog: (message) => logger.debug({ component: 'postgres' }, message),
  });
  if (db.embedded) logger.info({ port: db.embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  const resources: Array<() => Promise<unknown>> = [() => db.close()];
  const stopAll = async () => {
    for (const stop of resources.reverse()) await stop().catch((err) => logger.error({ err }, 'error while stopping'));
  };
  try {
    if (config.seedOnEmpty) {
      const seeded = await seedDemoCounty(db.orm.em.fork());
      if (seeded) logger.info(seeded, 'seeded the demo county (青衣县)');
    }
    // The embedded default also runs the one-stop platform's simulator and points the sync
    // jobs at it, so a fresh machine shows the whole integration (never in production).
    if (db.embedded && side === 'all' && !process.env.PLATFORM_BASE_URL) {
      const simulator = await startSimulator({ port: 0, appKey: DEFAULT_APP_KEY, appSecret: DEFAULT_APP_SECRET });
      resources.push(() => simulator.close());
      Object.assign(process.env, { PLATFORM_BASE_URL: simulator.url, PLATFORM_APP_KEY: DEFAULT_APP_KEY, PLATFORM_APP_SECRET: DEFAULT_APP_SECRET });
      logger.info({ url: simulator.url }, 'one-stop platform simulator started (demo data)');
    }
    const queues = createQueueBackend({ redisUrl: config.redisUrl, databaseUrl: db.url });
    resources.push(() => queues.close());
    let workers: RunningWorkers | undefined;
    if (side !== 'api') {
      const context: AppWorkerContext = { logger: logger.child({ component: 'workers' }), orm: db.orm, config };
      workers = await startWorkers({ backend: queues, jobs: JOBS, context, concurrency: config.workerConcurrency });
      resources.push(() => workers!.close(config.shutdownTimeoutMs));
    }
    let api: ApiServer | undefined;
    if (side !== 'workers') {
      api = await startApi({ config, orm: db.orm, logger, queues });
      resources.push(() => api!.close());
    }
    logger.info(
      {
        url: api?.url,
        graphql: api && `${api.url}/graphql`,
        ide: api && config.graphiql ? `${api.url}/graphiql` : undefined,
        queue: queues.kind,
        side,
        ms: Date.now() - started,
      },
      'Zhunru ready 准入平台已启动',
    );
    return { config, db, queues, api, workers, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--only');
  const side = (i >= 0 ? process.argv[i + 1] : 'all') as Side;
  if (!['all', 'api', 'workers'].includes(side)) {
    console.error('usage: main [--only api|workers]');
    process.exit(2);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  const logger = createLogger(config);
  const platform = await startPlatform(config, logger, side);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests and running jobs');
    platform.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
