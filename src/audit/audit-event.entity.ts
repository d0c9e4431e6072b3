import { BeforeCreate, Entity, Index, ManyToOne, PrimaryKey, Property, type EventArgs, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Region } from '../geography';
import { toGlobalId } from '../kernel/global-id';
import { appendToChain } from './audit-chain';

/**
 * Who did what, when, to which record, with the record before and after (留痕).
 * Every mutation writes one, in the same transaction as the change it records.
 *
 * Events are hash-chained per county (county null → the global chain): on insert each
 * gets the hash of the chain's previous event (`prevHash`) and its own `hash`, SHA-256
 * over its canonical content and `prevHash` (src/audit/audit-chain.ts). Editing,
 * deleting or reordering events breaks the chain, and `verifyAuditChain` names where.
 */
@ObjectType({ description: '审计事件：谁在何时对哪条记录做了什么（留痕）。An audit event.' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['entityType', 'entityId', 'id'] })
@Index({ properties: ['county', 'id'] })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => ID, { name: 'id', description: '全局 ID。Global ID.' })
  get globalId(): string {
    return toGlobalId('AuditEvent', this.id);
  }

  @Field(() => Date, { description: '发生时间。When it happened.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  /**
   * The user who acted (null: the system, or an anonymous report). Named by entity name:
   * the audit trail sits below the modules whose changes it records, auth among them.
   */
  @ManyToOne({ entity: 'User', ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<{ id: number }> | null;

  @Field(() => String, { nullable: true, description: '操作人登录名（留存快照）。Actor username, as it was.' })
  @Property({ type: 'text', nullable: true })
  actorUsername?: string | null;

  @Field(() => String, { nullable: true, description: '操作人角色（留存快照）。Actor role, as it was.' })
  @Property({ type: 'text', nullable: true })
  actorRole?: string | null;

  @Field({ description: '动作，如 application.submit。Action.' })
  @Property({ type: 'text' })
  action!: string;

  @Field({ description: '记录类型（GraphQL 类型名）。Record type.' })
  @Property({ type: 'text' })
  entityType!: string;

  @Field({ description: '记录的数据库主键。Record key.' })
  @Property({ type: 'text' })
  entityId!: string;

  /** The county the record belongs to, where it has one (for per-county trails). */
  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  county?: Ref<Region> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: '变更前。Record before.' })
  @Property({ type: 'jsonb', nullable: true })
  before?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: '变更后。Record after.' })
  @Property({ type: 'jsonb', nullable: true })
  after?: unknown;

  @Field(() => String, { nullable: true, description: '说明或意见。Comment.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => String, { nullable: true, description: '请求 ID，便于与日志对照。Request id, to match the logs.' })
  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '同一链（本县，或全局）上一条事件的哈希；链首为空。Hash of the previous event of the same chain; null for the first.',
  })
  @Property({ type: 'char', length: 64, nullable: true })
  prevHash?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "本事件的哈希（SM3，早期事件为 SHA-256，见 hashAlgorithm），覆盖内容与上一条哈希。Hash of this event's content and the previous hash (SM3; SHA-256 for earlier events, see hashAlgorithm).",
  })
  @Property({ type: 'char', length: 64, nullable: true })
  hash?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '哈希算法：sm3（国密 SM3，新事件）或 sha256（此前的事件）。Hash algorithm: sm3 for new events, sha256 for earlier ones.',
  })
  @Property({ type: 'text', nullable: true })
  hashAlgorithm?: string | null;

  /** Chains the event as it is inserted, inside the flush's transaction (see audit-chain.ts). */
  @BeforeCreate()
  async chain(args: EventArgs<AuditEvent>): Promise<void> {
    await appendToChain(args.em as never, this);
  }
}
