import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Community } from '../../geography';
import { User } from '../../auth';
import { BusinessApp } from './business-app.entity';
import { defineEnum } from '../../kernel/enums';

export enum TerminalStatus {
  ACTIVE = 'ACTIVE',
  PLANNED_FOR_CONSOLIDATION = 'PLANNED_FOR_CONSOLIDATION',
  CONSOLIDATED = 'CONSOLIDATED',
  DECOMMISSIONED = 'DECOMMISSIONED',
}
defineEnum(TerminalStatus, 'TerminalStatus', '服务终端状态。Status of a service terminal.', {
  ACTIVE: ['在用', 'In use'],
  PLANNED_FOR_CONSOLIDATION: ['计划整合（所承载应用均已接入平台，可并入统一终端）', 'Planned for consolidation onto the unified terminal'],
  CONSOLIDATED: ['已整合到统一终端', 'Consolidated onto the unified terminal'],
  DECOMMISSIONED: ['已撤除', 'Decommissioned'],
});

/**
 * A service terminal (服务终端) a department deployed in a community, synced from the
 * one-stop platform. `platformStatus` is what the platform says; `status` is Zhunru's
 * view, which adds the consolidation plan and keeps a consolidation decided here while
 * the platform still reports the terminal as active.
 */
@ObjectType({ implements: Node, description: '服务终端：部门部署在村（社区）的设备，由一体化政务服务平台同步而来。A service terminal.' })
@Entity({ tableName: 'terminal' })
export class Terminal extends BaseEntity<'status'> {
  @Field({ description: '平台上的终端标识（同步按此幂等更新）。Id on the platform.' })
  @Property({ type: 'varchar', length: 128, unique: true })
  externalId!: string;

  @ManyToOne(() => Community, { ref: true, index: true, deleteRule: 'restrict' })
  community!: Ref<Community>;

  @Field({ description: '设备型号。Device model.' })
  @Property({ type: 'text' })
  model!: string;

  /** The business apps it serves. Resolved by a field resolver (never @Field on a Collection). */
  @ManyToMany(() => BusinessApp, undefined, { pivotTable: 'terminal_app', owner: true })
  apps = new Collection<BusinessApp>(this);

  @Field(() => TerminalStatus, { description: '状态（含整合计划）。Status, including the consolidation plan.' })
  @Enum({ items: () => TerminalStatus, nativeEnumName: 'terminal_status', default: TerminalStatus.ACTIVE })
  @Index()
  status: TerminalStatus = TerminalStatus.ACTIVE;

  @Field(() => TerminalStatus, { description: '平台报告的状态（在用、已整合或已撤除）。Status as the platform reports it.' })
  @Enum({ items: () => TerminalStatus, nativeEnumName: 'terminal_status' })
  platformStatus!: TerminalStatus;

  @Field(() => Date, { nullable: true, description: '平台最近一次收到该终端心跳的时间。Last seen by the platform.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastSeenAt?: Date | null;

  @Field(() => Date, { description: '平台上的最后修改时间。Last changed on the platform.' })
  @Property({ type: 'timestamptz' })
  platformUpdatedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: '平台已删除（或全量核对时不再列出）的时间；为空表示仍存在。When the platform deleted it; null while it exists.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '整合到统一终端的时间。When it was consolidated.' })
  @Property({ type: 'timestamptz', nullable: true })
  consolidatedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  consolidatedBy?: Ref<User> | null;

  @Field(() => String, { nullable: true, description: '执行整合的人员登录名（留存快照）。Who consolidated it (username, as it was).' })
  @Property({ type: 'text', nullable: true })
  consolidatedByUsername?: string | null;
}
