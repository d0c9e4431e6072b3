import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { FilterQuery } from '@mikro-orm/core';
import type { Job } from 'bullmq';
import { SyncKind, SyncMode, SyncRun, SyncStatus } from '../entity/sync-run.entity';
import { SyncRejectedRecord, SyncRejectionCode } from '../entity/sync-rejected-record.entity';
import { Role } from '../../kernel/roles';
import { requireActor, type Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { AppError, badInput } from '../../kernel/errors';
import { audit } from '../../kernel/mutation';
import type { QueueRegistry } from '../../queue/runtime';
import { QUEUES } from '../../queue/backend';
import { enqueueSync, syncKindOfJob, PUSH_ADMISSION_JOB, type SyncJobData } from '../sync/jobs';
import { defineEnum } from '../../kernel/enums';

export const SyncRunConnection = ConnectionType(SyncRun, { zh: '同步运行记录', en: 'sync runs' });
export const SyncRejectedRecordConnection = ConnectionType(SyncRejectedRecord, { zh: '拒收记录', en: 'rejected records' });

export enum SyncJobState {
  WAITING = 'WAITING',
  ACTIVE = 'ACTIVE',
  DELAYED = 'DELAYED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}
defineEnum(SyncJobState, 'SyncJobState', '同步任务在队列中的状态。State of a sync job in the queue.', {
  WAITING: ['排队等待执行', 'Waiting to run'],
  ACTIVE: ['正在执行', 'Running'],
  DELAYED: ['等待重试或定时执行', 'Waiting for a retry or its scheduled time'],
  COMPLETED: ['已完成', 'Completed'],
  FAILED: ['已失败（重试次数用尽或不可重试）', 'Failed for good'],
  UNKNOWN: ['未知（任务已被清理）', 'Unknown; the job was cleaned up'],
});

const STATE: Record<string, SyncJobState> = {
  waiting: SyncJobState.WAITING,
  prioritized: SyncJobState.WAITING,
  'waiting-children': SyncJobState.WAITING,
  active: SyncJobState.ACTIVE,
  delayed: SyncJobState.DELAYED,
  completed: SyncJobState.COMPLETED,
  failed: SyncJobState.FAILED,
};

@ObjectType({ description: '同步任务：队列中的一次同步（或推送）及其进度。A sync job in the queue, with its progress.' })
export class SyncJob {
  @Field({ description: '队列任务 ID（与同步运行记录的 jobId 相同）。Queue job id, as on the sync runs.' })
  jobId!: string;

  @Field({ description: '任务名，如 sync-terminals。Job name.' })
  name!: string;

  @Field(() => SyncKind, { description: '同步种类。Kind.' })
  kind!: SyncKind;

  @Field(() => SyncMode, { description: '同步方式。Mode.' })
  mode!: SyncMode;

  @Field(() => SyncJobState, { description: '状态。State.' })
  state!: SyncJobState;

  @Field(() => Int, { description: '已读取的页数。Pages read so far.' })
  pages!: number;

  @Field(() => Int, { description: '已读取的记录数。Records read so far.' })
  records!: number;

  @Field(() => GraphQLJSON, { nullable: true, description: '完整进度（含新增、更新、无变化、拒收计数）。Full progress, with counts.' })
  progress?: unknown;

  @Field(() => Int, { description: '已尝试次数。Attempts made.' })
  attemptsMade!: number;

  @Field(() => Int, { description: '最多尝试次数。Attempts allowed.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: '最近一次失败原因。Last failure reason.' })
  failedReason?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: '完成后的结果。Result, once completed.' })
  result?: unknown;

  @Field(() => Date, { description: '入队时间。When it was queued.' })
  queuedAt!: Date;

  @Field(() => Date, { nullable: true, description: '开始执行时间。When it started.' })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '结束时间。When it finished.' })
  finishedAt?: Date | null;
}

@ObjectType({ description: '触发同步的结果。Result of triggerSync.' })
export class TriggerSyncPayload {
  @Field(() => SyncJob, { description: '同步任务（新建的，或正在运行的同类任务）。The job: a new one, or the running one of the kind.' })
  job!: SyncJob;

  @Field({ description: '为真表示同类同步已在运行或排队，未重复创建。True when a sync of the kind was already running or queued.' })
  deduplicated!: boolean;
}

@InputType({ description: '同步运行记录筛选条件。Sync run filter.' })
export class SyncRunFilter {
  @Field(() => SyncKind, { nullable: true, description: '种类。Kind.' })
  kind?: SyncKind | null;

  @Field(() => SyncMode, { nullable: true, description: '方式。Mode.' })
  mode?: SyncMode | null;

  @Field(() => SyncStatus, { nullable: true, description: '状态。Status.' })
  status?: SyncStatus | null;

  @Field(() => String, { nullable: true, description: '队列任务 ID。Queue job id.' })
  @MaxLength(200)
  jobId?: string | null;
}

@InputType({ description: '拒收记录筛选条件。Rejected record filter.' })
export class SyncRejectedRecordFilter {
  @Field(() => ID, { nullable: true, description: '同步运行记录的全局 ID。Of this sync run.' })
  syncRunId?: string | null;

  @Field(() => SyncKind, { nullable: true, description: '同步种类。Kind.' })
  kind?: SyncKind | null;

  @Field(() => SyncRejectionCode, { nullable: true, description: '原因类别。Reason code.' })
  code?: SyncRejectionCode | null;

  @Field(() => String, { nullable: true, description: '平台记录标识。Platform id.' })
  @MaxLength(200)
  externalId?: string | null;
}

/** The queue job → its GraphQL view. */
export async function toSyncJob(job: Job): Promise<SyncJob> {
  const state = STATE[await job.getState()] ?? SyncJobState.UNKNOWN;
  const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as Record<string, unknown>) : null;
  const kind = syncKindOfJob(job.name) ?? (job.name === PUSH_ADMISSION_JOB ? SyncKind.PUSH_ADMISSIONS : SyncKind.APPS);
  const data = (job.data ?? {}) as SyncJobData;
  const mode = data.mode ?? (job.name.endsWith('-nightly-full') ? SyncMode.FULL : SyncMode.INCREMENTAL);
  return Object.assign(new SyncJob(), {
    jobId: String(job.id),
    name: job.name,
    kind,
    mode,
    state,
    pages: Number(progress?.pages ?? 0),
    records: Number(progress?.records ?? 0),
    progress,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    failedReason: job.failedReason || null,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- BullMQ types a job's return value as any; it is JSON
    result: job.returnvalue ?? null,
    queuedAt: new Date(job.timestamp),
    startedAt: job.processedOn ? new Date(job.processedOn) : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  });
}

export interface SyncResolverDeps {
  auth?: unknown;
  /** The API's queues (enqueue only). Without them, triggerSync and syncJob are unavailable. */
  queues?: QueueRegistry | null;
}

function queueUnavailable(): AppError {
  return new AppError('INTERNAL', '任务队列不可用，请稍后重试', 'The job queue is not available');
}

/** Sync runs, dead letters, sync jobs and `triggerSync`; the queues come from the API. */
export function createSyncResolver(deps: SyncResolverDeps) {
  @Resolver(() => SyncRun)
  class SyncResolver {
    @Authorized()
    @Query(() => SyncRunConnection, { description: '与平台同步的运行记录，新的在前。Sync runs, newest first.' })
    syncRuns(
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
      @Args() page: PageArgs,
      @Arg('filter', () => SyncRunFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: SyncRunFilter,
    ) {
      const where: FilterQuery<SyncRun>[] = [];
      if (filter?.kind) where.push({ kind: filter.kind });
      if (filter?.mode) where.push({ mode: filter.mode });
      if (filter?.status) where.push({ status: filter.status });
      if (filter?.jobId) where.push({ jobId: filter.jobId });
      return paginate(ctx.em, SyncRun, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
    }

    @Authorized()
    @Query(() => SyncRejectedRecordConnection, { description: '同步拒收的记录（死信），新的在前。Records syncs rejected (dead letters), newest first.' })
    syncRejectedRecords(
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
      @Args() page: PageArgs,
      @Arg('filter', () => SyncRejectedRecordFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: SyncRejectedRecordFilter,
    ) {
      const where: FilterQuery<SyncRejectedRecord>[] = [];
      if (filter?.syncRunId != null) where.push({ syncRun: fromGlobalId(filter.syncRunId, 'SyncRun', 'filter.syncRunId').id });
      if (filter?.kind) where.push({ kind: filter.kind });
      if (filter?.code) where.push({ code: filter.code });
      if (filter?.externalId) where.push({ externalId: filter.externalId });
      return paginate(ctx.em, SyncRejectedRecord, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
    }

    @Authorized()
    @Query(() => SyncJob, { nullable: true, description: '按队列任务 ID 查询同步任务及进度。A sync job and its progress, by queue job id.' })
    async syncJob(@Arg('jobId', () => String, { description: '队列任务 ID。Queue job id.' }) jobId: string): Promise<SyncJob | null> {
      if (!deps.queues) throw queueUnavailable();
      if (jobId.length > 200) return null;
      const job = await deps.queues.get(QUEUES.platformSync).getJob(jobId);
      return job ? toSyncJob(job) : null;
    }

    @Authorized()
    @Mutation(() => TriggerSyncPayload, {
      description:
        '立即触发一次同步；同类同步正在运行或排队时返回该任务而不重复创建。Starts a sync now; when one of the kind is running or queued, returns that job instead.',
    })
    async triggerSync(
      @Ctx() ctx: Context,
      @Arg('kind', () => SyncKind, { description: '同步种类（不含推送）。Kind (not pushes).' }) kind: SyncKind,
      @Arg('mode', () => SyncMode, { defaultValue: SyncMode.INCREMENTAL, description: '同步方式，默认增量。Mode; incremental by default.' }) mode: SyncMode,
    ): Promise<TriggerSyncPayload> {
      const actor = requireActor(ctx);
      if (kind === SyncKind.PUSH_ADMISSIONS) {
        throw badInput('推送由准入审批自动触发，不能手动同步', 'Pushes are queued by the admission workflow; they cannot be triggered', [
          { field: 'kind', message: '不能为 PUSH_ADMISSIONS', messageEn: 'must not be PUSH_ADMISSIONS' },
        ]);
      }
      if (!deps.queues) throw queueUnavailable();
      const { job, deduplicated } = await enqueueSync(deps.queues, kind, mode, { userId: actor.userId, username: actor.username });
      await ctx.em.transactional(async (em) => {
        await audit(em, ctx, {
          action: 'sync.trigger',
          entity: { type: 'SyncJob', id: String(job.id) },
          after: { kind, mode, jobId: job.id, deduplicated },
        });
        await em.flush();
      });
      return Object.assign(new TriggerSyncPayload(), { job: await toSyncJob(job), deduplicated });
    }

    @Authorized(Role.ADMIN, Role.INTEGRATION)
    @FieldResolver(() => SyncJob, { nullable: true, description: '对应的队列任务（已清理时为空）。Its queue job; null once cleaned up.' })
    async job(@Root() run: SyncRun): Promise<SyncJob | null> {
      if (!run.jobId || !deps.queues) return null;
      const job = await deps.queues.get(QUEUES.platformSync).getJob(run.jobId);
      return job ? toSyncJob(job) : null;
    }
  }
  return SyncResolver;
}

@Resolver(() => SyncRejectedRecord)
export class SyncRejectedRecordResolver {
  @FieldResolver(() => SyncRun, { description: '所属同步运行。Its sync run.' })
  async syncRun(@Root() record: SyncRejectedRecord, @Ctx() ctx: Context): Promise<SyncRun> {
    return (await ctx.loaders.byId(SyncRun).load(record.syncRun.id))!;
  }
}

@Resolver(() => SyncJob)
export class SyncJobResolver {
  @FieldResolver(() => SyncRun, { nullable: true, description: '该任务最近一次尝试的同步运行记录。The sync run of its latest attempt.' })
  async syncRun(@Root() job: SyncJob, @Ctx() ctx: Context): Promise<SyncRun | null> {
    return ctx.em.findOne(SyncRun, { jobId: job.jobId }, { orderBy: { id: 'desc' } });
  }
}
