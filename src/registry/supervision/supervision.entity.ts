import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { AdmissionApplication } from '../../admission';
import { Refusal } from '../refusals/refusal.entity';
import {
  CriticismScope,
  FindingCategory,
  FindingSeverityLevel,
  FindingSource,
  InspectionMode,
  InterviewStatus,
  SupervisionFindingStatus,
} from './supervision.enums';

/** An inspection (督查): a joint team's announced or unannounced visit (明察暗访). */
@ObjectType({ implements: Node, description: '督查：联合督查组明察暗访、检查督促。An inspection.' })
@Entity({ tableName: 'inspection' })
@Index({ properties: ['county', 'conductedOn'] })
export class Inspection extends BaseEntity<'jointTeam'> {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field({ description: '督查名称。Title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => InspectionMode, { description: '明察或暗访。Announced or unannounced.' })
  @Enum({ items: () => InspectionMode, nativeEnumName: 'inspection_mode' })
  mode!: InspectionMode;

  @Field({ description: '是否由联合督查组开展。By a joint team.' })
  @Property({ type: 'boolean', default: true })
  jointTeam: boolean = true;

  @Field({ description: '牵头单位。Lead unit.' })
  @Property({ type: 'text' })
  leadUnit!: string;

  @Field(() => [String], { description: '督查组成员单位或人员。Team members.' })
  @Property({ type: 'jsonb' })
  teamMembers: string[] = [];

  @Field({ description: '督查日期（起）。Date conducted.' })
  @Property({ type: 'date' })
  conductedOn!: string;

  @Field(() => String, { nullable: true, description: '督查结束日期。Date ended.' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  /** Communities visited (ids). */
  @Property({ type: 'jsonb' })
  communityIds: number[] = [];

  /** Departments inspected (ids). */
  @Property({ type: 'jsonb' })
  departmentIds: number[] = [];

  @Field(() => String, { nullable: true, description: '督查情况综述。Summary.' })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy?: Ref<User> | null;
}

/**
 * A supervision finding (督查发现, 督办事项) against one department: found by an inspection,
 * raised from a verified refusal or report, or opened automatically when an emergency
 * entry passes its approval deadline. It is rectified by the department and closed by
 * supervision. `previousFinding` links a repeat offence (same department, same category,
 * within a year).
 */
@ObjectType({ implements: Node, description: '督查发现（督办事项）：针对某部门的问题及整改。A supervision finding against a department.' })
@Entity({ tableName: 'supervision_finding' })
@Index({ properties: ['county', 'status'] })
@Index({ properties: ['department', 'category'] })
export class SupervisionFinding extends BaseEntity<'status' | 'repeat'> {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Inspection, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  inspection?: Ref<Inspection> | null;

  @Field(() => FindingSource, { description: '来源。Source.' })
  @Enum({ items: () => FindingSource, nativeEnumName: 'finding_source' })
  source!: FindingSource;

  @Field(() => FindingCategory, { description: '问题类别。Category.' })
  @Enum({ items: () => FindingCategory, nativeEnumName: 'finding_category' })
  category!: FindingCategory;

  @Field(() => FindingSeverityLevel, { description: '严重程度。Severity.' })
  @Enum({ items: () => FindingSeverityLevel, nativeEnumName: 'finding_severity_level' })
  severity!: FindingSeverityLevel;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict', index: true })
  department!: Ref<Department>;

  @ManyToOne(() => AdmissionApplication, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  application?: Ref<AdmissionApplication> | null;

  @ManyToOne(() => Refusal, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  refusal?: Ref<Refusal> | null;

  @ManyToOne(() => Community, { ref: true, nullable: true, deleteRule: 'restrict' })
  community?: Ref<Community> | null;

  @Field({ description: '问题描述。What was found.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: '整改期限。Rectification deadline.' })
  @Property({ type: 'date', nullable: true })
  rectificationDeadline?: string | null;

  @Field(() => SupervisionFindingStatus, { description: '整改状态。Status.' })
  @Enum({ items: () => SupervisionFindingStatus, nativeEnumName: 'supervision_finding_status', default: SupervisionFindingStatus.OPEN })
  status: SupervisionFindingStatus = SupervisionFindingStatus.OPEN;

  @Field(() => String, { nullable: true, description: '部门报送的整改情况。Rectification reported by the department.' })
  @Property({ type: 'text', nullable: true })
  rectificationNote?: string | null;

  @Field(() => Date, { nullable: true, description: '报送整改情况的时间。When rectification was reported.' })
  @Property({ type: 'timestamptz', nullable: true })
  rectifiedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '销号时间。When closed.' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '销号意见。Closing note.' })
  @Property({ type: 'text', nullable: true })
  closeNote?: string | null;

  @Field({ description: '是否屡犯：同一部门一年内同类问题再次发生。Repeat offence within a year.' })
  @Property({ type: 'boolean', default: false })
  repeat: boolean = false;

  @ManyToOne(() => SupervisionFinding, { ref: true, nullable: true, deleteRule: 'set null' })
  previousFinding?: Ref<SupervisionFinding> | null;

  @Field(() => Date, { description: '发现（登记）时间。When recorded.' })
  @Property({ type: 'timestamptz' })
  foundAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy?: Ref<User> | null;
}

/** An interview of a department (约谈) with its follow-up deadline. */
@ObjectType({ implements: Node, description: '约谈：对准入工作把关不严、推进不力的部门的约谈及后续整改期限。An interview of a department.' })
@Entity({ tableName: 'interview' })
@Index({ properties: ['county', 'status'] })
export class Interview extends BaseEntity<'status'> {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict', index: true })
  department!: Ref<Department>;

  @Field(() => Date, { description: '约谈时间。When it is scheduled.' })
  @Property({ type: 'timestamptz' })
  scheduledAt!: Date;

  @Field({ description: '地点。Place.' })
  @Property({ type: 'text' })
  place!: string;

  @Field({ description: '约谈人（单位、职务）。Who conducts it.' })
  @Property({ type: 'text' })
  interviewers!: string;

  @Field({ description: '约谈事由。Why.' })
  @Property({ type: 'text' })
  reason!: string;

  /** Findings it addresses (ids). */
  @Property({ type: 'jsonb' })
  findingIds: number[] = [];

  /** Refusals and reports it addresses (ids). */
  @Property({ type: 'jsonb' })
  refusalIds: number[] = [];

  @Field(() => InterviewStatus, { description: '状态。Status.' })
  @Enum({ items: () => InterviewStatus, nativeEnumName: 'interview_status', default: InterviewStatus.SCHEDULED })
  status: InterviewStatus = InterviewStatus.SCHEDULED;

  @Field(() => Date, { nullable: true, description: '实际约谈时间。When it was held.' })
  @Property({ type: 'timestamptz', nullable: true })
  heldAt?: Date | null;

  @Field(() => String, { nullable: true, description: '约谈情况与整改要求。Outcome and demands.' })
  @Property({ type: 'text', nullable: true })
  outcome?: string | null;

  @Field({ description: '整改落实期限。Follow-up deadline.' })
  @Property({ type: 'date' })
  followUpDeadline!: string;

  @Field(() => Date, { nullable: true, description: '部门报送整改落实情况的时间。When the department reported its follow-up.' })
  @Property({ type: 'timestamptz', nullable: true })
  followUpReportedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '整改落实情况。Follow-up report.' })
  @Property({ type: 'text', nullable: true })
  followUpNote?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  scheduledBy?: Ref<User> | null;
}

/** Public criticism of a department (通报批评) with its follow-up deadline. */
@ObjectType({ implements: Node, description: '通报批评：对问题突出部门的公开通报批评及整改期限。Public criticism of a department.' })
@Entity({ tableName: 'public_criticism' })
@Unique({ properties: ['county', 'documentNumber'] })
export class PublicCriticism extends BaseEntity {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict', index: true })
  department!: Ref<Department>;

  @Field({ description: '通报文号。Document number.' })
  @Property({ type: 'text' })
  documentNumber!: string;

  @Field(() => CriticismScope, { description: '通报范围。Scope.' })
  @Enum({ items: () => CriticismScope, nativeEnumName: 'criticism_scope' })
  scope!: CriticismScope;

  @Field({ description: '通报日期。Date issued.' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field({ description: '通报内容。Content.' })
  @Property({ type: 'text' })
  content!: string;

  /** Findings it publishes (ids). */
  @Property({ type: 'jsonb' })
  findingIds: number[] = [];

  @Field({ description: '整改落实期限。Follow-up deadline.' })
  @Property({ type: 'date' })
  followUpDeadline!: string;

  @Field(() => Date, { nullable: true, description: '部门报送整改落实情况的时间。When the department reported its follow-up.' })
  @Property({ type: 'timestamptz', nullable: true })
  followUpReportedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '整改落实情况。Follow-up report.' })
  @Property({ type: 'text', nullable: true })
  followUpNote?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  issuedBy?: Ref<User> | null;
}
