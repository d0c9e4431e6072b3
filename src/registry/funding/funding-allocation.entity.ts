import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { User } from '../../auth';
import { AdmissionApplication } from '../../admission';

/**
 * Funding a department sent to one community for one admitted item (费随事转), and the
 * community's confirmation that it arrived.
 */
@ObjectType({ implements: Node, description: '经费拨付：某已准入事项向某村（社区）拨付的工作经费。A funding allocation.' })
@Entity({ tableName: 'funding_allocation' })
@Index({ properties: ['application', 'community'] })
@Index({ properties: ['county', 'community'] })
export class FundingAllocation extends BaseEntity {
  @ManyToOne(() => AdmissionApplication, { ref: true, deleteRule: 'restrict' })
  application!: Ref<AdmissionApplication>;

  @ManyToOne(() => Community, { ref: true, deleteRule: 'restrict' })
  community!: Ref<Community>;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field(() => Float, { description: '金额（元）。Amount in yuan.' })
  @Property({ type: 'numeric', precision: 14, scale: 2 })
  amount!: string;

  @Field({ description: '拨付日期。Date allocated.' })
  @Property({ type: 'date' })
  allocatedOn!: string;

  @Field(() => String, { nullable: true, description: '拨付凭证号。Payment reference.' })
  @Property({ type: 'text', nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: '备注。Note.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy?: Ref<User> | null;

  @Field(() => Date, { nullable: true, description: '村（社区）确认到账的时间；为空表示尚未确认。When the community confirmed receipt.' })
  @Property({ type: 'timestamptz', nullable: true })
  receivedConfirmedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  receivedConfirmedBy?: Ref<User> | null;
}
