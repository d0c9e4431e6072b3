import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { User } from '../../auth';
import { WorkCategory } from './work-category';
import { ListItem, ListType } from './list-item.entity';
import { ListVersion } from './list-version.entity';
import { defineEnum } from '../../kernel/enums';

export enum ListChangeKind {
  ADD = 'ADD',
  ADJUST = 'ADJUST',
  CANCEL = 'CANCEL',
}
defineEnum(ListChangeKind, 'ListChangeKind', '清单变更类别（动态管理）。Kind of list change.', {
  ADD: ['新增事项', 'Add an item'],
  ADJUST: ['调整事项（名称、内容、类别、依据、责任部门、审核触发词和例句）', 'Adjust an item'],
  CANCEL: ['取消事项', 'Cancel an item'],
});

export enum ListChangeStatus {
  PENDING = 'PENDING',
  PUBLISHED = 'PUBLISHED',
  DISCARDED = 'DISCARDED',
}
defineEnum(ListChangeStatus, 'ListChangeStatus', '清单变更状态。Status of a staged list change.', {
  PENDING: ['待发布：将随下一版清单发布生效', 'Staged; applied by the next published version'],
  PUBLISHED: ['已发布：已随某一版清单生效', 'Applied by a published version'],
  DISCARDED: ['已放弃：未发布即撤销', 'Discarded before publication'],
});

/**
 * What an ADD creates or an ADJUST makes of an item: always complete (an ADJUST's
 * proposal is the item as it will be, merged when it was staged).
 */
@ObjectType({ description: '拟定的事项内容（新增或调整后的完整内容）。An item as proposed.' })
export class ListItemProposal {
  @Field(() => ListType, { description: '所属清单。Which list.' })
  listType!: ListType;

  @Field({ description: '事项名称。Title.' })
  title!: string;

  @Field({ description: '事项内容说明。Description.' })
  description!: string;

  @Field(() => WorkCategory, { description: '工作类别。Category of work.' })
  category!: WorkCategory;

  @Field(() => [String], { description: '法律法规政策依据。Legal basis citations.' })
  legalBasis!: string[];

  @Field(() => [String], { description: '审核触发词。Trigger phrases.' })
  triggerPhrases!: string[];

  @Field(() => [String], { description: '审核例句。Example sentences.' })
  examples!: string[];

  @Field(() => [String], { description: '可准入的相似表述。Admissible look-alikes.' })
  counterExamples!: string[];

  /** Responsible department (resolved by a field resolver). */
  departmentId!: number | null;
}

/**
 * A staged change of a county's lists (动态管理: 新增、调整、取消). Changes wait as PENDING
 * until the county publishes a version, which applies all of them at once. At most one
 * PENDING change per item.
 */
@ObjectType({ implements: Node, description: '待发布（或已发布、已放弃）的清单变更。A staged change of a county’s lists.' })
@Entity({ tableName: 'list_change' })
@Index({ properties: ['county', 'status'] })
@Unique({
  name: 'list_change_pending_item_unique',
  expression: `create unique index "list_change_pending_item_unique" on "list_change" ("item_id") where "status" = 'PENDING'`,
})
export class ListChange extends BaseEntity<'status'> {
  /** The county whose lists it changes (or the province, for guidance lists). */
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field(() => ListChangeKind, { description: '变更类别。Kind.' })
  @Enum({ items: () => ListChangeKind, nativeEnumName: 'list_change_kind' })
  kind!: ListChangeKind;

  /** The item adjusted or cancelled; for an ADD, the item it created once published. */
  @ManyToOne(() => ListItem, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  item?: Ref<ListItem> | null;

  /** For ADJUST and ADD: the item as proposed. Null for CANCEL. */
  @Field(() => ListItemProposal, { nullable: true, description: '拟定内容（新增、调整时）。Proposed content, for ADD and ADJUST.' })
  @Property({ type: 'jsonb', nullable: true })
  proposed?: ListItemProposal | null;

  /** For an ADD deriving a province guidance item (importGuidanceLists). */
  @ManyToOne(() => ListItem, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  templateItem?: Ref<ListItem> | null;

  @Field({ description: '变更理由。Reason.' })
  @Property({ type: 'text' })
  reason!: string;

  /** The admission application that led to it (a plain key; admission adds the reference). */
  @Property({ type: 'integer', nullable: true })
  @Index()
  sourceApplicationId?: number | null;

  @Field(() => ListChangeStatus, { description: '状态。Status.' })
  @Enum({ items: () => ListChangeStatus, nativeEnumName: 'list_change_status', default: ListChangeStatus.PENDING })
  status: ListChangeStatus = ListChangeStatus.PENDING;

  /** Who staged it; null when a scheduled job did (e.g. an admitted item expiring). */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict' })
  stagedBy?: Ref<User> | null;

  /** The version that applied it. */
  @ManyToOne(() => ListVersion, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  publishedIn?: Ref<ListVersion> | null;

  @Field(() => Date, { nullable: true, description: '放弃时间。When it was discarded.' })
  @Property({ type: 'timestamptz', nullable: true })
  discardedAt?: Date | null;
}
