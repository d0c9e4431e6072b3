import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { User } from '../../auth';
import { AdmissionApplication } from './application.entity';
import { Opinion, Recommendation } from '../enums';
import { WarningCode } from '../rules/codes';

/** A reviewer's opinion (县委社会工作部) on legality, feasibility and reasonableness. */
@ObjectType({ implements: Node, description: '审核意见：合法性、可行性、合理性。A review.' })
@Entity({ tableName: 'review' })
export class Review extends BaseEntity {
  @ManyToOne(() => AdmissionApplication, { ref: true, deleteRule: 'cascade', index: true })
  application!: Ref<AdmissionApplication>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  reviewer!: Ref<User>;

  @Field(() => Opinion, { description: '合法性。Legality.' })
  @Enum({ items: () => Opinion, nativeEnumName: 'opinion' })
  legality!: Opinion;

  @Field(() => String, { nullable: true, description: '合法性说明。Legality comment.' })
  @Property({ type: 'text', nullable: true })
  legalityComment?: string | null;

  @Field(() => Opinion, { description: '可行性。Feasibility.' })
  @Enum({ items: () => Opinion, nativeEnumName: 'opinion' })
  feasibility!: Opinion;

  @Field(() => String, { nullable: true, description: '可行性说明。Feasibility comment.' })
  @Property({ type: 'text', nullable: true })
  feasibilityComment?: string | null;

  @Field(() => Opinion, { description: '合理性。Reasonableness.' })
  @Enum({ items: () => Opinion, nativeEnumName: 'opinion' })
  reasonableness!: Opinion;

  @Field(() => String, { nullable: true, description: '合理性说明。Reasonableness comment.' })
  @Property({ type: 'text', nullable: true })
  reasonablenessComment?: string | null;

  @Field(() => Recommendation, { description: '审核建议。Recommendation.' })
  @Enum({ items: () => Recommendation, nativeEnumName: 'recommendation' })
  recommendation!: Recommendation;

  @Field(() => String, { nullable: true, description: '综合意见。Comment.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => [WarningCode], { description: '本次确认的提示代码。Warning codes acknowledged in this review.' })
  @Property({ type: 'jsonb' })
  acknowledgedWarnings: WarningCode[] = [];
}

/** The county committee's decision (县委常委会) on a new regular item. */
@ObjectType({ implements: Node, description: '县委常委会会议决定。A county committee decision.' })
@Entity({ tableName: 'committee_decision' })
export class CommitteeDecision extends BaseEntity {
  @ManyToOne(() => AdmissionApplication, { ref: true, deleteRule: 'cascade', index: true })
  application!: Ref<AdmissionApplication>;

  @Field({ description: '会议名称，如“县委常委会2026年第12次会议”。Meeting.' })
  @Property({ type: 'text' })
  meeting!: string;

  @Field(() => String, { description: '会议日期。Meeting date.' })
  @Property({ type: 'date' })
  meetingDate!: string;

  @Field(() => Recommendation, { description: '会议决定。Decision.' })
  @Enum({ items: () => Recommendation, nativeEnumName: 'recommendation' })
  decision!: Recommendation;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  recordedBy!: Ref<User>;

  @Field(() => String, { nullable: true, description: '说明。Comment.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}
