import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { User } from '../../auth';
import { defineEnum } from '../../kernel/enums';

export enum SyncKind {
  APPS = 'APPS',
  TERMINALS = 'TERMINALS',
  COLLECTED_VALUES = 'COLLECTED_VALUES',
  PUSH_ADMISSIONS = 'PUSH_ADMISSIONS',
}
defineEnum(SyncKind, 'SyncKind', '与一体化政务服务平台的同步种类。Kind of exchange with the one-stop platform.', {
  APPS: ['同步业务应用系统', 'Sync business apps'],
  TERMINALS: ['同步服务终端', 'Sync service terminals'],
  COLLECTED_VALUES: ['同步采集数据', 'Sync collected values'],
  PUSH_ADMISSIONS: ['向平台推送准入事项', 'Push admission items to the platform'],
});

export enum SyncMode {
  INCREMENTAL = 'INCREMENTAL',
  FULL = 'FULL',
}
defineEnum(SyncMode, 'SyncMode', '同步方式。Sync mode.', {
  INCREMENTAL: ['增量：只取上次成功同步水位之后变更的记录', 'Incremental: records changed since the last successful run’s watermark'],
  FULL: ['全量核对：取平台全部记录，平台已不存在的标记为删除', 'Full reconcile: everything; records the platform no longer lists are marked deleted'],
});

export enum SyncStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  ABANDONED = 'ABANDONED',
}
defineEnum(SyncStatus, 'SyncStatus', '同步运行状态。Status of a sync run.', {
  RUNNING: ['运行中', 'Running'],
  SUCCEEDED: ['成功完成（水位已推进）', 'Succeeded; the watermark advanced'],
  FAILED: ['失败（记录错误原因，任务按退避策略重试）', 'Failed with an error; the job retries with backoff'],
  ABANDONED: ['已中断：执行进程意外终止，由下一次运行发现并标记', 'Abandoned: its worker process died mid-run; marked by the next run'],
});

/**
 * One run of a sync (or one push) with the one-stop platform: what it read, what it
 * changed, where its watermark stood before and after, and how it ended. Counts are of
 * distinct records: a record seen twice in one run counts once.
 */
@ObjectType({ implements: Node, description: '同步运行记录：每次与平台同步的起止、计数、水位与错误。A sync run.' })
@Entity({ tableName: 'sync_run' })
@Index({ properties: ['kind', 'status', 'id'] })
export class SyncRun extends BaseEntity<'status' | 'startedAt' | 'pages' | 'created' | 'updated' | 'unchanged' | 'rejected' | 'deleted'> {
  @Field(() => SyncKind, { description: '种类。Kind.' })
  @Enum({ items: () => SyncKind, nativeEnumName: 'sync_kind' })
  kind!: SyncKind;

  @Field(() => SyncMode, { description: '方式。Mode.' })
  @Enum({ items: () => SyncMode, nativeEnumName: 'sync_mode' })
  mode!: SyncMode;

  @Field(() => SyncStatus, { description: '状态。Status.' })
  @Enum({ items: () => SyncStatus, nativeEnumName: 'sync_status', default: SyncStatus.RUNNING })
  status: SyncStatus = SyncStatus.RUNNING;

  @Field(() => Date, { description: '开始时间。Started.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  startedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: '结束时间（运行中为空）。Finished; null while running.' })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      '开始前的水位（上次成功同步见到的最新平台修改时间）：增量同步从此时间（含）起读取变更，全量同步读取全部；首次同步为空。Watermark before the run: incremental runs read changes since it (inclusive), full runs read everything; null on the first run.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  cursorBefore?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: '结束后的水位：本次见到的最大平台修改时间（成功后生效）。Watermark after the run: the latest platform change seen (effective once succeeded).',
  })
  @Property({ type: 'timestamptz', nullable: true })
  cursorAfter?: Date | null;

  @Field(() => Int, { description: '已读取的页数。Pages read.' })
  @Property({ type: 'integer', default: 0 })
  pages: number = 0;

  @Field(() => Int, { description: '新增记录数。Records created.' })
  @Property({ type: 'integer', default: 0 })
  created: number = 0;

  @Field(() => Int, { description: '更新记录数。Records updated.' })
  @Property({ type: 'integer', default: 0 })
  updated: number = 0;

  @Field(() => Int, { description: '无变化记录数。Records unchanged.' })
  @Property({ type: 'integer', default: 0 })
  unchanged: number = 0;

  @Field(() => Int, { description: '拒收记录数（见拒收记录）。Records rejected (see the dead letters).' })
  @Property({ type: 'integer', default: 0 })
  rejected: number = 0;

  @Field(() => Int, { description: '标记删除的记录数。Records marked deleted.' })
  @Property({ type: 'integer', default: 0 })
  deleted: number = 0;

  @Field(() => String, { nullable: true, description: '错误信息（失败或中断时）。Error, when failed or abandoned.' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => String, { nullable: true, description: '队列任务 ID（可用 syncJob 查询进度）。Queue job id (see syncJob).' })
  @Property({ type: 'text', nullable: true })
  jobId?: string | null;

  @Field(() => Int, { nullable: true, description: '队列任务的第几次尝试。Attempt of the queue job.' })
  @Property({ type: 'integer', nullable: true })
  attempt?: number | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  requestedBy?: Ref<User> | null;

  @Field(() => String, { nullable: true, description: '手动触发人的登录名；定时任务为空。Who triggered it; null when scheduled.' })
  @Property({ type: 'text', nullable: true })
  requestedByUsername?: string | null;

  @Field(() => String, { nullable: true, description: '说明（如推送的批准文书号与平台回执）。Note, e.g. the pushed document and the platform receipt.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
