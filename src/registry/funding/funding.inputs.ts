import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { LocalDateScalar } from '../../kernel/scalars';
import { IsDay } from '../../kernel/validators';
import { CountyFilterBase } from '../../geography';

/* Inputs and filters of Funding 费随事转. */

@InputType({ description: '向村（社区）拨付经费。Funding sent to communities for an admitted item.' })
export class FundingAllocationInput {
  @Field(() => ID, { description: '已准入事项（准入申请）。The admitted item.' })
  applicationId!: string;

  @Field(() => [ID], { description: '村（社区）（须在事项范围内，最多 500 个）。Communities in the item’s scope.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  communityIds!: string[];

  @Field(() => Float, { description: '每个村（社区）的金额（元）。Amount per community, in yuan.' })
  @Min(0.01)
  @Max(1e9)
  amountPerCommunity!: number;

  @Field(() => LocalDateScalar, { description: '拨付日期。Date allocated.' })
  @IsDay()
  allocatedOn!: string;

  @Field(() => String, { nullable: true, description: '拨付凭证号。Payment reference.' })
  @IsOptional()
  @MaxLength(100)
  reference?: string | null;

  @Field(() => String, { nullable: true, description: '备注。Note.' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: '经费拨付筛选条件。Funding allocation filter.' })
export class FundingAllocationFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '准入事项。Admitted item.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否已确认到账。Confirmed received or not.' })
  @IsOptional()
  confirmed?: boolean | null;
}

@InputType({ description: '经费未到位的村（社区）筛选条件。Filter of communities not yet paid.' })
export class UnpaidCommunityFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '准入事项。Admitted item.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '乡镇（街道）。Township.' })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;
}
