import { Collection, Entity, ManyToMany, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Department } from '../../organisation';

/**
 * A standardised data item (数据元) that departments ask communities for, e.g. 80 岁以上
 * 老年人数. `collectedOnPlatform` says the one-stop platform already collects it (一次采集);
 * `sharedWith` is its sharing scope (共享范围): the departments that may read it.
 */
@ObjectType({ implements: Node, description: '数据元：标准化的数据项（一次采集、多方共享）。A standard data element.' })
@Entity({ tableName: 'data_element' })
export class DataElement extends BaseEntity<'collectedOnPlatform'> {
  @Field({ description: '标准编码。Standard code.' })
  @Property({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Field({ description: '名称。Name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: '定义与口径。Definition.' })
  @Property({ type: 'text' })
  definition!: string;

  @Field(() => String, { nullable: true, description: '计量单位。Unit.' })
  @Property({ type: 'text', nullable: true })
  unit?: string | null;

  @Field({ description: '一体化政务服务平台是否已采集（可直接复用）。Already collected on the one-stop platform.' })
  @Property({ type: 'boolean', default: false })
  collectedOnPlatform: boolean = false;

  @Field(() => String, { nullable: true, description: '采集来源系统（已采集时）。Source system, where collected.' })
  @Property({ type: 'text', nullable: true })
  sourceSystem?: string | null;

  /** Sharing scope: departments that may read it. Resolved by a field resolver, never @Field on a Collection. */
  @ManyToMany(() => Department, undefined, { pivotTable: 'data_element_share', owner: true })
  sharedWith = new Collection<Department>(this);
}
