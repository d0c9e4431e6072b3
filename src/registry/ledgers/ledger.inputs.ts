import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { LedgerFormat, LedgerFrequency } from '../../admission';
import { FilingMethod, LedgerStatus } from './ledger.enums';
import { LocalDateScalar } from '../../kernel/scalars';
import { IsDay } from '../../kernel/validators';
import { CountyFilterBase } from '../../geography';

/* Inputs and filters of Ledgers and reports 台账报表. */

@InputType({ description: '台账报表要求。A ledger or report requirement.' })
export class LedgerRequirementInput {
  @Field(() => ID, { nullable: true, description: '要求填报的部门（部门人员默认为本部门）。Department; department users: their own.' })
  @IsOptional()
  departmentId?: string | null;

  @Field({ description: '表名。Form name.' })
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => [String], { description: '字段（数据元编码）。Fields, as data element codes.' })
  @ArrayMaxSize(100)
  @MaxLength(32, { each: true })
  dataElementCodes: string[] = [];

  @Field(() => LedgerFrequency, { description: '填报频次。Frequency.' })
  frequency!: LedgerFrequency;

  @Field(() => Int, { nullable: true, description: '不定期时每年预计次数。Expected filings a year (ad hoc).' })
  @IsOptional()
  @Min(1)
  @Max(1000)
  expectedPerYear?: number | null;

  @Field(() => LedgerFormat, { defaultValue: LedgerFormat.ELECTRONIC, description: '形式。Format.' })
  format: LedgerFormat = LedgerFormat.ELECTRONIC;

  @Field(() => String, { nullable: true, description: '可用的电子填报渠道（系统名称）。Electronic channel available.' })
  @IsOptional()
  @MaxLength(200)
  electronicChannel?: string | null;

  @Field(() => Int, { description: '每次填报用时（分钟，1–600）。Minutes per filing.' })
  @Min(1)
  @Max(600)
  minutesPerFiling!: number;

  @Field(() => [String], { description: '法律法规政策依据。Legal basis citations.' })
  @ArrayMaxSize(20)
  @MaxLength(300, { each: true })
  legalBasis: string[] = [];

  @Field(() => ID, { nullable: true, description: '引入该台账的准入申请。The admission application that introduced it.' })
  @IsOptional()
  applicationId?: string | null;
}

@InputType({ description: '合并台账报表。Merge a ledger into another.' })
export class MergeLedgerInput {
  @Field(() => ID, { description: '并入的台账报表。The ledger it is merged into.' })
  intoId!: string;

  @Field({ description: '原因。Reason.' })
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  on?: string | null;
}

@InputType({ description: '取消台账报表。Abolish a ledger.' })
export class AbolishLedgerInput {
  @Field({ description: '原因。Reason.' })
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  on?: string | null;
}

@InputType({ description: '一个数据元的填报值。A value of one data element.' })
export class FiledValueInput {
  @Field({ description: '数据元编码。Data element code.' })
  @MaxLength(32)
  code!: string;

  @Field(() => String, { nullable: true, description: '值。Value.' })
  @IsOptional()
  @MaxLength(200)
  value?: string | null;
}

@InputType({ description: '村（社区）填报台账报表。A community files a ledger.' })
export class LedgerFilingInput {
  @Field(() => ID, { description: '台账报表。Ledger requirement.' })
  requirementId!: string;

  @Field({ description: '所属期，格式随频次：2026-03-02、2026-W10、2026-03、2026Q1、2026H1、2026；不定期为日期。Period, in the frequency’s format.' })
  @MaxLength(16)
  period!: string;

  @Field(() => Int, { nullable: true, description: '实际用时（分钟，手工填报）。Minutes it took (manual filing).' })
  @IsOptional()
  @Min(0)
  @Max(6000)
  minutesSpent?: number | null;

  @Field(() => [FiledValueInput], { description: '手工填报的值（启用“一表通”时由系统生成，忽略此项）。Typed values; ignored when generated.' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  values: FiledValueInput[] = [];
}

@InputType({ description: '台账报表筛选条件。Ledger requirement filter.' })
export class LedgerRequirementFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => [LedgerStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: LedgerStatus[] | null;

  @Field(() => LedgerFormat, { nullable: true, description: '形式。Format.' })
  @IsOptional()
  format?: LedgerFormat | null;

  @Field(() => LedgerFrequency, { nullable: true, description: '频次。Frequency.' })
  @IsOptional()
  frequency?: LedgerFrequency | null;

  @Field(() => ID, { nullable: true, description: '引入它的准入申请。Introduced by this application.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否有法律法规依据。With or without a legal basis.' })
  @IsOptional()
  hasLegalBasis?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否已启用一表通。With 一表通 or not.' })
  @IsOptional()
  oneForm?: boolean | null;

  @Field(() => String, { nullable: true, description: '按表名搜索。Search by name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: '台账报表填报记录筛选条件。Ledger filing filter.' })
export class LedgerFilingFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '台账报表。Ledger requirement.' })
  @IsOptional()
  requirementId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => FilingMethod, { nullable: true, description: '填报方式。Method.' })
  @IsOptional()
  method?: FilingMethod | null;

  @Field(() => String, { nullable: true, description: '所属期。Period.' })
  @IsOptional()
  @MaxLength(16)
  period?: string | null;
}
