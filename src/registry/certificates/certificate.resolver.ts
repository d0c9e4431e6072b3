import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { containsPattern } from '../../kernel/text';
import { CertificateType } from '../../catalogue';
import { CertificateIssuance } from './certificate-issuance.entity';
import { CertificateRefusalReason, IssuanceOutcome } from './certificate.enums';
import { filterCounty } from '../../geography';
import { filterId } from '../../kernel/input';
import { AbolishCertificateInput, CertificateIssuanceFilter, CertificateRequestInput, CertificateTypeFilter, CertificateTypeInput } from './certificate.inputs';
import * as service from './certificate.service';
import { labelOf } from '../../kernel/enums';

export const CertificateTypeConnection = ConnectionType(CertificateType, { zh: '证明事项', en: 'certificates' });
export const CertificateIssuanceConnection = ConnectionType(CertificateIssuance, { zh: '证明出具记录', en: 'certificate issuances' });

@ObjectType({ description: '证明出具情况统计（万能章治理）。Certificate statistics.' })
export class CertificateStatistics {
  @Field(() => Int, { description: '请求数。Requests.' })
  requests!: number;

  @Field(() => Int, { description: '出具数。Issued.' })
  issued!: number;

  @Field(() => Int, { description: '不予出具数。Refused.' })
  refused!: number;

  @Field(() => Int, { description: '因已取消而拒绝的数量。Refused because abolished.' })
  refusedAbolished!: number;

  @Field(() => Int, { description: '因企业为自身经营要求而拒绝的数量。Refused: enterprise’s own business.' })
  refusedEnterprise!: number;

  @Field(() => Int, { description: '因不在清单内而拒绝的数量。Refused: not on the list.' })
  refusedNotOnList!: number;

  @Field(() => Int, { description: '因无法核实而拒绝的数量。Refused: cannot verify.' })
  refusedCannotVerify!: number;

  @Field(() => Int, { description: '清单中现行证明事项数。Certificates on the list.' })
  listed!: number;

  @Field(() => Int, { description: '已取消的证明事项数。Certificates abolished.' })
  abolishedTypes!: number;

  @Field(() => Int, { description: '仍被要求出具的已取消证明事项数（种类）。Abolished certificates still asked for.' })
  abolishedStillRequested!: number;
}

@Resolver(() => CertificateType)
export class CertificateTypeResolver {
  @Authorized()
  @Query(() => CertificateTypeConnection, { description: '村（社区）出具证明清单（含已取消的），按名称。The certificate list, abolished ones included.' })
  async certificateTypes(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => CertificateTypeFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: CertificateTypeFilter,
  ) {
    const where: FilterQuery<CertificateType>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    if (filter?.abolished != null) where.push({ abolishedOn: filter.abolished ? { $ne: null } : null });
    if (filter?.search?.trim()) where.push({ name: { $ilike: containsPattern(filter.search) } });
    return paginate(ctx.em, CertificateType, where.length ? { $and: where } : {}, { name: 'asc' }, page, info);
  }

  @Authorized()
  @Query(() => CertificateStatistics, { description: '证明出具统计：出具、按原因拒绝（万能章治理）。Certificates issued and refused, by reason.' })
  async certificateStatistics(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { description: '县。County.' }) countyId: string,
    @Arg('from', () => Date, { nullable: true, description: '起始时间（含）。From.' }) from?: Date,
    @Arg('to', () => Date, { nullable: true, description: '截止时间（不含）。Until.' }) to?: Date,
    @Arg('communityId', () => ID, { nullable: true, description: '只看该村（社区）。Only this community.' }) communityId?: string,
  ): Promise<CertificateStatistics> {
    return service.certificateStatistics(
      ctx.em,
      fromGlobalId(countyId, 'Region', 'countyId').id,
      from,
      to,
      communityId ? fromGlobalId(communityId, 'Community', 'communityId').id : null,
    );
  }

  @Authorized()
  @Mutation(() => CertificateType, { description: '在出具证明清单中新增证明事项。Add a certificate to the list.' })
  createCertificateType(@Ctx() ctx: Context, @Arg('input', () => CertificateTypeInput, { description: '证明事项。Certificate.' }) input: CertificateTypeInput) {
    return service.createCertificateType(ctx, input);
  }

  @Authorized()
  @Mutation(() => CertificateType, { description: '取消证明事项（万能章专项治理）。Abolish a certificate.' })
  abolishCertificateType(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '证明事项。Certificate.' }) id: string,
    @Arg('input', () => AbolishCertificateInput, { description: '取消日期与依据。Date and document.' }) input: AbolishCertificateInput,
  ) {
    return service.abolishCertificateType(ctx, id, input);
  }

  @FieldResolver(() => Region, { description: '所属县。County.' })
  async county(@Root() c: CertificateType, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(c.county.id))!;
  }

  @FieldResolver(() => Department, { nullable: true, description: '使用该证明的部门。Department whose procedures use it.' })
  async department(@Root() c: CertificateType, @Ctx() ctx: Context): Promise<Department | null> {
    return c.department ? ctx.loaders.byId(Department).load(c.department.id) : null;
  }

  @FieldResolver(() => Boolean, { description: '是否已取消。Abolished.' })
  abolished(@Root() c: CertificateType): boolean {
    return !!c.abolishedOn;
  }

  @FieldResolver(() => Int, { description: '出具次数。Times issued.' })
  issuedCount(@Root() c: CertificateType, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders
      .countBySql(
        'certificateIssued',
        (k) =>
          `select certificate_type_id as key, count(*) as n from certificate_issuance where outcome = 'ISSUED' and certificate_type_id in (${k}) group by certificate_type_id`,
      )
      .load(c.id);
  }

  @FieldResolver(() => Int, { description: '不予出具次数（已取消的证明仍被要求时即计入）。Times refused.' })
  refusedCount(@Root() c: CertificateType, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders
      .countBySql(
        'certificateRefused',
        (k) =>
          `select certificate_type_id as key, count(*) as n from certificate_issuance where outcome = 'REFUSED' and certificate_type_id in (${k}) group by certificate_type_id`,
      )
      .load(c.id);
  }
}

@Resolver(() => CertificateIssuance)
export class CertificateIssuanceResolver {
  @Authorized()
  @Query(() => CertificateIssuanceConnection, { description: '证明出具记录（村社区工作者只看本村社区），新的在前。Certificate requests, newest first.' })
  async certificateIssuances(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => CertificateIssuanceFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: CertificateIssuanceFilter,
  ) {
    const where: FilterQuery<CertificateIssuance>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const community = filterId(filter?.communityId, 'Community', 'communityId');
    if (community) where.push({ community });
    const type = filterId(filter?.certificateTypeId, 'CertificateType', 'certificateTypeId');
    if (type) where.push({ certificateType: type });
    if (filter?.outcome) where.push({ outcome: filter.outcome });
    if (filter?.refusalReason) where.push({ refusalReason: filter.refusalReason });
    if (filter?.from) where.push({ handledAt: { $gte: filter.from } });
    if (filter?.to) where.push({ handledAt: { $lt: filter.to } });
    return paginate(ctx.em, CertificateIssuance, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => CertificateIssuance, {
    description:
      '记录出具证明请求并按规则处理：已取消的证明、企业为自身经营要求的、不在清单内或无法核实的，不予出具并说明原因。Record a certificate request; the rules decide.',
  })
  recordCertificateRequest(
    @Ctx() ctx: Context,
    @Arg('input', () => CertificateRequestInput, { description: '请求。Request.' }) input: CertificateRequestInput,
  ) {
    return service.recordCertificateRequest(ctx, input);
  }

  @FieldResolver(() => Community, { description: '村（社区）。Community.' })
  async community(@Root() i: CertificateIssuance, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(i.community.id))!;
  }

  @FieldResolver(() => CertificateType, { nullable: true, description: '清单中的证明事项（不在清单内时为空）。The certificate on the list, if any.' })
  async certificateType(@Root() i: CertificateIssuance, @Ctx() ctx: Context): Promise<CertificateType | null> {
    return i.certificateType ? ctx.loaders.byId(CertificateType).load(i.certificateType.id) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: '仍要求提供该证明的部门。Department still demanding it.' })
  async requiringDepartment(@Root() i: CertificateIssuance, @Ctx() ctx: Context): Promise<Department | null> {
    return i.requiringDepartment ? ctx.loaders.byId(Department).load(i.requiringDepartment.id) : null;
  }

  @FieldResolver(() => String, { description: '处理结果说明。What was decided, in words.' })
  message(@Root() i: CertificateIssuance): string {
    return i.outcome === IssuanceOutcome.ISSUED
      ? `已出具“${i.certificateName}”。`
      : `不予出具“${i.certificateName}”：${labelOf(CertificateRefusalReason, i.refusalReason!).zh}。`;
  }
}
