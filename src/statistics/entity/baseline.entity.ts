import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { User } from '../../auth';

/**
 * The month an analyst marked as a region's baseline (基期): every indicator of the
 * region — and of the regions below it that have no baseline of their own — is compared
 * with its value in that month.
 */
@ObjectType({ implements: Node, description: '统计基期：某行政区划用于比较的基准月份。A region’s baseline month.' })
@Entity({ tableName: 'statistics_baseline' })
export class StatisticsBaseline extends BaseEntity {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'cascade', unique: true })
  region!: Ref<Region>;

  /** The leading code digits the region's descendants share (so lookups need no tree walk). */
  @Property({ type: 'varchar', length: 12 })
  codePrefix!: string;

  @Field({ description: '基期月份（YYYY-MM）。Baseline month.' })
  @Property({ type: 'varchar', length: 7 })
  month!: string;

  @Field(() => String, { nullable: true, description: '说明。Note.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  setBy?: Ref<User> | null;
}

/**
 * A county's yearly ceiling on the burden hours its departments may add (一进一出):
 * approvals count against it, abolished ledgers and revoked items credit it.
 */
@ObjectType({ implements: Node, description: '负担总量控制：县年度新增负担工时上限（一进一出）。A county’s yearly burden budget.' })
@Entity({ tableName: 'burden_budget' })
@Unique({ properties: ['county', 'year'] })
export class BurdenBudget extends BaseEntity {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'cascade' })
  county!: Ref<Region>;

  @Field(() => Int, { description: '年度。Year.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Float, { description: '全年新增负担上限（小时/年，所有村社区合计）。Ceiling on added burden, hours a year across communities.' })
  @Property({ type: 'double' })
  ceilingHours!: number;

  @Field(() => String, { nullable: true, description: '说明。Note.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  setBy?: Ref<User> | null;
}
