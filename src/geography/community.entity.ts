import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../kernel/base.entity';
import { Region } from './region.entity';
import { defineEnum } from '../kernel/enums';

export enum CommunityType {
  VILLAGE = 'VILLAGE',
  URBAN = 'URBAN',
}
defineEnum(CommunityType, 'CommunityType', '城乡社区类别。Kind of community.', {
  VILLAGE: ['村（村民委员会）', 'Village'],
  URBAN: ['社区（居民委员会）', 'Urban community'],
});

/** A village (村) or urban community (社区): where work items land. */
@ObjectType({ implements: Node, description: '城乡社区：村或社区。A village or urban community.' })
@Entity({ tableName: 'community' })
@Index({ properties: ['county', 'code'] })
export class Community extends BaseEntity {
  @Field({ description: '12 位统计用区划代码。12-digit statistical division code.' })
  @Property({ type: 'char', length: 12, unique: true })
  code!: string;

  @Field({ description: '名称。Name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => CommunityType, { description: '类别：村或社区。Village or urban community.' })
  @Enum({ items: () => CommunityType, nativeEnumName: 'community_type' })
  type!: CommunityType;

  /** The township (乡镇/街道) it belongs to. */
  @ManyToOne(() => Region, { ref: true, index: true, deleteRule: 'restrict' })
  township!: Ref<Region>;

  /** Its county, kept alongside the township so county-wide queries need no join. */
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field(() => Int, { description: '户籍人口（人）。Registered population.' })
  @Property({ type: 'integer' })
  population!: number;

  @Field(() => Int, { description: '户数。Households.' })
  @Property({ type: 'integer' })
  households!: number;
}
