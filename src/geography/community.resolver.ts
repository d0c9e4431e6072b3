import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Info, Query, Resolver, Root, Authorized } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Community, CommunityType } from './community.entity';
import { Region } from './region.entity';
import type { Context } from '../kernel/context';
import { ConnectionType, PageArgs, SortDirection, paginate } from '../kernel/pagination';
import { fromGlobalId } from '../kernel/global-id';
import { badInput } from '../kernel/errors';
import { containsPattern } from '../kernel/text';
import { communitiesWithin, getRegion } from './geography.service';
import { defineEnum } from '../kernel/enums';

export const CommunityConnection = ConnectionType(Community, { zh: '村（社区）', en: 'communities' });

@InputType({ description: '村（社区）筛选条件。Community filter.' })
export class CommunityFilter {
  @Field(() => ID, { nullable: true, description: '所在行政区划（任一级）的全局 ID。Within this region (any level).' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: '所在行政区划（任一级）的代码。Within the region with this code.' })
  @Matches(/^\d{6}(\d{6})?$/, { message: 'regionCode must be a 6- or 12-digit division code' })
  regionCode?: string | null;

  @Field(() => CommunityType, { nullable: true, description: '只看村或只看社区。Only villages or only urban communities.' })
  type?: CommunityType | null;

  @Field(() => String, { nullable: true, description: '按名称（包含）或代码（前缀）搜索。Search by name (contains) or code (prefix).' })
  @MaxLength(100)
  search?: string | null;
}

export enum CommunityOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  POPULATION = 'POPULATION',
}
defineEnum(CommunityOrderField, 'CommunityOrderField', '村（社区）排序字段。Community sort field.', {
  CODE: ['按区划代码', 'By code'],
  NAME: ['按名称', 'By name'],
  POPULATION: ['按人口', 'By population'],
});

@InputType({ description: '村（社区）排序。Community ordering.' })
export class CommunityOrder {
  @Field(() => CommunityOrderField, { description: '排序字段。Field.' })
  field!: CommunityOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '方向。Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

const ORDER_COLUMN: Record<CommunityOrderField, string> = { CODE: 'code', NAME: 'name', POPULATION: 'population' };

@Resolver(() => Community)
export class CommunityResolver {
  @Authorized()
  @Query(() => Community, { nullable: true, description: '按全局 ID 或 12 位代码取一个村（社区）。One community by global ID or code.' })
  async community(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: '全局 ID。Global ID.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: '12 位统计用区划代码。12-digit code.' }) code?: string,
  ): Promise<Community | null> {
    if ((id == null) === (code == null)) {
      throw badInput('请提供 id 或 code 之一', 'Give exactly one of id and code', [
        { field: 'id', message: '需要且只需要 id 与 code 之一', messageEn: 'exactly one of id and code is required' },
      ]);
    }
    if (id != null) return ctx.em.findOne(Community, { id: fromGlobalId(id, 'Community').id });
    return ctx.loaders.byUnique(Community, 'code').load(code!); // shared with the burden card's lookup
  }

  @Authorized()
  @Query(() => CommunityConnection, { description: '村（社区）列表：按行政区划、类别、关键字筛选。Communities, filtered and paginated.' })
  async communities(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => CommunityFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: CommunityFilter,
    @Arg('orderBy', () => CommunityOrder, { nullable: true, description: '排序（默认按代码升序）。Ordering; code ascending by default.' })
    orderBy?: CommunityOrder,
  ) {
    const where: FilterQuery<Community>[] = [];
    if (filter?.regionId != null || filter?.regionCode != null) {
      where.push(communitiesWithin(await getRegion(ctx.em, { id: filter.regionId, code: filter.regionCode }, 'filter.region')));
    }
    if (filter?.type) where.push({ type: filter.type });
    if (filter?.search?.trim()) {
      const s = filter.search.trim();
      where.push({ $or: [{ name: { $ilike: containsPattern(s) } }, ...(/^\d+$/.test(s) ? [{ code: { $like: `${s}%` } }] : [])] });
    }
    const order = orderBy ?? { field: CommunityOrderField.CODE, direction: SortDirection.ASC };
    return paginate(
      ctx.em,
      Community,
      where.length ? { $and: where } : {},
      { [ORDER_COLUMN[order.field]]: order.direction === 'ASC' ? 'asc' : 'desc' },
      page,
      info,
    );
  }

  @FieldResolver(() => Region, { description: '所在乡镇（街道）。Its township.' })
  async township(@Root() community: Community, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(community.township.id))!;
  }

  @FieldResolver(() => Region, { description: '所在县（市、区）。Its county.' })
  async county(@Root() community: Community, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(community.county.id))!;
  }
}
