/**
 * A sync worker in a process of its own, for the crash test (test/platform-crash.test.ts):
 *
 *   node scripts/run.js test/support/sync-worker-child.ts
 *
 * Environment: ZR_DATABASE_URL, ZR_QUEUE_KIND (postgres | redis; redis uses REDIS_URL),
 * ZR_QUEUE_PREFIX, ZR_SIM_URL, ZR_SIM_APP_KEY, ZR_SIM_APP_SECRET, ZR_PAGE_SIZE.
 *
 * It runs the production job definitions (createSyncJobs) on a BullMQ Worker of the
 * platform-sync queue, with a short lock (2 s) and stalled check (1 s) so that a killed
 * worker's job is recovered in seconds rather than BullMQ's default 30 s. Prints `ready`
 * on stdout once it takes jobs; SIGTERM closes it cleanly. With ZR_START_PAUSED=1 it
 * connects but takes no job (and runs no stalled check) until it reads `go` on stdin, so
 * a test can have a replacement worker warmed up before it kills the first one.
 */
import 'reflect-metadata';
import type { Job } from 'bullmq';
import { createOrm } from '../../src/db/orm';
import { HttpPlatformAdapter } from '../../integrations/platform/http-adapter';
import { createQueueBackend, QUEUES } from '../../src/queue/backend';
import { createSyncJobs, type SyncWorkerContext } from '../../src/platform/sync/jobs';

async function main(): Promise<void> {
  const env = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  const orm = await createOrm({ url: env('ZR_DATABASE_URL'), poolMax: 4 });
  const backend = createQueueBackend({
    redisUrl: process.env.ZR_QUEUE_KIND === 'redis' ? env('REDIS_URL') : undefined,
    databaseUrl: env('ZR_DATABASE_URL'),
    prefix: env('ZR_QUEUE_PREFIX'),
    poolMax: 3,
  });
  const log = (level: string) => (obj: object, msg?: string) => process.stderr.write(`${JSON.stringify({ level, pid: process.pid, msg, ...obj })}\n`);
  const context: SyncWorkerContext = {
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    orm,
    platformAdapter: new HttpPlatformAdapter({
      baseUrl: env('ZR_SIM_URL'),
      appKey: env('ZR_SIM_APP_KEY'),
      appSecret: env('ZR_SIM_APP_SECRET'),
      timeoutMs: 5000,
      maxRetries: 3,
      backoffBaseMs: 20,
    }),
  };
  const defs = new Map(createSyncJobs({ schedule: false, pageSize: Number(process.env.ZR_PAGE_SIZE ?? 100) }).map((d) => [d.name, d]));
  const worker = new backend.Worker(
    QUEUES.platformSync,
    async (job: Job, _token: string | undefined, signal: AbortSignal | undefined) => {
      const def = defs.get(job.name);
      if (!def) throw new Error(`unknown job ${job.name}`);
      return def.process(job, context, signal);
    },
    {
      connection: backend.connection,
      prefix: backend.prefix,
      concurrency: 1,
      lockDuration: 2000,
      stalledInterval: 1000,
      maxStalledCount: 2,
      autorun: process.env.ZR_START_PAUSED !== '1',
    } as never,
  );
  worker.on('error', (err: Error) => log('error')({ err: err.message }, 'worker error'));
  worker.on('stalled', (jobId: string) => log('warn')({ jobId }, 'stalled job recovered'));
  await worker.waitUntilReady();
  if (process.env.ZR_START_PAUSED === '1') {
    process.stdin.on('data', (d: Buffer) => {
      if (d.toString().includes('go')) {
        void worker.run();
        process.stdout.write('running\n');
      }
    });
  }
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void (async () => {
      await worker.close();
      await backend.close();
      await orm.close(true);
      process.exit(0);
    })();
  });
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
