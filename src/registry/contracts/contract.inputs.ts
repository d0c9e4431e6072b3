import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { WorkCategory } from '../../catalogue';
import { ServiceContractStatus } from './contract.enums';
import { LocalDateScalar } from '../../kernel/scalars';
import { IsDay } from '../../kernel/validators';
import { CountyFilterBase } from '../../geography';

/* Inputs and filters of Purchase of services 政府购买服务. */

@InputType({ description: '合同条款。A contract term.' })
export class ContractTermInput {
  @Field({ description: '条款编号（如 T1）。Key.' })
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, { message: 'key must be 1–16 letters, digits, _ or -' })
  key!: string;

  @Field({ description: '条款内容与验收标准。What it requires.' })
  @MinLength(2)
  @MaxLength(1000)
  description!: string;
}

@InputType({ description: '交付成果。A deliverable.' })
export class ContractDeliverableInput {
  @Field({ description: '名称。Name.' })
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '交付期限。Due date.' })
  @IsOptional()
  @IsDay()
  dueOn?: string | null;
}

@InputType({ description: '政府购买服务合同。A service contract.' })
export class ServiceContractInput {
  @Field(() => ID, { nullable: true, description: '购买方部门（部门人员默认为本部门）。Department; department users: their own.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { description: '承接服务的村（社区）。Community.' })
  communityId!: string;

  @Field(() => String, { nullable: true, description: '合同编号（为空则自动编号）。Contract number; generated when empty.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(64)
  number?: string | null;

  @Field(() => ID, { nullable: true, description: '依据的购买服务准入申请。The purchase-of-service application.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '关联的清单事项（不得为协助办理或负面清单事项）。Linked list item.' })
  @IsOptional()
  listItemId?: string | null;

  @Field({ description: '服务名称。Title.' })
  @MinLength(4)
  @MaxLength(200)
  title!: string;

  @Field({ description: '服务范围与内容。Scope.' })
  @MinLength(10)
  @MaxLength(5000)
  scope!: string;

  @Field(() => WorkCategory, { description: '工作类别。Category.' })
  category!: WorkCategory;

  @Field(() => Float, { description: '合同金额（元）。Amount in yuan.' })
  @Min(0.01)
  @Max(1e10)
  amount!: number;

  @Field(() => LocalDateScalar, { description: '服务期起。Period start.' })
  @IsDay()
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: '服务期止。Period end.' })
  @IsDay()
  periodEnd!: string;

  @Field(() => [ContractDeliverableInput], { description: '交付成果。Deliverables.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  deliverables: ContractDeliverableInput[] = [];

  @Field(() => [ContractTermInput], { description: '合同条款（至少一条）。Terms, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  terms!: ContractTermInput[];

  @Field({ description: '评价方式（按合同条款验收）。How it is evaluated (by the terms).' })
  @MinLength(4)
  @MaxLength(1000)
  evaluationMethod!: string;

  @Field({ defaultValue: false, description: '是否需要专业资质。Needs a professional qualification.' })
  requiresQualification: boolean = false;

  @Field({ defaultValue: false, description: '是否需要执法资格。Needs law-enforcement power.' })
  requiresEnforcementPower: boolean = false;
}

@InputType({ description: '对一项合同条款的评定。The judgement on one term.' })
export class TermResultInput {
  @Field({ description: '条款编号。Term key.' })
  @MaxLength(16)
  termKey!: string;

  @Field({ description: '是否达到要求。Met or not.' })
  met!: boolean;

  @Field(() => String, { nullable: true, description: '说明。Comment.' })
  @IsOptional()
  @MaxLength(1000)
  comment?: string | null;
}

@InputType({ description: '购买服务满意度评定（逐条对照合同条款）。An evaluation against the contract terms.' })
export class ContractEvaluationInput {
  @Field(() => LocalDateScalar, { nullable: true, description: '评定日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  evaluatedOn?: string | null;

  @Field(() => [TermResultInput], { description: '每一条合同条款的评定（须覆盖全部条款且仅限合同条款）。One result per contract term, all of them.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  termResults!: TermResultInput[];

  @Field(() => String, { nullable: true, description: '总体说明。Comment.' })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: '购买服务合同筛选条件。Service contract filter.' })
export class ServiceContractFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ServiceContractStatus, { nullable: true, description: '状态。Status.' })
  @IsOptional()
  status?: ServiceContractStatus | null;
}
