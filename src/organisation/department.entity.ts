import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../kernel/base.entity';
import { Region } from '../geography';

/** A functional department (有关部门) of a county or a higher level of government. */
@ObjectType({ implements: Node, description: '有关部门：县级或以上的职能部门。A functional department.' })
@Entity({ tableName: 'department' })
export class Department extends BaseEntity {
  @Field({ description: '全称。Full name.' })
  @Property({ type: 'text' })
  @Index({ name: 'department_name_index' })
  name!: string;

  @Field({ description: '简称。Short name.' })
  @Property({ type: 'text' })
  shortName!: string;

  @Field(() => String, { nullable: true, description: '18 位统一社会信用代码（已知时）。Unified social credit code, where known.' })
  @Property({ type: 'char', length: 18, nullable: true, unique: true })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: '机构类别，如“政府工作部门”“党委工作机关”。Category.' })
  @Property({ type: 'text', nullable: true })
  category?: string | null;

  /** The county (or city, province) whose department it is. */
  @ManyToOne(() => Region, { ref: true, index: true, deleteRule: 'restrict' })
  region!: Ref<Region>;
}
