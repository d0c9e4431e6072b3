import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Info, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { User } from '../../auth';
import { Community } from '../../geography';
import { AdmissionApplication } from '../../admission';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { FundingAllocation } from './funding-allocation.entity';
import { PaymentState, UnfundedReason } from './funding.enums';
import { actorScope } from '../../kernel/context';
import { filterCounty } from '../../geography';
import { filterId } from '../../kernel/input';
import { paginateRows } from '../../kernel/row-pagination';
import { CountyFilterBase } from '../../geography';
import { FundingAllocationFilter, FundingAllocationInput, UnpaidCommunityFilter } from './funding.inputs';
import { IsOptional } from 'class-validator';
import * as service from './funding.service';

export const FundingAllocationConnection = ConnectionType(FundingAllocation, { zh: '经费拨付', en: 'funding allocations' });

@ObjectType({ description: '缺少经费的已准入协助事项（费随事转）。An admitted assistance item without funding.' })
export class UnfundedItem {
  applicationId!: number;

  @Field(() => UnfundedReason, { description: '情形。How it lacks funding.' })
  reason!: UnfundedReason;

  @Field(() => Float, { description: '申请安排的经费（元）。Funding declared.' })
  fundingAmount!: number;

  @Field(() => Float, { description: '已拨付合计（元）。Allocated so far.' })
  allocatedAmount!: number;
}
export const UnfundedItemConnection = ConnectionType(UnfundedItem, { zh: '缺少经费的已准入协助事项', en: 'unfunded admitted items' });

@ObjectType({ description: '经费尚未到位的村（社区）：某已准入事项下未拨付或未确认到账。A community not yet paid for an admitted item.' })
export class UnpaidCommunity {
  applicationId!: number;
  communityId!: number;

  @Field(() => PaymentState, { description: '未到位情形。Why not yet paid.' })
  state!: PaymentState;

  @Field(() => Float, { description: '已拨付（未确认）金额（元）。Allocated but unconfirmed amount.' })
  allocatedAmount!: number;
}
export const UnpaidCommunityConnection = ConnectionType(UnpaidCommunity, { zh: '经费尚未到位的村（社区）', en: 'communities not yet paid' });

@InputType({ description: '缺少经费事项筛选条件。Filter of unfunded items.' })
export class UnfundedItemFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;
}

@Resolver(() => FundingAllocation)
export class FundingAllocationResolver {
  @Authorized()
  @Query(() => FundingAllocationConnection, { description: '经费拨付记录，新的在前。Funding allocations, newest first.' })
  async fundingAllocations(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => FundingAllocationFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: FundingAllocationFilter,
  ) {
    const where: FilterQuery<FundingAllocation>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const application = filterId(filter?.applicationId, 'AdmissionApplication', 'applicationId');
    if (application) where.push({ application });
    const community = filterId(filter?.communityId, 'Community', 'communityId');
    if (community) where.push({ community });
    if (filter?.confirmed != null) where.push({ receivedConfirmedAt: filter.confirmed ? { $ne: null } : null });
    return paginate(ctx.em, FundingAllocation, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Query(() => UnfundedItemConnection, {
    description: '没有经费的已准入协助办理事项：未安排经费，或安排了但未向任何村（社区）拨付。Admitted assistance items without funding.',
  })
  async unfundedAssistanceItems(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => UnfundedItemFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: UnfundedItemFilter,
  ) {
    const scope = actorScope(ctx);
    const rows = await service.unfundedAssistanceItems(ctx.em, scope, {
      countyId: await filterCounty(ctx.em, filter),
      departmentId: filterId(filter?.departmentId, 'Department', 'departmentId'),
    });
    return paginateRows(
      page,
      async (limit, offset) => rows.slice(offset, offset + limit),
      async () => rows.length,
      info,
    );
  }

  @Authorized()
  @Query(() => UnpaidCommunityConnection, {
    description: '经费尚未到位的村（社区）：有经费的已准入协助事项中未拨付或未确认到账的，按事项与村社区代码。Communities not yet paid.',
  })
  async unpaidCommunities(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => UnpaidCommunityFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: UnpaidCommunityFilter,
  ) {
    const scope = actorScope(ctx);
    const q = service.unpaidCommunities(ctx.em, scope, {
      countyId: await filterCounty(ctx.em, filter),
      applicationId: filterId(filter?.applicationId, 'AdmissionApplication', 'applicationId'),
      departmentId: filterId(filter?.departmentId, 'Department', 'departmentId'),
      townshipId: filterId(filter?.townshipId, 'Region', 'townshipId'),
      communityId: filterId(filter?.communityId, 'Community', 'communityId'),
    });
    return paginateRows(page, q.fetch, q.count, info);
  }

  @Authorized()
  @Mutation(() => [FundingAllocation], {
    description: '向已准入事项范围内的村（社区）拨付工作经费（费随事转）。Send funding to communities of an admitted item.',
  })
  recordFundingAllocations(
    @Ctx() ctx: Context,
    @Arg('input', () => FundingAllocationInput, { description: '拨付。Allocation.' }) input: FundingAllocationInput,
  ) {
    return service.recordFundingAllocations(ctx, input);
  }

  @Authorized()
  @Mutation(() => FundingAllocation, { description: '村（社区）确认经费到账。The community confirms receipt.' })
  confirmFundingReceived(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '经费拨付。Allocation.' }) id: string) {
    return service.confirmFundingReceived(ctx, id);
  }

  @FieldResolver(() => AdmissionApplication, {
    nullable: true,
    description: '已准入事项（不在可见范围时为空）。The admitted item; null when outside your jurisdiction.',
  })
  async application(@Root() a: FundingAllocation, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return (await ctx.loaders.byId(AdmissionApplication).load(a.application.id)) ?? null;
  }

  @FieldResolver(() => Community, { description: '村（社区）。Community.' })
  async community(@Root() a: FundingAllocation, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(a.community.id))!;
  }

  @FieldResolver(() => User, { nullable: true, description: '确认到账人。Who confirmed receipt.' })
  async receivedConfirmedBy(@Root() a: FundingAllocation, @Ctx() ctx: Context): Promise<User | null> {
    return a.receivedConfirmedBy ? ctx.loaders.byId(User).load(a.receivedConfirmedBy.id) : null;
  }
}

@Resolver(() => UnfundedItem)
export class UnfundedItemResolver {
  @FieldResolver(() => AdmissionApplication, { description: '已准入事项。The admitted item.' })
  async application(@Root() u: UnfundedItem, @Ctx() ctx: Context): Promise<AdmissionApplication> {
    return (await ctx.loaders.byId(AdmissionApplication).load(u.applicationId))!;
  }
}

@Resolver(() => UnpaidCommunity)
export class UnpaidCommunityResolver {
  @FieldResolver(() => AdmissionApplication, { description: '已准入事项。The admitted item.' })
  async application(@Root() u: UnpaidCommunity, @Ctx() ctx: Context): Promise<AdmissionApplication> {
    return (await ctx.loaders.byId(AdmissionApplication).load(u.applicationId))!;
  }

  @FieldResolver(() => Community, { description: '村（社区）。Community.' })
  async community(@Root() u: UnpaidCommunity, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(u.communityId))!;
  }
}
