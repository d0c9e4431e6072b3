import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { WorkCategory } from '../../catalogue';
import { ApplicationKind, ApplicationStatus, FindingSeverity, LedgerFormat, LedgerFrequency, ScopeType } from '../enums';
import { WarningCode } from '../rules/codes';

/** A ledger or report the work item will demand from communities (台账报表). */
@ObjectType({ description: '事项将要求村（社区）填报的台账报表。A ledger or report the item demands.' })
export class LedgerDemand {
  @Field({ description: '名称。Name.' })
  name!: string;

  @Field(() => LedgerFrequency, { description: '填报频次。Frequency.' })
  frequency!: LedgerFrequency;

  @Field(() => Int, { nullable: true, description: '不定期时每年预计次数。Expected filings a year, for ad hoc.' })
  expectedPerYear?: number | null;

  @Field(() => Int, { description: '每次填报预计用时（分钟）。Minutes per filing.' })
  minutesPerFiling!: number;

  @Field(() => LedgerFormat, { description: '形式。Format.' })
  format!: LedgerFormat;

  @Field(() => [String], { description: '所含数据元编码。Data element codes it contains.' })
  dataElementCodes!: string[];
}

/** A rule finding, as stored with the application at its last check. */
@ObjectType({ description: '规则审查发现。A rules-engine finding.' })
export class Finding {
  @Field({ description: '稳定的规则代码。Stable rule code.' })
  code!: string;

  @Field(() => FindingSeverity, { description: '严重程度。Severity.' })
  severity!: FindingSeverity;

  @Field({ description: '说明（中文）。Message in Chinese.' })
  message!: string;

  @Field({ description: '说明（英文）。Message in English.' })
  messageEn!: string;

  @Field(() => [Evidence], { description: '依据：相关清单事项、申请、数据元等。Evidence.' })
  evidence!: Evidence[];
}

@ObjectType({ description: '审查依据。A piece of evidence behind a finding.' })
export class Evidence {
  @Field({ description: '类型，如 ListItem、WorkCategory、Text、Citation、AdmissionApplication、DataElement、CertificateType、FindingReview。Kind of record.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: '记录的全局 ID（如有）。Global ID of the record, if any.' })
  id?: string | null;

  @Field({ description: '可读的说明：清单事项、匹配的表述和理由。Readable label: the list item, the phrases that matched, why.' })
  label!: string;

  @Field(() => String, { nullable: true, description: '清单事项编号（如 FM-005）。List item key, for list evidence.' })
  itemKey?: string | null;

  @Field(() => WorkCategory, { nullable: true, description: '负面清单类别（负面清单依据）。Negative-list category, for negative-list evidence.' })
  category?: WorkCategory | null;

  @Field(() => [String], { nullable: true, description: '申请中匹配的表述。Phrases of the application that matched.' })
  phrases?: string[] | null;

  @Field(() => Float, { nullable: true, description: '该事项的匹配得分（≥1 阻断）。Match score against the item (1 or more blocks).' })
  score?: number | null;
}

/** The text and blocking findings of an application when an edit replaced them (for REWORDED_AFTER_BLOCK). */
@ObjectType({ description: '被阻断时的申请文字和阻断发现。The text and blocking findings when an edit replaced them.' })
export class BlockedVersion {
  @Field({ description: '被修改的时间（ISO 8601）。When the edit replaced it.' })
  at!: string;

  @Field({ description: '当时的事项名称。Title then.' })
  title!: string;

  @Field({ description: '当时的事项内容。Description then.' })
  description!: string;

  @Field(() => String, { nullable: true, description: '当时的考核评价方式。Evaluation then.' })
  evaluation?: string | null;

  @Field(() => [BlockedFinding], { description: '当时的阻断发现。Blocking findings then.' })
  findings!: BlockedFinding[];
}

@ObjectType({ description: '当时的一项阻断发现。A blocking finding as it was.' })
export class BlockedFinding {
  @Field({ description: '发现代码。Code.' })
  code!: string;

  @Field({ description: '说明。Message.' })
  message!: string;

  @Field(() => [String], { description: '依据说明。Evidence labels.' })
  evidence!: string[];
}

/** Standard Cost Model estimate of the burden an application pushes down. */
@ObjectType({ description: '负担测算（标准成本法）。Burden estimate (Standard Cost Model).' })
export class BurdenEstimate {
  @Field(() => Int, { description: '范围内村（社区）数。Communities in scope.' })
  communities!: number;

  @Field(() => Float, { description: '每个村（社区）每年台账报表用时（小时）。Ledger hours a year per community.' })
  ledgerHoursPerCommunity!: number;

  @Field(() => Float, { description: '每个村（社区）每年会议、检查、数据录入用时（小时）。Other declared hours a year per community.' })
  otherHoursPerCommunity!: number;

  @Field(() => Float, { description: '每个村（社区）每年合计（小时）。Hours a year per community.' })
  hoursPerCommunity!: number;

  @Field(() => Float, { description: '全部范围每年合计（小时）。Hours a year across the scope.' })
  hoursPerYear!: number;
}

/**
 * A department's request to bring a work item into communities (准入申请). Statuses move
 * only through the declared workflow (admission/workflow.ts).
 */
@ObjectType({ implements: Node, description: '准入申请：部门申请将工作事项下沉村（社区）。An admission application.' })
@Entity({ tableName: 'admission_application' })
@Index({ properties: ['county', 'status'] })
// "Which items touch this community" (community_ids @> '[id]'): the community page and its ledgers.
@Index({
  name: 'admission_application_community_ids_gin',
  expression: `create index "admission_application_community_ids_gin" on "admission_application" using gin ("community_ids" jsonb_path_ops)`,
})
export class AdmissionApplication extends BaseEntity<'status' | 'version' | 'emergency' | 'hasBlockingFindings' | 'blockedVersions'> {
  @Field({ description: '申请编号。Application number.' })
  @Property({ type: 'varchar', length: 32, unique: true })
  number!: string;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict', index: true })
  department!: Ref<Department>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  applicant!: Ref<User>;

  @Field({ description: '事项名称。Title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: '事项内容。Description.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => ApplicationKind, { description: '申请类别。Kind.' })
  @Enum({ items: () => ApplicationKind, nativeEnumName: 'application_kind' })
  kind!: ApplicationKind;

  @Field(() => WorkCategory, { description: '工作类别。Category of work.' })
  @Enum({ items: () => WorkCategory, nativeEnumName: 'work_category' })
  category!: WorkCategory;

  /** The list item it relies on or touches (e.g. an assistance item), if any. */
  @Property({ type: 'integer', nullable: true })
  listItemId?: number | null;

  @Field(() => [String], { description: '法律法规政策依据。Legal basis citations.' })
  @Property({ type: 'jsonb' })
  legalBasis: string[] = [];

  @Field(() => ScopeType, { description: '实施范围类别。Scope type.' })
  @Enum({ items: () => ScopeType, nativeEnumName: 'scope_type' })
  scopeType!: ScopeType;

  /** Townships (for TOWNSHIPS) or communities (for COMMUNITIES) in scope, by id. */
  @Property({ type: 'jsonb' })
  scopeTownshipIds: number[] = [];

  @Property({ type: 'jsonb' })
  scopeCommunityIds: number[] = [];

  /** Every community in scope, resolved from the declared scope when the application is written. */
  @Property({ type: 'jsonb' })
  communityIds: number[] = [];

  @Field(() => String, { description: '实施起始日期。Start date.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => String, { nullable: true, description: '实施截止日期；为空表示长期。End date; null for standing items.' })
  @Property({ type: 'date', nullable: true })
  periodEnd?: string | null;

  @Field(() => Float, { description: '下沉经费总额（元）。Funding in yuan.' })
  @Property({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  fundingAmount: string = '0';

  @Field(() => String, { nullable: true, description: '经费如何拨付到村（社区）。How the funding reaches communities.' })
  @Property({ type: 'text', nullable: true })
  fundingFlow?: string | null;

  @Field(() => String, { nullable: true, description: '人员支持。Personnel support.' })
  @Property({ type: 'text', nullable: true })
  personnelSupport?: string | null;

  @Field(() => String, { nullable: true, description: '业务指导与培训。Guidance and training.' })
  @Property({ type: 'text', nullable: true })
  trainingSupport?: string | null;

  @Field(() => [LedgerDemand], { description: '将要求的台账报表。Ledgers and reports it will demand.' })
  @Property({ type: 'jsonb' })
  ledgers: LedgerDemand[] = [];

  @Field(() => [String], { description: '所需数据元编码。Data elements it needs.' })
  @Property({ type: 'jsonb' })
  dataElementCodes: string[] = [];

  @Field({ description: '是否要求在村（社区）新设终端。Wants a terminal in communities.' })
  @Property({ type: 'boolean', default: false })
  wantsTerminal: boolean = false;

  @Field({ description: '是否要求村（社区）使用新的应用（App/系统）。Wants communities to use an app.' })
  @Property({ type: 'boolean', default: false })
  wantsApp: boolean = false;

  @Field(() => String, { nullable: true, description: '终端或应用名称。Terminal or app name.' })
  @Property({ type: 'text', nullable: true })
  appName?: string | null;

  @Field({ description: '终端或应用是否已接入一体化政务服务平台。Integrated with the one-stop platform.' })
  @Property({ type: 'boolean', default: false })
  integratedWithPlatform: boolean = false;

  @Field(() => [String], { description: '需要村（社区）出具的证明。Certificates it needs from communities.' })
  @Property({ type: 'jsonb' })
  certificates: string[] = [];

  @Field(() => Float, { description: '每个村（社区）每年会议用时（小时）。Meeting hours a year per community.' })
  @Property({ type: 'real', default: 0 })
  meetingHoursPerYear: number = 0;

  @Field(() => Float, { description: '每个村（社区）每年迎检用时（小时）。Inspection hours a year per community.' })
  @Property({ type: 'real', default: 0 })
  inspectionHoursPerYear: number = 0;

  @Field(() => Float, { description: '每个村（社区）每年数据录入用时（小时）。Data-entry hours a year per community.' })
  @Property({ type: 'real', default: 0 })
  dataEntryHoursPerYear: number = 0;

  @Field(() => String, { nullable: true, description: '考核评价方式。How the work will be evaluated.' })
  @Property({ type: 'text', nullable: true })
  evaluation?: string | null;

  @Field({ description: '是否含“一票否决”考核条款。Has a one-vote-veto clause.' })
  @Property({ type: 'boolean', default: false })
  oneVoteVeto: boolean = false;

  @Field({ description: '（购买服务）是否需要专业资质。Purchase needs a professional qualification.' })
  @Property({ type: 'boolean', default: false })
  requiresQualification: boolean = false;

  @Field({ description: '（购买服务）是否需要执法资格。Purchase needs law-enforcement power.' })
  @Property({ type: 'boolean', default: false })
  requiresEnforcementPower: boolean = false;

  @Field({ description: '是否紧急事项（先进后批）。Emergency (enter first, approve later).' })
  @Property({ type: 'boolean', default: false })
  emergency: boolean = false;

  @Field(() => String, { nullable: true, description: '紧急理由。Why it is an emergency.' })
  @Property({ type: 'text', nullable: true })
  emergencyReason?: string | null;

  @Field(() => ApplicationStatus, { description: '状态。Status.' })
  @Enum({ items: () => ApplicationStatus, nativeEnumName: 'application_status', default: ApplicationStatus.DRAFT })
  status: ApplicationStatus = ApplicationStatus.DRAFT;

  /** Bumped by every transition; `expectedVersion` lets clients detect stale screens. */
  @Field(() => Int, { description: '版本号（每次状态变化加一）。Version, bumped by each transition.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => [Finding], { description: '最近一次规则审查的发现。Findings of the last rules check.' })
  @Property({ type: 'jsonb' })
  findings: Finding[] = [];

  @Field({ description: '是否存在阻断性发现。Whether any finding blocks it.' })
  @Property({ type: 'boolean', default: false })
  hasBlockingFindings: boolean = false;

  @Field(() => Date, { nullable: true, description: '最近一次规则审查时间。When the rules last ran.' })
  @Property({ type: 'timestamptz', nullable: true })
  checkedAt?: Date | null;

  @Field(() => [WarningCode], { description: '审核人员已确认的提示代码。Warning codes the reviewer acknowledged.' })
  @Property({ type: 'jsonb' })
  acknowledgedWarnings: WarningCode[] = [];

  /** Texts of this application that were blocked, newest last (at most 10): what REWORDED_AFTER_BLOCK compares with. */
  @Property({ type: 'jsonb', default: '[]' })
  blockedVersions: BlockedVersion[] = [];

  @Field(() => BurdenEstimate, { description: '负担测算。Burden estimate.' })
  @Property({ type: 'jsonb' })
  burden!: BurdenEstimate;

  @Field(() => Date, { nullable: true, description: '提交时间。Submitted at.' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '作出决定时间。Decided at.' })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '进入村（社区）时间。Entered communities at.' })
  @Property({ type: 'timestamptz', nullable: true })
  enteredAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '完成时间。Completed at.' })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '撤销时间。Revoked at.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '撤销原因。Why it was revoked.' })
  @Property({ type: 'text', nullable: true })
  revokeReason?: string | null;

  @Field(() => Date, { nullable: true, description: '紧急事项补批截止时间。Emergency approval deadline.' })
  @Property({ type: 'timestamptz', nullable: true })
  approvalDeadline?: Date | null;

  @Field(() => Date, { nullable: true, description: '紧急事项逾期未批被标记的时间。When flagged overdue.' })
  @Property({ type: 'timestamptz', nullable: true })
  overdueFlaggedAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: '紧急事项是否在截止前获批（非紧急事项为空）。Emergency approved before its deadline; null otherwise.' })
  @Property({ type: 'boolean', nullable: true })
  approvedInTime?: boolean | null;
}
