import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Department } from '../../organisation';
import { WorkCategory } from './work-category';
import { defineEnum } from '../../kernel/enums';

/** The three lists (三项清单) a county keeps, and the province's guidance lists mirror. */
export enum ListType {
  DUTY = 'DUTY',
  ASSISTANCE = 'ASSISTANCE',
  NEGATIVE = 'NEGATIVE',
}
defineEnum(ListType, 'ListType', '清单类别（三项清单）。Which of the three lists.', {
  DUTY: ['依法履职事项', 'Duties by law', '依法履职事项：村（社区）依法自治、依法履行的事项。Duties the community performs by law.'],
  ASSISTANCE: [
    '协助办理事项',
    'Assistance items',
    '协助办理事项：村（社区）协助有关部门办理的事项（须有依据、费随事转）。Items the community helps departments with.',
  ],
  NEGATIVE: [
    '工作负面事项',
    'Negative items (never pushed down)',
    '工作负面事项：不得以任何形式下沉到村（社区）的行政工作。Administrative work that may never be pushed down.',
  ],
});

/** Prefix of the item keys of each list: 履职 LZ, 协助 XZ, 负面 FM (e.g. `XZ-012`). */
export const LIST_KEY_PREFIX: Record<ListType, string> = { DUTY: 'LZ', ASSISTANCE: 'XZ', NEGATIVE: 'FM' };

export enum ListItemStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}
defineEnum(ListItemStatus, 'ListItemStatus', '清单事项状态。Status of a list item.', {
  ACTIVE: ['有效：在最新发布的清单中', 'In the list as last published'],
  CANCELLED: ['已取消：经发布从清单中取消（历史版本中仍可查）', 'Cancelled by a published version; kept in older versions'],
});

/**
 * One item of one region's list, as last published: the county's lists (region = a
 * COUNTY) or the province's guidance lists (指导清单, region = the PROVINCE). County items
 * change only when a version is published (see ListChange, ListVersion); `itemKey` stays
 * the same across versions, so versions can be compared item by item.
 */
@ObjectType({ implements: Node, description: '清单事项：某县（或省指导清单）三项清单中的一项，反映最新发布的状态。An item of a list, as last published.' })
@Entity({ tableName: 'list_item' })
@Unique({ properties: ['region', 'itemKey'] })
@Index({ properties: ['region', 'listType', 'status'] })
export class ListItem extends BaseEntity<'status' | 'legalBasis' | 'triggerPhrases' | 'examples' | 'counterExamples'> {
  /** The county whose list it is, or the province for guidance lists. */
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @Field(() => ListType, { description: '所属清单。Which list.' })
  @Enum({ items: () => ListType, nativeEnumName: 'list_type' })
  listType!: ListType;

  @Field({ description: '事项编号，各版本间不变，在本县（省）内唯一，如 XZ-012。Stable item key, unique per region.' })
  @Property({ type: 'varchar', length: 16 })
  itemKey!: string;

  @Field({ description: '事项名称。Title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: '事项内容说明。Description.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => WorkCategory, { description: '工作类别。Category of work.' })
  @Enum({ items: () => WorkCategory, nativeEnumName: 'work_category' })
  @Index()
  category!: WorkCategory;

  @Field(() => [String], { description: '法律法规政策依据（一条或多条）。Legal basis citations.' })
  @Property({ type: 'jsonb' })
  legalBasis: string[] = [];

  /** Responsible department (county items); null where none is named. */
  @ManyToOne(() => Department, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  department?: Ref<Department> | null;

  @Field(() => [String], {
    description: '审核触发词（负面事项）：出现在申请中、且由村（社区）承担时即提示该事项，如“秸秆禁烧值守”。Trigger phrases reviewers gave this item.',
  })
  @Property({ type: 'jsonb', default: '[]' })
  triggerPhrases: string[] = [];

  @Field(() => [String], { description: '审核例句（负面事项）：属于该事项的表述，相似的申请将被提示。Example sentences of this item’s work.' })
  @Property({ type: 'jsonb', default: '[]' })
  examples: string[] = [];

  @Field(() => [String], { description: '可准入的相似表述（审核人员认定不属于该事项的例句）。Admissible look-alike sentences.' })
  @Property({ type: 'jsonb', default: '[]' })
  counterExamples: string[] = [];

  @Field(() => String, {
    nullable: true,
    description: '主管部门类别（指导清单用，如“民政部门”；县导入时据此对应本县部门）。Kind of responsible department, on guidance items.',
  })
  @Property({ type: 'text', nullable: true })
  departmentHint?: string | null;

  @Field(() => ListItemStatus, { description: '状态。Status.' })
  @Enum({ items: () => ListItemStatus, nativeEnumName: 'list_item_status', default: ListItemStatus.ACTIVE })
  status: ListItemStatus = ListItemStatus.ACTIVE;

  /** The province guidance item it derives from, if any. */
  @ManyToOne(() => ListItem, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  templateItem?: Ref<ListItem> | null;

  /** The admission application that introduced it (a plain key; admission adds the reference). */
  @Property({ type: 'integer', nullable: true })
  @Index()
  sourceApplicationId?: number | null;

  @Field(() => Date, { nullable: true, description: '取消时间（取消该事项的版本发布时）。When a published version cancelled it.' })
  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;
}
