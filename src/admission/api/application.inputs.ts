import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsDateString, IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { WorkCategory } from '../../catalogue';
import { ApplicationKind, LedgerFormat, LedgerFrequency, Opinion, Recommendation, ScopeType } from '../enums';
import { LocalDateScalar } from '../../kernel/scalars';
import { WarningCode } from '../rules/codes';

@InputType({ description: '台账报表要求。A ledger or report the item will demand.' })
export class LedgerDemandInput {
  @Field({ description: '名称。Name.' })
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => LedgerFrequency, { description: '频次。Frequency.' })
  frequency!: LedgerFrequency;

  @Field(() => Int, { nullable: true, description: '不定期时每年预计次数。Expected filings a year (ad hoc).' })
  @IsOptional()
  @Min(1)
  @Max(1000)
  expectedPerYear?: number | null;

  @Field(() => Int, { description: '每次填报预计用时（分钟，1–600）。Minutes per filing.' })
  @Min(1)
  @Max(600)
  minutesPerFiling!: number;

  @Field(() => LedgerFormat, { defaultValue: LedgerFormat.ELECTRONIC, description: '形式。Format.' })
  format: LedgerFormat = LedgerFormat.ELECTRONIC;

  @Field(() => [String], { description: '所含数据元编码。Data element codes.' })
  @ArrayMaxSize(100)
  @MaxLength(32, { each: true })
  dataElementCodes: string[] = [];
}

/** Everything a department declares in an application; used to create and to update a draft. */
@InputType({ description: '准入申请内容。Application content.' })
export class ApplicationInput {
  @Field({ description: '事项名称。Title.' })
  @MinLength(4)
  @MaxLength(200)
  title!: string;

  @Field({ description: '事项内容。Description.' })
  @MinLength(10)
  @MaxLength(5000)
  description!: string;

  @Field(() => ApplicationKind, { description: '申请类别。Kind.' })
  kind!: ApplicationKind;

  @Field(() => WorkCategory, { description: '工作类别。Category of work.' })
  category!: WorkCategory;

  @Field(() => ID, { nullable: true, description: '关联的清单事项。The list item it relies on.' })
  listItemId?: string | null;

  @Field(() => [String], { description: '法律法规政策依据。Legal basis citations.' })
  @ArrayMaxSize(20)
  @MaxLength(300, { each: true })
  legalBasis: string[] = [];

  @Field(() => ScopeType, { description: '实施范围类别。Scope type.' })
  scopeType!: ScopeType;

  @Field(() => [ID], { description: '范围内乡镇（TOWNSHIPS 时）。Townships in scope.' })
  @ArrayMaxSize(100)
  townshipIds: string[] = [];

  @Field(() => [ID], { description: '范围内村（社区）（COMMUNITIES 时）。Communities in scope.' })
  @ArrayMaxSize(2000)
  communityIds: string[] = [];

  @Field(() => LocalDateScalar, { description: '实施起始日期（YYYY-MM-DD）。Start date.' })
  @IsDateString({ strict: true })
  periodStart!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '实施截止日期；为空表示长期。End date.' })
  @IsOptional()
  @IsDateString({ strict: true })
  periodEnd?: string | null;

  @Field(() => Float, { defaultValue: 0, description: '下沉经费总额（元）。Funding in yuan.' })
  @Min(0)
  @Max(1e11)
  fundingAmount: number = 0;

  @Field(() => String, { nullable: true, description: '经费拨付方式。How funding reaches communities.' })
  @IsOptional()
  @MaxLength(1000)
  fundingFlow?: string | null;

  @Field(() => String, { nullable: true, description: '人员支持。Personnel support.' })
  @IsOptional()
  @MaxLength(1000)
  personnelSupport?: string | null;

  @Field(() => String, { nullable: true, description: '业务指导与培训。Guidance and training.' })
  @IsOptional()
  @MaxLength(1000)
  trainingSupport?: string | null;

  @Field(() => [LedgerDemandInput], { description: '台账报表要求。Ledgers and reports.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  ledgers: LedgerDemandInput[] = [];

  @Field(() => [String], { description: '所需数据元编码。Data element codes needed.' })
  @ArrayMaxSize(200)
  @MaxLength(32, { each: true })
  dataElementCodes: string[] = [];

  @Field({ defaultValue: false, description: '是否要求新设终端。Wants a terminal.' })
  wantsTerminal: boolean = false;

  @Field({ defaultValue: false, description: '是否要求使用新的应用。Wants an app.' })
  wantsApp: boolean = false;

  @Field(() => String, { nullable: true, description: '终端或应用名称。Terminal or app name.' })
  @IsOptional()
  @MaxLength(200)
  appName?: string | null;

  @Field({ defaultValue: false, description: '是否已接入一体化政务服务平台。Integrated with the platform.' })
  integratedWithPlatform: boolean = false;

  @Field(() => [String], { description: '需要村（社区）出具的证明。Certificates needed.' })
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  certificates: string[] = [];

  @Field(() => Float, { defaultValue: 0, description: '每个村（社区）每年会议用时（小时）。Meeting hours.' })
  @Min(0)
  @Max(2000)
  meetingHoursPerYear: number = 0;

  @Field(() => Float, { defaultValue: 0, description: '每个村（社区）每年迎检用时（小时）。Inspection hours.' })
  @Min(0)
  @Max(2000)
  inspectionHoursPerYear: number = 0;

  @Field(() => Float, { defaultValue: 0, description: '每个村（社区）每年数据录入用时（小时）。Data-entry hours.' })
  @Min(0)
  @Max(2000)
  dataEntryHoursPerYear: number = 0;

  @Field(() => String, { nullable: true, description: '考核评价方式。Evaluation.' })
  @IsOptional()
  @MaxLength(2000)
  evaluation?: string | null;

  @Field({ defaultValue: false, description: '是否含“一票否决”条款。One-vote-veto clause.' })
  oneVoteVeto: boolean = false;

  @Field({ defaultValue: false, description: '（购买服务）需要专业资质。Needs a professional qualification.' })
  requiresQualification: boolean = false;

  @Field({ defaultValue: false, description: '（购买服务）需要执法资格。Needs law-enforcement power.' })
  requiresEnforcementPower: boolean = false;

  @Field({ defaultValue: false, description: '是否紧急事项。Emergency.' })
  emergency: boolean = false;

  @Field(() => String, { nullable: true, description: '紧急理由（紧急事项必填）。Why it is urgent.' })
  @IsOptional()
  @MaxLength(1000)
  emergencyReason?: string | null;

  @Field(() => ID, { nullable: true, description: '代为申请的部门（仅管理员）。Department, for admins applying on its behalf.' })
  departmentId?: string | null;
}

@InputType({ description: '一个方面的审核意见。An opinion on one aspect.' })
export class OpinionInput {
  @Field(() => Opinion, { description: '意见。Opinion.' })
  opinion!: Opinion;

  @Field(() => String, { nullable: true, description: '说明。Comment.' })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: '审核：合法性、可行性、合理性与建议。A review.' })
export class ReviewInput {
  @Field(() => OpinionInput, { description: '合法性。Legality.' })
  @ValidateNested()
  legality!: OpinionInput;

  @Field(() => OpinionInput, { description: '可行性。Feasibility.' })
  @ValidateNested()
  feasibility!: OpinionInput;

  @Field(() => OpinionInput, { description: '合理性。Reasonableness.' })
  @ValidateNested()
  reasonableness!: OpinionInput;

  @Field(() => Recommendation, { description: '建议。Recommendation.' })
  recommendation!: Recommendation;

  @Field(() => String, { nullable: true, description: '综合意见。Comment.' })
  @IsOptional()
  @MaxLength(5000)
  comment?: string | null;

  @Field(() => [WarningCode], { description: '明确确认的提示（从提示代码中选择，如 NO_FUNDING）。Warnings acknowledged, chosen from the warning codes.' })
  @ArrayMaxSize(50)
  acknowledgedWarnings: WarningCode[] = [];

  @Field(() => Int, { nullable: true, description: '期望的申请版本号；不一致说明他人已先处理。Expected version.' })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType({ description: '县委常委会会议决定。A committee decision.' })
export class CommitteeDecisionInput {
  @Field({ description: '会议名称。Meeting.' })
  @MinLength(4)
  @MaxLength(200)
  meeting!: string;

  @Field(() => LocalDateScalar, { description: '会议日期（YYYY-MM-DD）。Meeting date.' })
  @IsDateString({ strict: true })
  meetingDate!: string;

  @Field(() => Recommendation, { description: '决定。Decision.' })
  decision!: Recommendation;

  @Field(() => String, { nullable: true, description: '说明。Comment.' })
  @IsOptional()
  @MaxLength(5000)
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: '期望的申请版本号。Expected version.' })
  @IsOptional()
  expectedVersion?: number | null;
}
