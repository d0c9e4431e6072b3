import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { AdmissionApplication } from '../../admission';
import { EvidenceKind, RefusalKind, RefusalReason, RefusalStatus } from './refusal.enums';

/** A piece of evidence a community attaches to a refusal or report. */
@ObjectType({ description: '拒绝执行或举报所附证据。Evidence attached to a refusal or report.' })
export class RefusalEvidence {
  @Field(() => EvidenceKind, { description: '证据类别。Kind.' })
  kind!: EvidenceKind;

  @Field({ description: '证据说明（如通知标题、派单内容）。What it shows.' })
  description!: string;

  @Field(() => String, { nullable: true, description: '附件或文号等引用（如文件名、文号）。Reference: file name, document number.' })
  reference?: string | null;
}

/**
 * A community refusing a task (拒绝执行) or a report of one (举报, possibly anonymous):
 * no admission, no legal basis, no funding, or negative-list work. It reaches the county
 * reviewers with its evidence, is verified or dismissed, feeds supervision (findings,
 * interviews) and shows in the department's record. An anonymous report keeps no trace
 * of who made it — not here and not in the audit trail.
 */
@ObjectType({ implements: Node, description: '拒绝执行或举报：村（社区）对未经准入等任务的拒绝执行或举报。A refusal or report.' })
@Entity({ tableName: 'refusal' })
@Index({ properties: ['county', 'status'] })
export class Refusal extends BaseEntity<'status' | 'anonymous'> {
  @Field({ description: '编号。Number.' })
  @Property({ type: 'varchar', length: 32, unique: true })
  number!: string;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  /** The community the task was pushed onto. */
  @ManyToOne(() => Community, { ref: true, deleteRule: 'restrict', index: true })
  community!: Ref<Community>;

  @Field(() => RefusalKind, { description: '拒绝执行或举报。Refusal or report.' })
  @Enum({ items: () => RefusalKind, nativeEnumName: 'refusal_kind' })
  kind!: RefusalKind;

  @Field({ description: '是否匿名（匿名时不保留举报人信息）。Anonymous: the reporter is not recorded.' })
  @Property({ type: 'boolean', default: false })
  anonymous: boolean = false;

  /** Who refused or reported; null when anonymous. Never exposed for anonymous reports. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  reporter?: Ref<User> | null;

  /** The department that pushed the task, when known. */
  @ManyToOne(() => Department, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  department?: Ref<Department> | null;

  /** The application the task claims to rest on, if any. */
  @ManyToOne(() => AdmissionApplication, { ref: true, nullable: true, deleteRule: 'set null' })
  application?: Ref<AdmissionApplication> | null;

  @Field({ description: '被拒绝或举报的任务。The task.' })
  @Property({ type: 'text' })
  taskTitle!: string;

  /** Exposed through a permission-checked field resolver (like evidence and reporter). */
  @Property({ type: 'text' })
  taskDescription!: string;

  @Field(() => String, { nullable: true, description: '对方出示的批准文书文号（如有）。Approval document number shown, if any.' })
  @Property({ type: 'text', nullable: true })
  claimedDocumentNumber?: string | null;

  @Field(() => String, { nullable: true, description: '接到任务的日期。Date the task arrived.' })
  @Property({ type: 'date', nullable: true })
  taskReceivedOn?: string | null;

  @Field(() => [RefusalReason], { description: '理由（一项或多项）。Reasons.' })
  @Property({ type: 'jsonb' })
  reasons: RefusalReason[] = [];

  @Property({ type: 'jsonb' })
  evidence: RefusalEvidence[] = [];

  @Field(() => RefusalStatus, { description: '办理状态。Status.' })
  @Enum({ items: () => RefusalStatus, nativeEnumName: 'refusal_status', default: RefusalStatus.RECEIVED })
  status: RefusalStatus = RefusalStatus.RECEIVED;

  @Field(() => Date, { nullable: true, description: '最近一次状态变更时间。When the status last changed.' })
  @Property({ type: 'timestamptz', nullable: true })
  statusChangedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  handledBy?: Ref<User> | null;

  @Field(() => String, { nullable: true, description: '核实或处理意见。Handling note.' })
  @Property({ type: 'text', nullable: true })
  handlingNote?: string | null;
}
