import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { PlaqueAuthority, PlaqueStatus } from './plaque.enums';

/**
 * A sign or office a department set up in a community (挂牌). Only plaques required by
 * the Party Central Committee / State Council or the provincial Party committee /
 * government stay (应撤尽撤); the others are proposed for removal, then removed.
 */
@ObjectType({ implements: Node, description: '挂牌：部门在村（社区）设立的工作机构或加挂的牌子。A plaque in a community.' })
@Entity({ tableName: 'plaque' })
@Index({ properties: ['county', 'status'] })
export class Plaque extends BaseEntity<'status'> {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Community, { ref: true, deleteRule: 'restrict', index: true })
  community!: Ref<Community>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict', index: true })
  department!: Ref<Department>;

  @Field({ description: '牌子名称。Name on the plaque.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => PlaqueAuthority, { description: '依据层级。Level of its authorization.' })
  @Enum({ items: () => PlaqueAuthority, nativeEnumName: 'plaque_authority' })
  authority!: PlaqueAuthority;

  @Field(() => String, { nullable: true, description: '设立依据文件（文号或名称）。Authorizing document.' })
  @Property({ type: 'text', nullable: true })
  authorizingDocument?: string | null;

  @Field(() => String, { nullable: true, description: '挂牌日期。Date put up.' })
  @Property({ type: 'date', nullable: true })
  installedOn?: string | null;

  @Field(() => PlaqueStatus, { description: '状态：保留、待摘除、已摘除。Status.' })
  @Enum({ items: () => PlaqueStatus, nativeEnumName: 'plaque_status', default: PlaqueStatus.KEPT })
  status: PlaqueStatus = PlaqueStatus.KEPT;

  @Field(() => String, { nullable: true, description: '列为待摘除的日期。Date removal was ordered.' })
  @Property({ type: 'date', nullable: true })
  removalOrderedOn?: string | null;

  @Field(() => String, { nullable: true, description: '摘除日期。Date removed.' })
  @Property({ type: 'date', nullable: true })
  removedOn?: string | null;

  @Field(() => String, { nullable: true, description: '状态变更原因。Why its status changed.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;
}
