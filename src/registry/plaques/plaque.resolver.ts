import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { containsPattern } from '../../kernel/text';
import { Plaque } from './plaque.entity';
import { filterCounty } from '../../geography';
import { filterId } from '../../kernel/input';
import { PlaqueFilter, PlaqueInput, PlaqueStatusInput } from './plaque.inputs';
import * as service from './plaque.service';
import { hasCentralOrProvincialBasis } from './plaque.rules';

export const PlaqueConnection = ConnectionType(Plaque, { zh: '挂牌', en: 'plaques' });

@ObjectType({ description: '挂牌摘除建议（应撤尽撤）。A plaque removal proposal.' })
export class PlaqueRemovalProposal {
  @Field(() => Plaque, { description: '所涉挂牌。The plaque.' })
  plaque!: Plaque;

  @Field({ description: '说明（中文）。Message in Chinese.' })
  message!: string;

  @Field({ description: '说明（英文）。Message in English.' })
  messageEn!: string;
}

@Resolver(() => Plaque)
export class PlaqueResolver {
  @Authorized()
  @Query(() => PlaqueConnection, { description: '挂牌（按县、乡镇、村社区、部门、状态、依据层级筛选）。Plaques, filtered.' })
  async plaques(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => PlaqueFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: PlaqueFilter,
  ) {
    const where: FilterQuery<Plaque>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const township = filterId(filter?.townshipId, 'Region', 'townshipId');
    if (township) where.push({ community: { township } });
    const community = filterId(filter?.communityId, 'Community', 'communityId');
    if (community) where.push({ community });
    const department = filterId(filter?.departmentId, 'Department', 'departmentId');
    if (department) where.push({ department });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.authority?.length) where.push({ authority: { $in: filter.authority } });
    if (filter?.search?.trim()) where.push({ name: { $ilike: containsPattern(filter.search) } });
    return paginate(ctx.em, Plaque, where.length ? { $and: where } : {}, { id: 'asc' }, page, info);
  }

  @Authorized()
  @Query(() => [PlaqueRemovalProposal], { description: '挂牌清理审查：没有党中央、国务院和省委、省政府明确规定的保留挂牌，建议摘除。Plaques to remove.' })
  plaqueCleanupReview(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { description: '县。County.' }) countyId: string,
    @Arg('departmentId', () => ID, { nullable: true, description: '只看该部门。Only this department.' }) departmentId?: string,
  ): Promise<PlaqueRemovalProposal[]> {
    return service.plaqueCleanupReview(
      ctx.em,
      fromGlobalId(countyId, 'Region', 'countyId').id,
      departmentId ? fromGlobalId(departmentId, 'Department', 'departmentId').id : null,
    );
  }

  @Authorized()
  @Mutation(() => Plaque, { description: '登记村（社区）挂牌。Register a plaque.' })
  createPlaque(@Ctx() ctx: Context, @Arg('input', () => PlaqueInput, { description: '挂牌信息。Plaque.' }) input: PlaqueInput) {
    return service.createPlaque(ctx, input);
  }

  @Authorized()
  @Mutation(() => Plaque, { description: '将挂牌列为待摘除。Order a plaque removed.' })
  orderPlaqueRemoval(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '挂牌。Plaque.' }) id: string,
    @Arg('input', () => PlaqueStatusInput, { description: '原因与日期。Reason and date.' }) input: PlaqueStatusInput,
  ) {
    return service.orderPlaqueRemoval(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => [Plaque], { description: '按清理审查结果，将全县（或某部门）无依据的挂牌一次性列为待摘除。Order every proposed plaque removed.' })
  orderPlaqueRemovals(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { description: '县。County.' }) countyId: string,
    @Arg('departmentId', () => ID, { nullable: true, description: '只处理该部门的挂牌。Only this department’s plaques.' }) departmentId?: string,
  ) {
    return service.orderPlaqueRemovals(
      ctx,
      fromGlobalId(countyId, 'Region', 'countyId').id,
      departmentId ? fromGlobalId(departmentId, 'Department', 'departmentId').id : null,
    );
  }

  @Authorized()
  @Mutation(() => Plaque, { description: '确认挂牌已摘除。Confirm a plaque removed.' })
  confirmPlaqueRemoved(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '挂牌。Plaque.' }) id: string,
    @Arg('input', () => PlaqueStatusInput, { description: '说明与日期。Note and date.' }) input: PlaqueStatusInput,
  ) {
    return service.confirmPlaqueRemoved(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Plaque, { description: '待摘除的挂牌改为保留（须有中央或省级依据）。Keep a plaque (needs a central or provincial basis).' })
  keepPlaque(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '挂牌。Plaque.' }) id: string,
    @Arg('input', () => PlaqueStatusInput, { description: '原因。Reason.' }) input: PlaqueStatusInput,
  ) {
    return service.keepPlaque(ctx, id, input);
  }

  @FieldResolver(() => Community, { description: '所在村（社区）。Community.' })
  async community(@Root() p: Plaque, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(p.community.id))!;
  }

  @FieldResolver(() => Department, { description: '设牌部门。Department.' })
  async department(@Root() p: Plaque, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(p.department.id))!;
  }

  @FieldResolver(() => Region, { description: '所属县。County.' })
  async county(@Root() p: Plaque, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(p.county.id))!;
  }

  @FieldResolver(() => Boolean, { description: '是否有党中央、国务院或省委、省政府的明确规定。Has a central or provincial basis.' })
  hasCentralOrProvincialBasis(@Root() p: Plaque): boolean {
    return hasCentralOrProvincialBasis({ authority: p.authority, authorizingDocument: p.authorizingDocument ?? null });
  }
}
