import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';

@InputType({ description: '按县筛选的共同条件。County selector shared by registry filters.' })
export abstract class CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '县的全局 ID。County.' })
  @IsOptional()
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: '县的 6 位区划代码。County code.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a 6-digit division code' })
  countyCode?: string | null;
}
