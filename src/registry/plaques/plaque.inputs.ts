import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { PlaqueAuthority, PlaqueStatus } from './plaque.enums';
import { LocalDateScalar } from '../../kernel/scalars';
import { IsDay } from '../../kernel/validators';
import { CountyFilterBase } from '../../geography';

/* Inputs and filters of Plaques 挂牌. */

@InputType({ description: '登记村（社区）挂牌。A plaque in a community.' })
export class PlaqueInput {
  @Field(() => ID, { description: '村（社区）。Community.' })
  communityId!: string;

  @Field(() => ID, { nullable: true, description: '设牌部门（部门人员默认为本部门）。Department; department users: their own.' })
  @IsOptional()
  departmentId?: string | null;

  @Field({ description: '牌子名称。Name.' })
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => PlaqueAuthority, { description: '依据层级。Level of authorization.' })
  authority!: PlaqueAuthority;

  @Field(() => String, { nullable: true, description: '设立依据文件。Authorizing document.' })
  @IsOptional()
  @MaxLength(300)
  authorizingDocument?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '挂牌日期。Date put up.' })
  @IsOptional()
  @IsDay()
  installedOn?: string | null;
}

@InputType({ description: '挂牌状态变更。A change of a plaque’s status.' })
export class PlaqueStatusInput {
  @Field({ description: '原因。Reason.' })
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  on?: string | null;
}

@InputType({ description: '挂牌筛选条件。Plaque filter.' })
export class PlaqueFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '乡镇（街道）。Township.' })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => [PlaqueStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: PlaqueStatus[] | null;

  @Field(() => [PlaqueAuthority], { nullable: true, description: '依据层级（任一）。Any of these authorization levels.' })
  @IsOptional()
  authority?: PlaqueAuthority[] | null;

  @Field(() => String, { nullable: true, description: '按名称搜索。Search by name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
