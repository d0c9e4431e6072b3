import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { defineEnum } from '../../kernel/enums';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { User } from '../../auth';
import { ListItem } from '../../catalogue';
import { ListChange } from '../../catalogue';
import { AdmissionApplication } from './application.entity';

/** What a reviewer decided about a disputed finding. */
export enum FindingReviewKind {
  OVERRIDE = 'OVERRIDE',
  MISSED = 'MISSED',
}
defineEnum(FindingReviewKind, 'FindingReviewKind', '审核人员对审查发现的复核结论。A reviewer’s decision on a finding.', {
  OVERRIDE: ['误判：撤销该阻断发现（申请文字不变时有效）', 'A false block, overridden (while the text is unchanged)'],
  MISSED: ['漏判：审核人员认定属于负面清单事项，补充阻断发现', 'A miss caught: the reviewer finds negative-list work'],
});

/**
 * A reviewer's decision on a disputed finding (审查发现复核): a false block overridden, or
 * negative-list work the engine missed. It changes the application's findings (the
 * engine applies it on every check), is audited, and can be added to the county's
 * vocabulary: the excerpt becomes a counter-example (an override) or an example (a miss)
 * of the negative item, staged as a list change and published with the next version.
 */
@ObjectType({ implements: Node, description: '审查发现复核：审核人员撤销误判或认定漏判，可加入本县负面清单例句。A reviewer’s decision on a finding.' })
@Entity({ tableName: 'finding_review' })
@Index({ properties: ['county', 'createdAt'] })
export class FindingReview extends BaseEntity {
  @ManyToOne(() => AdmissionApplication, { ref: true, deleteRule: 'cascade', index: true })
  application!: Ref<AdmissionApplication>;

  /** The application's county (for the read rule). */
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field(() => FindingReviewKind, { description: '复核结论。Decision.' })
  @Enum({ items: () => FindingReviewKind, nativeEnumName: 'finding_review_kind' })
  kind!: FindingReviewKind;

  @Field({ description: '所涉发现代码（如 NEGATIVE_LIST）。Finding code concerned.' })
  @Property({ type: 'varchar', length: 40 })
  findingCode!: string;

  /** The negative item concerned (required for a miss). */
  @ManyToOne(() => ListItem, { ref: true, nullable: true, deleteRule: 'restrict' })
  listItem?: Ref<ListItem> | null;

  @Field({ description: '理由。Reason.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field({ description: '所涉申请文字（加入例句时使用）。Excerpt of the application concerned.' })
  @Property({ type: 'text' })
  excerpt!: string;

  /** SHA-256 of title, description and evaluation when decided: an override holds while they are unchanged. */
  @Property({ type: 'varchar', length: 64 })
  textHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  reviewer!: Ref<User>;

  /** The list change that added the excerpt to the item's examples, once staged. */
  @ManyToOne(() => ListChange, { ref: true, nullable: true, deleteRule: 'set null' })
  exampleChange?: Ref<ListChange> | null;
}
