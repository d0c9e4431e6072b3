import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { User } from '../../auth';
import { WorkCategory } from './work-category';
import { ListItem, ListType } from './list-item.entity';

/**
 * A published version of a county's three lists: numbered 1, 2, … per county, with the
 * document (文号) and date that published it. Its items are a full snapshot
 * (ListVersionItem), so every version stays readable after later changes.
 */
@ObjectType({ implements: Node, description: '清单版本：某县三项清单的一次发布（含文号、日期和完整快照）。A published version of a county’s lists.' })
@Entity({ tableName: 'list_version' })
@Unique({ properties: ['county', 'number'] })
@Unique({ properties: ['county', 'documentNumber'] })
export class ListVersion extends BaseEntity {
  /** The county whose lists it publishes (or the province, for guidance lists). */
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field(() => Int, { description: '版本号（本县从 1 起连续编号）。Version number, 1, 2, … per county.' })
  @Property({ type: 'integer' })
  number!: number;

  @Field({ description: '发布文号，如 青社工发〔2026〕3号。Number of the publishing document.' })
  @Property({ type: 'text' })
  documentNumber!: string;

  @Field(() => String, { description: '发布日期（YYYY-MM-DD）。Publication date.' })
  @Property({ type: 'date' })
  publishedAt!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  publishedBy!: Ref<User>;

  @Field(() => String, { nullable: true, description: '发布说明。Note.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => Int, { description: '依法履职事项数。Number of duty items.' })
  @Property({ type: 'integer' })
  dutyCount!: number;

  @Field(() => Int, { description: '协助办理事项数。Number of assistance items.' })
  @Property({ type: 'integer' })
  assistanceCount!: number;

  @Field(() => Int, { description: '工作负面事项数。Number of negative items.' })
  @Property({ type: 'integer' })
  negativeCount!: number;
}

/** One item as it stood in one published version (a snapshot row; never updated). */
@ObjectType({ implements: Node, description: '清单版本中的一项（发布时的快照）。An item as published in a version.' })
@Entity({ tableName: 'list_version_item' })
@Unique({ properties: ['version', 'itemKey'] })
export class ListVersionItem extends BaseEntity<'legalBasis' | 'triggerPhrases' | 'examples' | 'counterExamples'> {
  @ManyToOne(() => ListVersion, { ref: true, deleteRule: 'cascade' })
  version!: Ref<ListVersion>;

  /** The working item it was copied from. */
  @ManyToOne(() => ListItem, { ref: true, deleteRule: 'restrict', index: true })
  item!: Ref<ListItem>;

  @Field({ description: '事项编号。Item key.' })
  @Property({ type: 'varchar', length: 16 })
  itemKey!: string;

  @Field(() => ListType, { description: '所属清单。Which list.' })
  @Enum({ items: () => ListType, nativeEnumName: 'list_type' })
  listType!: ListType;

  @Field({ description: '事项名称。Title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: '事项内容说明。Description.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => WorkCategory, { description: '工作类别。Category of work.' })
  @Enum({ items: () => WorkCategory, nativeEnumName: 'work_category' })
  category!: WorkCategory;

  @Field(() => [String], { description: '法律法规政策依据。Legal basis citations.' })
  @Property({ type: 'jsonb' })
  legalBasis: string[] = [];

  @Field(() => [String], { description: '审核触发词（发布时）。Trigger phrases, as published.' })
  @Property({ type: 'jsonb', default: '[]' })
  triggerPhrases: string[] = [];

  @Field(() => [String], { description: '审核例句（发布时）。Example sentences, as published.' })
  @Property({ type: 'jsonb', default: '[]' })
  examples: string[] = [];

  @Field(() => [String], { description: '可准入的相似表述（发布时）。Admissible look-alikes, as published.' })
  @Property({ type: 'jsonb', default: '[]' })
  counterExamples: string[] = [];

  /** The responsible department's key when published (plain, so the snapshot never changes). */
  @Property({ type: 'integer', nullable: true })
  departmentId?: number | null;

  @Field(() => String, { nullable: true, description: '责任部门名称（发布时）。Responsible department, as named when published.' })
  @Property({ type: 'text', nullable: true })
  departmentName?: string | null;
}
