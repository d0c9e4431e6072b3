/**
 * Real BullMQ jobs on every available backend: PostgreSQL always (a database cloned
 * from the test template), Redis when REDIS_URL is set. No mocks.
 */
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import { createQueueBackend, postgresSchemaFor, type QueueBackend, type QueueBackendKind } from '../src/queue/backend';
import { createQueues, jobOptions, startWorkers, type JobDefinition, type QueueRegistry, type RunningWorkers, type WorkerContext } from '../src/queue/runtime';
import { createTestDatabase } from './support/databases';

// Built at load time: without REDIS_URL the Redis case is simply not in the list.
const backends: QueueBackendKind[] = ['postgres', ...(process.env.REDIS_URL ? (['redis'] as const) : [])];

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

function capturingContext(extra: Record<string, unknown> = {}): WorkerContext & { logs: LogEntry[] } {
  const logs: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (obj: object, msg?: string) => logs.push({ level, obj: obj as any, msg });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, logs, ...extra };
}

/** Polls `fn` until it returns true or `ms` elapse. */
async function eventually(fn: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(backends)('BullMQ on %s', (kind) => {
  // Unique per run: parallel and repeated runs never share queues.
  const prefix = `zrt_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const usedQueues = new Set<string>();
  const queueName = (name: string) => (usedQueues.add(name), name);
  let db: { url: string; drop(): Promise<void> } | undefined;
  let backend: QueueBackend;
  let running: RunningWorkers[] = [];
  let registries: QueueRegistry[] = [];
  let t0 = 0;

  const start = async (jobs: JobDefinition[], context = capturingContext()) => {
    const r = await startWorkers({ backend, jobs, context, concurrency: 2 });
    running.push(r);
    return r;
  };
  const queues = (...names: string[]) => {
    const r = createQueues(backend, names);
    registries.push(r);
    return r;
  };

  beforeAll(async () => {
    t0 = Date.now();
    if (kind === 'postgres') db = await createTestDatabase();
    backend = createQueueBackend({
      redisUrl: kind === 'redis' ? process.env.REDIS_URL : undefined,
      databaseUrl: db?.url ?? 'postgres://unused.invalid/unused',
      prefix,
      poolMax: 3,
    });
    expect(backend.kind).toBe(kind);
  });

  afterEach(async () => {
    await Promise.all(running.map((r) => r.close(5_000)));
    await Promise.all(registries.map((r) => r.close()));
    running = [];
    registries = [];
  });

  afterAll(async () => {
    if (backend) {
      const cleanup = createQueues(backend, [...usedQueues]);
      for (const name of usedQueues) await cleanup.get(name).obliterate({ force: true });
      await cleanup.close();
      await backend.close();
    }
    await db?.drop();

    console.log(`queues.test.ts on ${kind}: ${Date.now() - t0} ms`);
  });

  it('(e) ping() resolves, and rejects for an unreachable server or once closed', async () => {
    await expect(backend.ping()).resolves.toBeUndefined();
    const unreachable = createQueueBackend(
      kind === 'redis'
        ? { redisUrl: 'redis://127.0.0.1:1', databaseUrl: 'postgres://unused.invalid/unused' }
        : { databaseUrl: 'postgres://postgres@127.0.0.1:1/postgres' },
    );
    await expect(unreachable.ping()).rejects.toThrow();
    await unreachable.close();
    await expect(unreachable.ping()).rejects.toThrow(/closed/);
    if (kind === 'postgres') expect(backend.connection).toMatchObject({ schema: postgresSchemaFor(prefix), migrate: true });
  });

  it('rejects invalid job definitions before touching the backend', async () => {
    const ctx = capturingContext();
    const job = (extra: Partial<JobDefinition>): JobDefinition => ({ queue: 'invalid', name: 'x', process: async () => 1, ...extra });
    const attempt = (jobs: JobDefinition[]) => startWorkers({ backend, jobs, context: ctx, concurrency: 1 });
    await expect(attempt([job({}), job({})])).rejects.toThrow(/duplicate job definition invalid\/x/);
    await expect(attempt([job({ schedule: {} })])).rejects.toThrow(/exactly one of every \/ pattern/);
    await expect(attempt([job({ schedule: { every: 100, pattern: '* * * * *' } })])).rejects.toThrow(/exactly one/);
    await expect(attempt([job({ schedule: { every: 100, tz: 'Asia/Shanghai' } })])).rejects.toThrow(/tz needs a pattern/);
  });

  it('(a) processes a job and returns its value; unknown job names fail without retries', async () => {
    const q = queueName('basic');
    const ctx = capturingContext({ marker: 'from-context' });
    const double: JobDefinition<{ n: number }, { doubled: number; marker: unknown }> = {
      queue: q,
      name: 'double',
      process: async (job, c) => ({ doubled: job.data.n * 2, marker: c.marker }),
    };
    const r = await start([double], ctx);
    const events = r.queues.events(q);
    await events.waitUntilReady();

    const job = await r.queues.add(double, { n: 21 });
    // Default job options when the definition says nothing.
    expect(job.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 1000 } });
    await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ doubled: 42, marker: 'from-context' });

    const unknown = await r.queues.get(q).add('no-such-job', {});
    await expect(unknown.waitUntilFinished(events, 10_000)).rejects.toThrow(/Unknown job "no-such-job" on queue "basic"/);
    const failed = (await r.queues.get(q).getJob(unknown.id!))!;
    expect(await failed.getState()).toBe('failed');
    expect(failed.attemptsMade).toBe(1); // not retried
    // The worker's own 'failed' event may come after QueueEvents has reported it.
    await eventually(
      () => ctx.logs.some((l) => l.level === 'error' && l.msg === 'job failed' && l.obj.job === 'no-such-job'),
      2_000,
      'the failure to be logged',
    );
  });

  it('(b) retries a job that throws twice, with backoff, and completes it', async () => {
    const q = queueName('retry');
    const calls: number[] = [];
    const flaky: JobDefinition = {
      queue: q,
      name: 'flaky',
      attempts: 3,
      backoff: { type: 'exponential', delay: 150 }, // 150 ms, then 300 ms
      process: async () => {
        calls.push(Date.now());
        if (calls.length < 3) throw new Error(`transient failure ${calls.length}`);
        return 'third time lucky';
      },
    };
    const ctx = capturingContext();
    const r = await start([flaky], ctx);
    const events = r.queues.events(q);
    await events.waitUntilReady();

    const job = await r.queues.add(flaky, {});
    expect(job.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 150 } });
    await expect(job.waitUntilFinished(events, 10_000)).resolves.toBe('third time lucky');

    const done = (await r.queues.get(q).getJob(job.id!))!;
    expect(await done.getState()).toBe('completed');
    expect(done.attemptsMade).toBe(3);
    expect(calls).toHaveLength(3);
    // Exponential backoff: the second gap is (about) twice the first.
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(140);
    expect(calls[2] - calls[1]).toBeGreaterThanOrEqual(290);
    expect(ctx.logs.filter((l) => l.level === 'warn' && l.msg === 'job failed; will retry')).toHaveLength(2);
  });

  it('(c) close() lets an active job finish and takes no new job', async () => {
    const q = queueName('shutdown');
    const started = deferred();
    let finishedAt = 0;
    const slow: JobDefinition = {
      queue: q,
      name: 'slow',
      process: async () => {
        started.resolve();
        await sleep(1500);
        finishedAt = Date.now();
        return 'finished';
      },
    };
    const ctx = capturingContext();
    const r = await start([slow], ctx);
    const producer = queues(q);

    const job = await producer.add(slow, {});
    await started.promise;
    const closeStartedAt = Date.now();
    const closing = r.close(10_000);
    await sleep(200);
    const late = await producer.add(slow, {}); // added while shutting down: must stay queued
    const result = await closing;
    const closedAt = Date.now();

    expect(result).toEqual({ drained: true });
    expect(finishedAt).toBeGreaterThan(0);
    expect(closedAt).toBeGreaterThanOrEqual(finishedAt); // close resolved after the job finished
    expect(closedAt - closeStartedAt).toBeGreaterThan(1000);
    const after = (await producer.get(q).getJob(job.id!))!;
    expect(await after.getState()).toBe('completed');
    expect(after.returnvalue).toBe('finished');
    expect(after.attemptsMade).toBe(1);
    expect(after.finishedOn).toBeLessThanOrEqual(closedAt);
    expect(
      await producer
        .get(q)
        .getJob(late.id!)
        .then((j) => j!.getState()),
    ).toBe('waiting');
    expect(ctx.logs.filter((l) => l.level !== 'info')).toEqual([]); // no failure, no stall
  });

  it('(c) close() with a short timeout aborts a job that does not finish in time; it is retried later', async () => {
    const q = queueName('shutdown-timeout');
    const started = deferred();
    let aborted = false;
    const cooperative: JobDefinition = {
      queue: q,
      name: 'cooperative',
      process: (_job, _ctx, signal) =>
        new Promise((resolve, reject) => {
          started.resolve();
          const timer = setTimeout(resolve, 5000);
          signal?.addEventListener('abort', () => {
            aborted = true;
            clearTimeout(timer);
            reject(new Error('aborted by shutdown'));
          });
        }),
    };
    const ctx = capturingContext();
    const r = await start([cooperative], ctx);
    const job = await r.queues.add(cooperative, {});
    await started.promise;
    const t = Date.now();
    await expect(r.close(300)).resolves.toEqual({ drained: false });
    expect(Date.now() - t).toBeLessThan(1500);
    expect(aborted).toBe(true);
    expect(ctx.logs.some((l) => l.level === 'warn' && /shutdown timeout/.test(l.msg ?? ''))).toBe(true);
    // The aborted attempt failed normally: a retry is scheduled (with backoff).
    const after = (await queues(q).get(q).getJob(job.id!))!;
    expect(await after.getState()).toBe('delayed');
    expect(after.attemptsMade).toBe(1);
    expect(after.failedReason).toBe('aborted by shutdown');
  });

  it('(c) close() stays bounded when a job ignores its abort signal', async () => {
    const q = queueName('shutdown-stubborn');
    const started = deferred();
    let finished = false;
    const stubborn: JobDefinition = {
      queue: q,
      name: 'stubborn',
      process: async () => {
        started.resolve();
        await sleep(1800);
        finished = true;
        return 'too late';
      },
    };
    const ctx = capturingContext();
    const r = await start([stubborn], ctx);
    const job = await r.queues.add(stubborn, {});
    await started.promise;
    const t = Date.now();
    await expect(r.close(200)).resolves.toEqual({ drained: false }); // 200 ms + 1 s abort grace
    expect(Date.now() - t).toBeLessThan(1700);
    expect(finished).toBe(false);
    expect(ctx.logs.some((l) => l.level === 'error' && /ignored the abort signal/.test(l.msg ?? ''))).toBe(true);
    // Not waited for, but not killed either: it still completes (its worker kept its
    // lock and connections), after which BullMQ finishes closing the worker.
    await eventually(() => finished, 3_000, 'the stubborn job to return');
    const producer = queues(q);
    await eventually(
      async () =>
        (await producer
          .get(q)
          .getJob(job.id!)
          .then((j) => j!.getState())) === 'completed',
      3_000,
      'the stubborn job to be completed',
    );
    await r.workers.get(q)!.closing; // and the worker finished closing
  });

  it('(d) schedulers: registering twice leaves one per job, obsolete ones are removed, and they run', async () => {
    const q = queueName('sched');
    let ticks = 0;
    const tick: JobDefinition = {
      queue: q,
      name: 'tick',
      schedule: { every: 200 },
      process: async () => ++ticks,
    };
    const nightly: JobDefinition = {
      queue: q,
      name: 'nightly',
      schedule: { pattern: '0 3 * * *', tz: 'Asia/Shanghai' },
      attempts: 5,
      process: async () => 'ok',
    };
    // A scheduler left behind by an earlier release.
    const old = queues(q);
    await old.get(q).upsertJobScheduler('obsolete', { every: 3_600_000 }, { name: 'obsolete' });

    await start([tick, nightly]);
    await start([tick, nightly]); // a second worker process
    const queue = old.get(q);

    const schedulers = await queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key).sort()).toEqual(['nightly', 'tick']);
    expect(await queue.getJobSchedulersCount()).toBe(2);
    const byKey = Object.fromEntries(schedulers.map((s) => [s.key, s]));
    expect(byKey.tick).toMatchObject({ name: 'tick', every: 200 });
    expect(byKey.nightly).toMatchObject({ name: 'nightly', pattern: '0 3 * * *', tz: 'Asia/Shanghai' });

    // Exactly one pending run of the nightly job, with the definition's options.
    const pending = (await queue.getJobs(['delayed', 'waiting', 'prioritized'])).filter((j: Job) => j?.name === 'nightly');
    expect(pending).toHaveLength(1);
    expect(pending[0].opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
    expect((await queue.getJobs(['delayed', 'waiting'])).filter((j: Job) => j?.name === 'obsolete')).toHaveLength(0);

    await eventually(() => ticks >= 1, 5_000, 'a scheduled tick');
    const ran = (await queue.getJobs(['completed'])).find((j: Job) => j?.name === 'tick');
    expect(ran?.opts).toMatchObject(jobOptions(tick));
  });
});
