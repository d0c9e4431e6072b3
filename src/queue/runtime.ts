/**
 * Worker runtime: job definitions, one BullMQ Worker per queue dispatching by job
 * name, idempotent job-scheduler registration, graceful shutdown, and a queue
 * registry for processes that only enqueue (the API).
 *
 * Written once against the classes of a `QueueBackend` (Redis or PostgreSQL).
 */
import { UnrecoverableError, type Job, type JobsOptions } from 'bullmq';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { AnyQueue, AnyQueueEvents, AnyWorker, QueueBackend } from './backend';

export interface WorkerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Passed by the caller to every job (the caller adds e.g. the MikroORM instance).
 * Shared by all jobs: jobs must not mutate it.
 */
export interface WorkerContext {
  logger: WorkerLogger;
  [k: string]: unknown;
}

/** What the workers of this process get besides the logger. */
export interface AppWorkerContext extends WorkerContext {
  orm: MikroORM;
  /** The process's configuration (signing keys folder); jobs needing it fall back to the environment. */
  config?: Config;
}

export interface JobSchedule {
  /** Repeat every N ms. Exactly one of `every` / `pattern`. */
  every?: number;
  /** Cron pattern. */
  pattern?: string;
  /** Time zone of `pattern`, e.g. 'Asia/Shanghai'. */
  tz?: string;
}

export interface JobBackoff {
  type: 'exponential' | 'fixed';
  delay: number;
}

export interface JobDefinition<D = any, R = any> {
  queue: string;
  /** Unique within its queue; also the scheduler id when `schedule` is set. */
  name: string;
  /**
   * `signal` is aborted when a shutdown times out (see `RunningWorkers.close`);
   * long jobs should honour it.
   */
  process(job: Job<D>, ctx: WorkerContext, signal?: AbortSignal): Promise<R>;
  schedule?: JobSchedule;
  attempts?: number;
  backoff?: JobBackoff;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF: JobBackoff = { type: 'exponential', delay: 1000 };
const KEEP_COMPLETED = { count: 1000 };
const KEEP_FAILED = { count: 5000 };

/** Options for every job added to our queues (BullMQ `defaultJobOptions`). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: DEFAULT_ATTEMPTS,
  backoff: DEFAULT_BACKOFF,
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
} satisfies JobsOptions;

/** The job options of a definition: its own attempts/backoff, else the defaults. */
export function jobOptions(def: Pick<JobDefinition, 'attempts' | 'backoff'>): JobsOptions {
  return {
    ...DEFAULT_JOB_OPTIONS,
    attempts: def.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { ...(def.backoff ?? DEFAULT_BACKOFF) },
  };
}

/** Options shared by every Queue / Worker / QueueEvents of a backend. */
function baseOptions(backend: QueueBackend) {
  return { connection: backend.connection, prefix: backend.prefix };
}

// ---------------------------------------------------------------------------
// Queue registry (enqueue without running workers)
// ---------------------------------------------------------------------------

export interface QueueRegistry {
  readonly backend: QueueBackend;
  /** The queue `name`, created on first use and cached. */
  get(name: string): AnyQueue;
  /** A QueueEvents for `name` (e.g. for `job.waitUntilFinished`), created on first use and cached. */
  events(name: string): AnyQueueEvents;
  /** Adds a job of a definition, with the definition's attempts/backoff. */
  add<D>(def: Pick<JobDefinition<D>, 'queue' | 'name' | 'attempts' | 'backoff'>, data: D, opts?: JobsOptions): Promise<Job<D>>;
  /** Closes every queue and QueueEvents created by this registry. Idempotent. */
  close(): Promise<void>;
}

/**
 * Queues for a process that enqueues jobs (the API) without running workers.
 * `names` are created eagerly; any other name is created on first `get`.
 */
export function createQueues(backend: QueueBackend, names: readonly string[] = [], logger?: WorkerLogger): QueueRegistry {
  const queues = new Map<string, AnyQueue>();
  const events = new Map<string, AnyQueueEvents>();
  let closing: Promise<void> | undefined;

  const ensureOpen = () => {
    if (closing) throw new Error('queue registry is closed');
  };

  const registry: QueueRegistry = {
    backend,
    get(name) {
      ensureOpen();
      let queue = queues.get(name);
      if (!queue) {
        queue = new backend.Queue(name, { ...baseOptions(backend), defaultJobOptions: DEFAULT_JOB_OPTIONS });
        // Without an 'error' listener an EventEmitter error would crash the process.
        queue.on('error', (err: Error) => logger?.error({ err, queue: name }, 'queue error'));
        queues.set(name, queue);
      }
      return queue;
    },
    events(name) {
      ensureOpen();
      let qe = events.get(name);
      if (!qe) {
        qe = new backend.QueueEvents(name, baseOptions(backend));
        qe.on('error', (err: Error) => logger?.error({ err, queue: name }, 'queue events error'));
        events.set(name, qe);
      }
      return qe;
    },
    add(def, data, opts) {
      return registry.get(def.queue).add(def.name, data, { ...jobOptions(def), ...opts });
    },
    close() {
      closing ??= (async () => {
        const results = await Promise.allSettled([...[...events.values()].map((qe) => qe.close()), ...[...queues.values()].map((q) => q.close())]);
        for (const r of results) {
          if (r.status === 'rejected') logger?.warn({ err: r.reason }, 'closing a queue failed');
        }
      })();
      return closing;
    },
  };
  for (const name of names) registry.get(name);
  return registry;
}

// ---------------------------------------------------------------------------
// Workers
// ---------------------------------------------------------------------------

export interface StartWorkersOptions {
  backend: QueueBackend;
  jobs: JobDefinition[];
  context: WorkerContext;
  /** Jobs processed at the same time by each queue's Worker. */
  concurrency: number;
}

export interface RunningWorkers {
  /** One Worker per queue, keyed by queue name. */
  readonly workers: ReadonlyMap<string, AnyWorker>;
  /** The queues the workers consume (usable to enqueue); closed by `close`. */
  readonly queues: QueueRegistry;
  /**
   * Graceful shutdown: stop taking new jobs, let running jobs finish for up to
   * `timeoutMs`, then close workers, queues and QueueEvents. When the timeout
   * elapses, running jobs' abort signals fire and we wait one more second for them
   * to fail; a job that still runs after that is no longer waited for (it finishes
   * in the background, or is retried as stalled if the process exits first).
   * `drained` is false when the timeout elapsed. Idempotent.
   */
  close(timeoutMs?: number): Promise<{ drained: boolean }>;
}

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 30_000;
/** After a shutdown timeout: how long aborted jobs get to fail before we stop waiting for them. */
const ABORT_GRACE_MS = 1_000;

function validate(jobs: JobDefinition[]): Map<string, Map<string, JobDefinition>> {
  const byQueue = new Map<string, Map<string, JobDefinition>>();
  for (const def of jobs) {
    if (!def.queue || !def.name) throw new Error('job definition without queue or name');
    let byName = byQueue.get(def.queue);
    if (!byName) byQueue.set(def.queue, (byName = new Map()));
    if (byName.has(def.name)) throw new Error(`duplicate job definition ${def.queue}/${def.name}`);
    byName.set(def.name, def);
    const s = def.schedule;
    if (s) {
      if ((s.every === undefined) === (s.pattern === undefined)) {
        throw new Error(`job ${def.queue}/${def.name}: schedule needs exactly one of every / pattern`);
      }
      if (s.every !== undefined && !(Number.isInteger(s.every) && s.every > 0)) {
        throw new Error(`job ${def.queue}/${def.name}: schedule.every must be a positive integer (ms)`);
      }
      if (s.tz && s.pattern === undefined) throw new Error(`job ${def.queue}/${def.name}: schedule.tz needs a pattern`);
    }
  }
  return byQueue;
}

/**
 * Makes the queue's job schedulers match the definitions: upserts one scheduler per
 * scheduled job (scheduler id = job name; upserting is idempotent, so any number of
 * worker processes can do this at start-up) and removes schedulers whose job no
 * longer has a schedule (every process consuming a queue knows all its jobs, since
 * it must be able to process them).
 */
async function syncSchedulers(queue: AnyQueue, defs: Iterable<JobDefinition>, logger: WorkerLogger): Promise<void> {
  const wanted = new Set<string>();
  for (const def of defs) {
    if (!def.schedule) continue;
    wanted.add(def.name);
    const { every, pattern, tz } = def.schedule;
    const { attempts, backoff } = jobOptions(def);
    await queue.upsertJobScheduler(def.name, every !== undefined ? { every } : { pattern, ...(tz ? { tz } : {}) }, {
      name: def.name,
      data: {},
      opts: { attempts, backoff, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
    });
  }
  for (const s of await queue.getJobSchedulers(0, -1)) {
    const id = s.key; // the scheduler id
    if (!wanted.has(id)) {
      await queue.removeJobScheduler(id);
      logger.info({ queue: queue.name, scheduler: id }, 'removed obsolete job scheduler');
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then((value) => ({ done: true as const, value })),
    new Promise<{ done: false }>((resolve) => {
      timer = setTimeout(() => resolve({ done: false }), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function startWorkers(opts: StartWorkersOptions): Promise<RunningWorkers> {
  const { backend, context, concurrency } = opts;
  const { logger } = context;
  if (!(Number.isInteger(concurrency) && concurrency > 0)) throw new Error('concurrency must be a positive integer');
  const byQueue = validate(opts.jobs);

  const queues = createQueues(backend, [...byQueue.keys()], logger);
  const workers = new Map<string, AnyWorker>();
  let closing: Promise<{ drained: boolean }> | undefined;

  const close = (timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS) => {
    closing ??= (async () => {
      const all = [...workers.values()];
      // `close()` stops fetching at once, waits for the active jobs, then closes the
      // worker's connections. (Not `pause()` + `close(true)`: a pause that is still
      // waiting when the worker is force-closed reconnects BullMQ's blocking Redis
      // connection afterwards, which then stays open.)
      const closingAll = Promise.allSettled(all.map((w) => w.close()));
      const { done: drained } = await withTimeout(closingAll, timeoutMs);
      let closed = drained;
      if (!drained) {
        logger.warn({ timeoutMs }, 'workers: jobs still running at shutdown timeout; aborting them');
        for (const w of all) w.cancelAllJobs('worker shutdown timed out');
        // Jobs honouring their abort signal fail (and are retried) normally.
        closed = (await withTimeout(closingAll, ABORT_GRACE_MS)).done;
        if (!closed) {
          // Stop waiting. Such a job keeps running (and its worker keeps its lock and
          // connections) until it returns, when BullMQ finishes closing the worker;
          // if the process exits first, the job is retried as stalled. Disconnecting
          // the worker would not help: on PostgreSQL, BullMQ queries issued after
          // that never settle, so the worker would never finish closing.
          logger.error({}, 'workers: jobs ignored the abort signal; no longer waiting for them');
        }
      }
      if (closed) {
        for (const r of await closingAll) {
          if (r.status === 'rejected') logger.warn({ err: r.reason }, 'closing a worker failed');
        }
      }
      await queues.close();
      return { drained };
    })();
    return closing;
  };

  try {
    for (const [queueName, byName] of byQueue) {
      const queue = queues.get(queueName);
      await queue.waitUntilReady();
      await syncSchedulers(queue, byName.values(), logger);

      // Declared with three parameters: BullMQ only creates abort signals for
      // processors whose `length` is at least 3.
      const processor = async (job: Job, _token: string | undefined, signal: AbortSignal | undefined) => {
        const def = byName.get(job.name);
        if (!def) {
          // Not retried: no attempt by this worker can succeed.
          throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${queueName}"; known jobs: ${[...byName.keys()].join(', ')}`);
        }
        return def.process(job, context, signal);
      };

      const worker = new backend.Worker(queueName, processor, {
        ...baseOptions(backend),
        concurrency,
        // Used for jobs added without these options.
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      });
      workers.set(queueName, worker);
      worker.on('error', (err: Error) => logger.error({ err, queue: queueName }, 'worker error'));
      worker.on('failed', (job: Job | undefined, err: Error) => {
        const attempts = job?.opts.attempts ?? 1;
        const final = !job || err instanceof UnrecoverableError || job.attemptsMade >= attempts;
        logger[final ? 'error' : 'warn'](
          { err, queue: queueName, job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, attempts },
          final ? 'job failed' : 'job failed; will retry',
        );
      });
      worker.on('stalled', (jobId: string) => logger.warn({ queue: queueName, jobId }, 'job stalled; will be retried'));
      await worker.waitUntilReady();
    }
  } catch (err) {
    // Nothing has run yet (or only briefly): close what was opened, then report.
    await close(5_000).catch(() => undefined);
    throw err;
  }

  logger.info({ queues: [...workers.keys()], concurrency, backend: backend.kind }, 'workers started');
  return { workers, queues, close };
}
