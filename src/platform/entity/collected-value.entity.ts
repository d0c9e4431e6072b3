import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Community } from '../../geography';
import { DataElement } from './data-element.entity';

/**
 * A value of a data element for a community and period, collected once on the one-stop
 * platform (一次采集) and synced here to be shared with the departments in the element's
 * sharing scope. At most one live value per (data element, community, period): the
 * unique index ignores deleted rows, so a value the platform re-keys can come back.
 */
@ObjectType({ implements: Node, description: '采集数据：某数据元在某村（社区）某期的取值（一次采集、多方共享）。A collected value.' })
@Entity({ tableName: 'collected_value' })
@Unique({
  name: 'collected_value_element_community_period_unique',
  expression:
    'create unique index "collected_value_element_community_period_unique" on "collected_value" ("data_element_id", "community_id", "period") where "deleted_at" is null',
})
@Index({ properties: ['community', 'dataElement'] })
export class CollectedValue extends BaseEntity {
  @Field({ description: '平台上的数据标识（同步按此幂等更新）。Id on the platform.' })
  @Property({ type: 'varchar', length: 128, unique: true })
  externalId!: string;

  @ManyToOne(() => DataElement, { ref: true, deleteRule: 'restrict' })
  dataElement!: Ref<DataElement>;

  @ManyToOne(() => Community, { ref: true, deleteRule: 'restrict' })
  community!: Ref<Community>;

  @Field({ description: '统计期：月 2026-10、季 2026Q3 或年 2026。Period: month, quarter or year.' })
  @Property({ type: 'varchar', length: 16 })
  period!: string;

  @Field({ description: '取值（按数据元的计量单位）。Value, in the element’s unit.' })
  @Property({ type: 'text' })
  value!: string;

  @Field({ description: '采集来源系统。Source system.' })
  @Property({ type: 'text' })
  source!: string;

  @Field(() => Date, { description: '平台上的最后修改时间。Last changed on the platform.' })
  @Property({ type: 'timestamptz' })
  platformUpdatedAt!: Date;

  @Field(() => Date, { nullable: true, description: '平台已删除（或全量核对时不再列出）的时间；为空表示有效。When the platform deleted it; null while valid.' })
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}
