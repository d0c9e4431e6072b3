/**
 * Sync jobs with the one-stop platform (queue `platform-sync`):
 *
 *   sync-apps / sync-terminals / sync-collected-values
 *       incremental every 5 minutes (staggered: apps first, so terminals find their apps),
 *       or in the mode given in the job data (on demand: `triggerSync`);
 *   sync-*-nightly-full
 *       full reconcile every night (Asia/Shanghai), marking what the platform no longer lists
 *       as deleted;
 *   push-admission
 *       sends one approved admission item to the platform (`enqueueAdmissionPush`).
 *
 * Each attempt of a job is one SyncRun. Adapter errors the platform may recover from
 * (5xx, 429, timeouts, network) fail the attempt and BullMQ retries with exponential
 * backoff; errors no retry can fix (bad signature, bad request) fail the job at once.
 * One run of a kind at a time: triggers are deduplicated per kind, and a run that finds
 * another one holding the kind's lock ends SKIPPED.
 */
import crypto from 'node:crypto';
import { UnrecoverableError, type Job, type JobsOptions } from 'bullmq';
import { QUEUES } from '../../queue/backend';
import type { JobBackoff, JobDefinition, JobSchedule, QueueRegistry } from '../../queue/runtime';
import type { AppWorkerContext } from '../../queue/runtime';
import { PlatformError } from '../../../integrations/platform/errors';
import type { PlatformAdapter, PlatformAdmissionPush } from '../../../integrations/platform/types';
import { runSync, SyncRunError, type RecordSyncKind, type SyncProgress, type SyncResult } from './run';
import { platformAdapterFromEnv } from '../service/platform-adapter';
import { SyncKind, SyncMode } from '../entity/sync-run.entity';
import { SyncRejectionCode } from '../entity/sync-rejected-record.entity';

/** Job data of a sync job (empty for scheduled runs). */
export interface SyncJobData {
  mode?: SyncMode;
  requestedBy?: { userId: number; username: string } | null;
}

export type SyncJobResult = SyncResult | { status: 'SKIPPED'; kind: RecordSyncKind; reason: string };

/**
 * The workers' context, plus an optional adapter. When `platformAdapter` is present (even
 * null) it is used; otherwise the adapter comes from the environment (PLATFORM_BASE_URL…).
 */
export interface SyncWorkerContext extends AppWorkerContext {
  platformAdapter?: PlatformAdapter | null;
}

export const SYNC_JOB_NAMES: Record<RecordSyncKind, { onDemand: string; nightlyFull: string }> = {
  APPS: { onDemand: 'sync-apps', nightlyFull: 'sync-apps-nightly-full' },
  TERMINALS: { onDemand: 'sync-terminals', nightlyFull: 'sync-terminals-nightly-full' },
  COLLECTED_VALUES: { onDemand: 'sync-collected-values', nightlyFull: 'sync-collected-values-nightly-full' },
};
export const PUSH_ADMISSION_JOB = 'push-admission';

/** Incremental every 5 minutes, staggered by a minute per kind; full nightly. Beijing time. */
const SCHEDULES: Record<RecordSyncKind, { incremental: JobSchedule; full: JobSchedule }> = {
  APPS: { incremental: { pattern: '*/5 * * * *', tz: 'Asia/Shanghai' }, full: { pattern: '0 2 * * *', tz: 'Asia/Shanghai' } },
  TERMINALS: { incremental: { pattern: '1-59/5 * * * *', tz: 'Asia/Shanghai' }, full: { pattern: '20 2 * * *', tz: 'Asia/Shanghai' } },
  COLLECTED_VALUES: { incremental: { pattern: '2-59/5 * * * *', tz: 'Asia/Shanghai' }, full: { pattern: '40 2 * * *', tz: 'Asia/Shanghai' } },
};

export const SYNC_ATTEMPTS = 5;
/** 15 s, 30 s, 1 min, 2 min between attempts. */
export const SYNC_BACKOFF: JobBackoff = { type: 'exponential', delay: 15_000 };
/** Jobs per second the platform-sync queue starts, across all workers (BullMQ global rate limit). */
export const PLATFORM_QUEUE_RATE = { max: 10, duration: 1000 };

let envAdapter: PlatformAdapter | null | undefined;
/** The adapter of a job: the context's, else the environment's (created once per process). */
export function adapterFor(ctx: SyncWorkerContext): PlatformAdapter | null {
  if ('platformAdapter' in ctx) return ctx.platformAdapter ?? null;
  if (envAdapter === undefined) envAdapter = platformAdapterFromEnv();
  return envAdapter;
}

/** Adapter errors that no retry can fix end the job at once. */
function classify(err: unknown): Error {
  const cause = err instanceof SyncRunError ? err.cause : err;
  if (cause instanceof PlatformError && !cause.retryable) return new UnrecoverableError((err as Error).message);
  return err instanceof Error ? err : new Error(String(err));
}

export interface SyncJobOptions {
  attempts?: number;
  backoff?: JobBackoff;
  /** Register the job schedulers (default true; tests switch them off). */
  schedule?: boolean;
  /** Page size asked of the platform. */
  pageSize?: number;
  /** See RunSyncOptions.communityFilter (default true). */
  communityFilter?: boolean;
}

function syncJob(
  kind: RecordSyncKind,
  name: string,
  defaultMode: SyncMode,
  schedule: JobSchedule | undefined,
  o: SyncJobOptions,
): JobDefinition<SyncJobData, SyncJobResult> {
  return {
    queue: QUEUES.platformSync,
    name,
    schedule,
    attempts: o.attempts ?? SYNC_ATTEMPTS,
    backoff: o.backoff ?? SYNC_BACKOFF,
    async process(job: Job<SyncJobData>, context, signal) {
      const ctx = context as SyncWorkerContext;
      const adapter = adapterFor(ctx);
      if (!adapter) {
        ctx.logger.info({ job: name }, 'platform sync skipped: PLATFORM_BASE_URL is not set');
        return { status: 'SKIPPED', kind, reason: '未配置一体化政务服务平台地址 (PLATFORM_BASE_URL is not set)' };
      }
      const mode = job.data?.mode ?? defaultMode;
      try {
        return await runSync({
          orm: ctx.orm,
          adapter,
          kind,
          mode,
          jobId: job.id ?? null,
          attempt: job.attemptsMade + 1,
          requestedBy: job.data?.requestedBy ?? null,
          pageSize: o.pageSize,
          communityFilter: o.communityFilter,
          signal,
          logger: ctx.logger,
          onProgress: (p: SyncProgress) => job.updateProgress({ ...p }),
        });
      } catch (err) {
        throw classify(err);
      }
    },
  };
}

/** Stages of an admitted item as pushed; a push never goes back to an earlier one. */
const PUSH_STAGE = { IN_EFFECT: 1, COMPLETED: 2, REVOKED: 3 } as const;

/** Job data of a push. */
export interface AdmissionPushJobData {
  push: PlatformAdmissionPush;
  requestedBy?: { userId: number; username: string } | null;
}

export type AdmissionPushResult = { status: 'SKIPPED'; reason: string } | { status: 'SUCCEEDED'; runId: number; accepted: boolean; platformId: string };

function pushAdmissionJob(o: SyncJobOptions): JobDefinition<AdmissionPushJobData, AdmissionPushResult> {
  return {
    queue: QUEUES.platformSync,
    name: PUSH_ADMISSION_JOB,
    attempts: o.attempts ?? SYNC_ATTEMPTS,
    backoff: o.backoff ?? SYNC_BACKOFF,
    async process(job, context, signal) {
      const ctx = context as SyncWorkerContext;
      const adapter = adapterFor(ctx);
      const { push } = job.data;
      if (!adapter) {
        ctx.logger.warn({ job: PUSH_ADMISSION_JOB, documentNumber: push.documentNumber }, 'admission push skipped: PLATFORM_BASE_URL is not set');
        return { status: 'SKIPPED', reason: '未配置一体化政务服务平台地址 (PLATFORM_BASE_URL is not set)' };
      }
      const conn = ctx.orm.em.getConnection();
      // An earlier attempt of this job whose process died left its run RUNNING.
      if (job.id) {
        await conn.execute(
          `update sync_run set status = 'ABANDONED', finished_at = now(), updated_at = now(),
                  error = coalesce(error, '执行进程在推送过程中终止，由该任务的下一次尝试标记为已中断 (worker died mid-push; marked by the next attempt)')
            where kind = 'PUSH_ADMISSIONS' and status = 'RUNNING' and job_id = ?`,
          [job.id],
        );
      }
      // Pushes of one document are serialised and never move the platform backwards: a status
      // is superseded once a later stage (IN_EFFECT → COMPLETED → REVOKED) has been pushed,
      // whatever order the queue ran the jobs in.
      const lockEm = ctx.orm.em.fork();
      await lockEm.begin();
      try {
        await lockEm.execute('select pg_advisory_xact_lock(hashtext(?))', [`push:${push.documentNumber}`]);
        const pushed = await lockEm.execute<Array<{ note: string }>>(
          `select note from sync_run where kind = 'PUSH_ADMISSIONS' and status = 'SUCCEEDED' and note like ?`,
          [`批准文书 ${push.documentNumber}（%`],
        );
        const stage = (status: string) => PUSH_STAGE[status as keyof typeof PUSH_STAGE] ?? 0;
        const latest = Math.max(0, ...pushed.map((r) => stage(/（([A-Z_]+)）/.exec(r.note)?.[1] ?? '')));
        if (latest > stage(push.status)) {
          await lockEm.commit();
          ctx.logger.info({ documentNumber: push.documentNumber, status: push.status }, 'admission push superseded by a later status');
          return { status: 'SKIPPED', reason: `已推送更新的状态，本次推送（${push.status}）作废 (superseded by a later status)` };
        }
        return await pushUnderLock();
      } finally {
        if (lockEm.isInTransaction()) await lockEm.commit().catch(() => undefined);
      }

      async function pushUnderLock(): Promise<AdmissionPushResult> {
        const [run] = await conn.execute<Array<{ id: number }>>(
          `insert into sync_run (kind, mode, status, started_at, job_id, attempt, requested_by_id, requested_by_username, note)
           values ('PUSH_ADMISSIONS', 'INCREMENTAL', 'RUNNING', now(), ?, ?, ?, ?, ?) returning id`,
          [
            job.id ?? null,
            job.attemptsMade + 1,
            job.data.requestedBy?.userId ?? null,
            job.data.requestedBy?.username ?? null,
            `批准文书 ${push.documentNumber}（${push.status}）`,
          ],
        );
        try {
          const receipt = await adapter!.pushAdmission(push, { signal });
          await ctx.orm.em.transactional(async (em) => {
            await em.execute(
              `update sync_run set status = 'SUCCEEDED', finished_at = now(), updated_at = now(), pages = 1, created = ?, rejected = ?,
                    note = note || ?
              where id = ?`,
              [
                receipt.accepted ? 1 : 0,
                receipt.accepted ? 0 : 1,
                receipt.accepted ? `，平台回执 ${receipt.platformId}` : `，平台拒绝（回执 ${receipt.platformId}）`,
                run.id,
              ],
            );
            if (!receipt.accepted) {
              await em.execute(
                `insert into sync_rejected_record (sync_run_id, kind, external_id, code, reason, raw) values (?, 'PUSH_ADMISSIONS', ?, ?, ?, ?)`,
                [
                  run.id,
                  push.documentNumber,
                  SyncRejectionCode.PUSH_REFUSED,
                  `平台拒绝了批准文书 ${push.documentNumber} 的推送（回执 ${receipt.platformId}） (the platform refused the push)`,
                  JSON.stringify(push),
                ],
              );
            }
          });
          ctx.logger.info({ documentNumber: push.documentNumber, ...receipt, runId: run.id }, 'admission pushed to the platform');
          return { status: 'SUCCEEDED', runId: run.id, ...receipt };
        } catch (err) {
          await conn
            .execute(`update sync_run set status = 'FAILED', finished_at = now(), updated_at = now(), error = ? where id = ?`, [
              String((err as Error)?.message ?? err).slice(0, 4000),
              run.id,
            ])
            .catch(() => undefined);
          throw classify(err);
        }
      }
    },
  };
}

/** Every platform job, with the production schedules unless told otherwise. */
export function createSyncJobs(o: SyncJobOptions = {}): JobDefinition[] {
  const scheduled = o.schedule ?? true;
  const jobs: JobDefinition[] = [];
  for (const kind of Object.keys(SYNC_JOB_NAMES) as RecordSyncKind[]) {
    jobs.push(syncJob(kind, SYNC_JOB_NAMES[kind].onDemand, SyncMode.INCREMENTAL, scheduled ? SCHEDULES[kind].incremental : undefined, o));
    jobs.push(syncJob(kind, SYNC_JOB_NAMES[kind].nightlyFull, SyncMode.FULL, scheduled ? SCHEDULES[kind].full : undefined, o));
  }
  jobs.push(pushAdmissionJob(o));
  return jobs;
}

export const SYNC_JOBS: JobDefinition[] = createSyncJobs();

const kindOfJob = new Map<string, RecordSyncKind>(
  (Object.entries(SYNC_JOB_NAMES) as Array<[RecordSyncKind, { onDemand: string; nightlyFull: string }]>).flatMap(([kind, n]) => [
    [n.onDemand, kind],
    [n.nightlyFull, kind],
  ]),
);

/** The sync kind a job name belongs to (undefined for other jobs). */
export function syncKindOfJob(name: string): RecordSyncKind | undefined {
  return kindOfJob.get(name);
}

async function applyQueueRateLimit(queues: QueueRegistry): Promise<void> {
  await queues.get(QUEUES.platformSync).setGlobalRateLimit(PLATFORM_QUEUE_RATE.max, PLATFORM_QUEUE_RATE.duration);
}

/**
 * The job of a kind that is running, waiting, or waiting to retry, if any. Scheduled runs
 * not yet due are not "running".
 */
export async function findRunningSyncJob(queues: QueueRegistry, kind: RecordSyncKind): Promise<Job | undefined> {
  const queue = queues.get(QUEUES.platformSync);
  const jobs = (await queue.getJobs(['active', 'waiting', 'prioritized', 'delayed'], 0, 500, true)) as Array<Job | undefined>;
  const ofKind = jobs.filter((j): j is Job => !!j && syncKindOfJob(j.name) === kind);
  const states = await Promise.all(ofKind.map(async (j) => ({ j, state: await j.getState() })));
  const rank = (s: string) => (s === 'active' ? 0 : s === 'waiting' || s === 'prioritized' ? 1 : 2);
  return states.filter(({ j, state }) => state !== 'delayed' || j.attemptsMade > 0).sort((a, b) => rank(a.state) - rank(b.state))[0]?.j;
}

/**
 * Enqueues a sync of a kind, unless one is already running or waiting: then that job is
 * returned with `deduplicated: true`. Two triggers at the same moment are settled by
 * BullMQ's deduplication id (one per kind).
 */
export async function enqueueSync(
  queues: QueueRegistry,
  kind: RecordSyncKind,
  mode: SyncMode,
  requestedBy: { userId: number; username: string } | null = null,
  opts: { attempts?: number; backoff?: JobBackoff } = {},
): Promise<{ job: Job<SyncJobData>; deduplicated: boolean }> {
  const running = await findRunningSyncJob(queues, kind);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- BullMQ returns an untyped job from getJobs
  if (running) return { job: running, deduplicated: true };
  await applyQueueRateLimit(queues);
  const name = SYNC_JOB_NAMES[kind].onDemand;
  const jobId = `${name}-${crypto.randomUUID()}`;
  const def = { queue: QUEUES.platformSync, name, attempts: opts.attempts ?? SYNC_ATTEMPTS, backoff: opts.backoff ?? SYNC_BACKOFF };
  const jobOpts: JobsOptions = { jobId, deduplication: { id: `sync:${kind}` } };
  const job = (await queues.add(def, { mode, requestedBy } satisfies SyncJobData, jobOpts)) as Job<SyncJobData>;
  if (job.id === jobId) return { job, deduplicated: false };
  const existing = (await queues.get(QUEUES.platformSync).getJob(job.id!)) as Job<SyncJobData> | undefined;
  return { job: existing ?? job, deduplicated: true };
}

/**
 * Enqueues the push of an approved (or revoked, completed) admission item to the platform.
 * The admission module calls this after the transition commits. A push of the same
 * document and status already waiting is not queued twice.
 */
export async function enqueueAdmissionPush(
  queues: QueueRegistry,
  push: PlatformAdmissionPush,
  requestedBy: { userId: number; username: string } | null = null,
): Promise<Job<AdmissionPushJobData>> {
  await applyQueueRateLimit(queues);
  const def = { queue: QUEUES.platformSync, name: PUSH_ADMISSION_JOB, attempts: SYNC_ATTEMPTS, backoff: SYNC_BACKOFF };
  return (await queues.add(def, { push, requestedBy } satisfies AdmissionPushJobData, {
    deduplication: { id: `push:${push.documentNumber}:${push.status}` },
  })) as Job<AdmissionPushJobData>;
}

export { SyncKind, SyncMode };
