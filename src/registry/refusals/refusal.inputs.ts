import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { EvidenceKind, RefusalKind, RefusalReason, RefusalStatus } from './refusal.enums';
import { LocalDateScalar } from '../../kernel/scalars';
import { IsDay } from '../../kernel/validators';
import { CountyFilterBase } from '../../geography';

/* Inputs and filters of Refusals and reports 拒绝执行与举报. */

@InputType({ description: '证据。A piece of evidence.' })
export class EvidenceInput {
  @Field(() => EvidenceKind, { description: '类别。Kind.' })
  kind!: EvidenceKind;

  @Field({ description: '说明。What it shows.' })
  @MinLength(2)
  @MaxLength(1000)
  description!: string;

  @Field(() => String, { nullable: true, description: '附件名、文号等引用。Reference.' })
  @IsOptional()
  @MaxLength(300)
  reference?: string | null;
}

@InputType({ description: '拒绝执行或举报。A refusal or report.' })
export class RefusalInput {
  @Field(() => RefusalKind, { description: '拒绝执行或举报。Refusal or report.' })
  kind!: RefusalKind;

  @Field({ defaultValue: false, description: '匿名举报（仅举报可匿名；不记录举报人）。Anonymous (reports only).' })
  anonymous: boolean = false;

  @Field(() => ID, { nullable: true, description: '任务下派到的村（社区）（村社区工作者默认为本村社区）。Community; community workers: their own.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '下派任务的部门（如已知）。Department that pushed the task.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '任务声称依据的准入申请（如有）。Application the task claims to rest on.' })
  @IsOptional()
  applicationId?: string | null;

  @Field({ description: '任务名称。Task.' })
  @MinLength(2)
  @MaxLength(200)
  taskTitle!: string;

  @Field({ description: '任务内容与经过。What was asked, and how.' })
  @MinLength(5)
  @MaxLength(5000)
  taskDescription!: string;

  @Field(() => String, { nullable: true, description: '对方出示的批准文书文号。Approval document number shown.' })
  @IsOptional()
  @MaxLength(64)
  claimedDocumentNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '接到任务的日期。Date the task arrived.' })
  @IsOptional()
  @IsDay()
  taskReceivedOn?: string | null;

  @Field(() => [RefusalReason], { description: '理由（至少一项）。Reasons, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  reasons!: RefusalReason[];

  @Field(() => [EvidenceInput], { description: '证据（最多 20 项）。Evidence, at most 20.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  evidence: EvidenceInput[] = [];
}

@InputType({ description: '拒绝执行与举报筛选条件。Refusal filter.' })
export class RefusalFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => RefusalKind, { nullable: true, description: '拒绝执行或举报。Kind.' })
  @IsOptional()
  kind?: RefusalKind | null;

  @Field(() => [RefusalStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: RefusalStatus[] | null;

  @Field(() => RefusalReason, { nullable: true, description: '含该理由。With this reason.' })
  @IsOptional()
  reason?: RefusalReason | null;

  @Field(() => Boolean, { nullable: true, description: '是否已形成督查发现。Whether a supervision finding was raised from it.' })
  @IsOptional()
  hasFinding?: boolean | null;
}
