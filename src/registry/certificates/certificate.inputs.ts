import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { CertificateRefusalReason, IssuanceOutcome, RequesterKind } from './certificate.enums';
import { LocalDateScalar } from '../../kernel/scalars';
import { IsDay } from '../../kernel/validators';
import { CountyFilterBase } from '../../geography';

/* Inputs and filters of Certificates 证明事项. */

@InputType({ description: '出具证明清单中的一项。A certificate on the county’s list.' })
export class CertificateTypeInput {
  @Field(() => ID, { nullable: true, description: '县（审核人员默认为本县）。County; reviewers: their own.' })
  @IsOptional()
  countyId?: string | null;

  @Field({ description: '证明名称。Name.' })
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => String, { nullable: true, description: '用途与适用情形。What it is used for.' })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: '使用该证明的部门。Department whose procedures use it.' })
  @IsOptional()
  departmentId?: string | null;

  @Field({ description: '设定依据（法律法规明确规定）。Legal basis.' })
  @MinLength(2)
  @MaxLength(300)
  legalBasis!: string;

  @Field({ defaultValue: true, description: '村（社区）是否有能力核实。Whether the community can verify it.' })
  communityCanVerify: boolean = true;
}

@InputType({ description: '取消证明事项。Abolish a certificate.' })
export class AbolishCertificateInput {
  @Field(() => LocalDateScalar, { description: '取消日期。Date abolished.' })
  @IsDay()
  abolishedOn!: string;

  @Field({ description: '取消依据文件。Document that abolished it.' })
  @MinLength(2)
  @MaxLength(200)
  abolishedBy!: string;
}

@InputType({ description: '村（社区）收到的出具证明请求。A certificate request to a community.' })
export class CertificateRequestInput {
  @Field(() => ID, { nullable: true, description: '清单中的证明事项（二选一）。The certificate on the list (or give a name).' })
  @IsOptional()
  certificateTypeId?: string | null;

  @Field(() => String, { nullable: true, description: '所请求的证明名称（不在清单中时填写）。Name asked for, when not on the list.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(100)
  certificateName?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）（村社区工作者默认为本村社区）。Community; community workers: their own.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => RequesterKind, { description: '申请方类别。Kind of requester.' })
  requesterKind!: RequesterKind;

  @Field({ description: '用途。What it is for.' })
  @MinLength(2)
  @MaxLength(500)
  purpose!: string;

  @Field({ defaultValue: false, description: '是否为企业自身生产经营活动所需。For an enterprise’s own business.' })
  forEnterpriseBusiness: boolean = false;

  @Field(() => ID, { nullable: true, description: '仍要求提供该证明的部门（如已知）。Department still demanding it, if known.' })
  @IsOptional()
  requiringDepartmentId?: string | null;

  @Field(() => String, { nullable: true, description: '要求提供证明的机构（如某银行网点）。Who demanded it.' })
  @IsOptional()
  @MaxLength(200)
  requiredBy?: string | null;
}

@InputType({ description: '证明事项筛选条件。Certificate filter.' })
export class CertificateTypeFilter extends CountyFilterBase {
  @Field(() => Boolean, { nullable: true, description: '是否已取消。Abolished or not.' })
  @IsOptional()
  abolished?: boolean | null;

  @Field(() => String, { nullable: true, description: '按名称搜索。Search by name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: '证明出具记录筛选条件。Certificate issuance filter.' })
export class CertificateIssuanceFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '证明事项。Certificate.' })
  @IsOptional()
  certificateTypeId?: string | null;

  @Field(() => IssuanceOutcome, { nullable: true, description: '结果。Outcome.' })
  @IsOptional()
  outcome?: IssuanceOutcome | null;

  @Field(() => CertificateRefusalReason, { nullable: true, description: '不予出具的原因。Refusal reason.' })
  @IsOptional()
  refusalReason?: CertificateRefusalReason | null;

  @Field(() => Date, { nullable: true, description: '起始时间（含）。From (inclusive).' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '截止时间（不含）。Until (exclusive).' })
  @IsOptional()
  to?: Date | null;
}
