import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import {
  CriticismScope,
  FindingCategory,
  FindingSeverityLevel,
  FindingSource,
  InspectionMode,
  InterviewStatus,
  SupervisionFindingStatus,
} from './supervision.enums';
import { LocalDateScalar } from '../../kernel/scalars';
import { IsDay } from '../../kernel/validators';
import { CountyFilterBase } from '../../geography';

/* Inputs and filters of Supervision 监督管理. */

@InputType({ description: '督查（明察暗访）。An inspection.' })
export class InspectionInput {
  @Field(() => ID, { nullable: true, description: '县（督查、审核人员默认为本县）。County; county staff: their own.' })
  @IsOptional()
  countyId?: string | null;

  @Field({ description: '督查名称。Title.' })
  @MinLength(4)
  @MaxLength(200)
  title!: string;

  @Field(() => InspectionMode, { description: '明察或暗访。Announced or unannounced.' })
  mode!: InspectionMode;

  @Field({ defaultValue: true, description: '是否联合督查组。By a joint team.' })
  jointTeam: boolean = true;

  @Field({ description: '牵头单位。Lead unit.' })
  @MinLength(2)
  @MaxLength(100)
  leadUnit!: string;

  @Field(() => [String], { description: '督查组成员单位或人员。Team members.' })
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  teamMembers: string[] = [];

  @Field(() => LocalDateScalar, { description: '督查日期。Date conducted.' })
  @IsDay()
  conductedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '结束日期。Date ended.' })
  @IsOptional()
  @IsDay()
  endedOn?: string | null;

  @Field(() => [ID], { description: '走访的村（社区）。Communities visited.' })
  @ArrayMaxSize(500)
  communityIds: string[] = [];

  @Field(() => [ID], { description: '督查的部门。Departments inspected.' })
  @ArrayMaxSize(100)
  departmentIds: string[] = [];

  @Field(() => String, { nullable: true, description: '情况综述。Summary.' })
  @IsOptional()
  @MaxLength(5000)
  summary?: string | null;
}

@InputType({ description: '督查发现（督办事项）。A supervision finding.' })
export class SupervisionFindingInput {
  @Field(() => ID, { nullable: true, description: '所属督查（来自督查时）。The inspection that found it.' })
  @IsOptional()
  inspectionId?: string | null;

  @Field(() => ID, { description: '问题部门。Department.' })
  departmentId!: string;

  @Field(() => FindingCategory, { description: '问题类别。Category.' })
  category!: FindingCategory;

  @Field(() => FindingSeverityLevel, { defaultValue: FindingSeverityLevel.GENERAL, description: '严重程度。Severity.' })
  severity: FindingSeverityLevel = FindingSeverityLevel.GENERAL;

  @Field({ description: '问题描述。What was found.' })
  @MinLength(5)
  @MaxLength(5000)
  description!: string;

  @Field(() => ID, { nullable: true, description: '相关准入申请。Related application.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '相关拒绝执行或举报。Related refusal or report.' })
  @IsOptional()
  refusalId?: string | null;

  @Field(() => ID, { nullable: true, description: '相关村（社区）。Related community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '整改期限。Rectification deadline.' })
  @IsOptional()
  @IsDay()
  rectificationDeadline?: string | null;
}

@InputType({ description: '安排约谈。Schedule an interview.' })
export class InterviewInput {
  @Field(() => ID, { description: '被约谈部门。Department.' })
  departmentId!: string;

  @Field(() => Date, { description: '约谈时间。When.' })
  scheduledAt!: Date;

  @Field({ description: '地点。Place.' })
  @MinLength(2)
  @MaxLength(200)
  place!: string;

  @Field({ description: '约谈人（单位、职务）。Who conducts it.' })
  @MinLength(2)
  @MaxLength(200)
  interviewers!: string;

  @Field({ description: '约谈事由。Why.' })
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;

  @Field(() => [ID], { description: '涉及的督查发现（须为该部门的）。Findings against the department it addresses.' })
  @ArrayMaxSize(100)
  findingIds: string[] = [];

  @Field(() => [ID], { description: '涉及的拒绝执行或举报（须为该部门的）。Refusals or reports about the department it addresses.' })
  @ArrayMaxSize(100)
  refusalIds: string[] = [];

  @Field(() => LocalDateScalar, { description: '整改落实期限。Follow-up deadline.' })
  @IsDay()
  followUpDeadline!: string;
}

@InputType({ description: '记录约谈情况。Record an interview as held.' })
export class InterviewHeldInput {
  @Field(() => Date, { nullable: true, description: '实际约谈时间（默认现在）。When it was held; now by default.' })
  @IsOptional()
  heldAt?: Date | null;

  @Field({ description: '约谈情况与整改要求。Outcome and demands.' })
  @MinLength(5)
  @MaxLength(5000)
  outcome!: string;
}

@InputType({ description: '通报批评。Public criticism.' })
export class PublicCriticismInput {
  @Field(() => ID, { description: '被通报部门。Department.' })
  departmentId!: string;

  @Field({ description: '通报文号。Document number.' })
  @MinLength(4)
  @MaxLength(64)
  documentNumber!: string;

  @Field(() => CriticismScope, { defaultValue: CriticismScope.COUNTY, description: '通报范围。Scope.' })
  scope: CriticismScope = CriticismScope.COUNTY;

  @Field(() => LocalDateScalar, { description: '通报日期。Date issued.' })
  @IsDay()
  issuedOn!: string;

  @Field({ description: '通报内容。Content.' })
  @MinLength(10)
  @MaxLength(10000)
  content!: string;

  @Field(() => [ID], { description: '通报的督查发现（须为该部门的，至少一项）。Findings it publishes, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  findingIds!: string[];

  @Field(() => LocalDateScalar, { description: '整改落实期限。Follow-up deadline.' })
  @IsDay()
  followUpDeadline!: string;
}

@InputType({ description: '督查筛选条件。Inspection filter.' })
export class InspectionFilter extends CountyFilterBase {
  @Field(() => InspectionMode, { nullable: true, description: '明察或暗访。Mode.' })
  @IsOptional()
  mode?: InspectionMode | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '督查日期起（含）。From (inclusive).' })
  @IsOptional()
  @IsDay()
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '督查日期止（含）。To (inclusive).' })
  @IsOptional()
  @IsDay()
  to?: string | null;
}

@InputType({ description: '督查发现筛选条件。Supervision finding filter.' })
export class SupervisionFindingFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '督查。Inspection.' })
  @IsOptional()
  inspectionId?: string | null;

  @Field(() => [SupervisionFindingStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: SupervisionFindingStatus[] | null;

  @Field(() => FindingSource, { nullable: true, description: '来源。Source.' })
  @IsOptional()
  source?: FindingSource | null;

  @Field(() => FindingCategory, { nullable: true, description: '类别。Category.' })
  @IsOptional()
  category?: FindingCategory | null;

  @Field(() => Boolean, { nullable: true, description: '是否屡犯。Repeat offences only (or none).' })
  @IsOptional()
  repeat?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否已超过整改期限仍未整改。Past the deadline and still open.' })
  @IsOptional()
  overdue?: boolean | null;
}

@InputType({ description: '约谈筛选条件。Interview filter.' })
export class InterviewFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => InterviewStatus, { nullable: true, description: '状态。Status.' })
  @IsOptional()
  status?: InterviewStatus | null;

  @Field(() => Boolean, { nullable: true, description: '整改落实是否逾期未报。Follow-up overdue.' })
  @IsOptional()
  followUpOverdue?: boolean | null;
}

@InputType({ description: '通报批评筛选条件。Public criticism filter.' })
export class PublicCriticismFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '整改落实是否逾期未报。Follow-up overdue.' })
  @IsOptional()
  followUpOverdue?: boolean | null;
}
