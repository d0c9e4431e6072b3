import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Info, Query, Resolver, Root, Authorized } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import { Region, RegionLevel } from './region.entity';
import type { Context } from '../kernel/context';
import { ConnectionType, PageArgs, SortDirection, paginate } from '../kernel/pagination';
import { containsPattern } from '../kernel/text';
import { findRegion, getRegion, regionsWithin } from './geography.service';
import { CODE_PREFIX_LENGTH } from './region.entity';
import { defineEnum } from '../kernel/enums';

export const RegionConnection = ConnectionType(Region, { zh: '行政区划', en: 'regions' });

@InputType({ description: '行政区划筛选条件。Region filter.' })
export class RegionFilter {
  @Field(() => RegionLevel, { nullable: true, description: '只看该层级。Only this level.' })
  level?: RegionLevel | null;

  @Field(() => ID, { nullable: true, description: '上级区划的全局 ID（直接下级）。Direct children of this region.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: '上级区划代码（直接下级）。Direct children of the region with this code.' })
  @Matches(/^\d{6}(\d{6})?$/, { message: 'parentCode must be a 6- or 12-digit division code' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: '在该区划代码的全部下级中查找。Anywhere below the region with this code.' })
  @Matches(/^\d{6}(\d{6})?$/, { message: 'withinCode must be a 6- or 12-digit division code' })
  withinCode?: string | null;

  @Field(() => String, { nullable: true, description: '按名称（包含）或代码（前缀）搜索。Search by name (contains) or code (prefix).' })
  @MaxLength(100)
  search?: string | null;
}

export enum RegionOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
defineEnum(RegionOrderField, 'RegionOrderField', '行政区划排序字段。Region sort field.', {
  CODE: ['按区划代码', 'By code'],
  NAME: ['按名称', 'By name'],
});

@InputType({ description: '行政区划排序。Region ordering.' })
export class RegionOrder {
  @Field(() => RegionOrderField, { description: '排序字段。Field.' })
  field!: RegionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '方向。Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

const ORDER_COLUMN: Record<RegionOrderField, string> = { CODE: 'code', NAME: 'name' };

@Resolver(() => Region)
export class RegionResolver {
  @Authorized()
  @Query(() => Region, { nullable: true, description: '按全局 ID 或区划代码取一个行政区划。One region by global ID or division code.' })
  async region(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: '全局 ID。Global ID.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: '区划代码。Division code.' }) code?: string,
  ): Promise<Region | null> {
    return findRegion(ctx.em, { id, code });
  }

  @Authorized()
  @Query(() => RegionConnection, { description: '行政区划列表（可按层级、上级、关键字筛选）。Regions, filtered and paginated.' })
  async regions(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => RegionFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: RegionFilter,
    @Arg('orderBy', () => RegionOrder, { nullable: true, description: '排序（默认按代码升序）。Ordering; code ascending by default.' }) orderBy?: RegionOrder,
  ) {
    const where: FilterQuery<Region>[] = [];
    if (filter?.level) where.push({ level: filter.level });
    if (filter?.parentId != null || filter?.parentCode != null) {
      const parent = await getRegion(ctx.em, { id: filter.parentId, code: filter.parentCode }, 'filter.parent');
      where.push({ parent: parent.id });
    }
    if (filter?.withinCode != null) where.push(regionsWithin(await getRegion(ctx.em, { code: filter.withinCode }, 'filter.within')));
    if (filter?.search?.trim()) {
      const s = filter.search.trim();
      where.push({ $or: [{ name: { $ilike: containsPattern(s) } }, ...(/^\d+$/.test(s) ? [{ code: { $like: `${s}%` } }] : [])] });
    }
    const order = orderBy ?? { field: RegionOrderField.CODE, direction: SortDirection.ASC };
    return paginate(
      ctx.em,
      Region,
      where.length ? { $and: where } : {},
      { [ORDER_COLUMN[order.field]]: order.direction === 'ASC' ? 'asc' : 'desc' },
      page,
      info,
    );
  }

  @FieldResolver(() => Region, { nullable: true, description: '上级区划（省级为空）。Parent region; null for a province.' })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> | null {
    return region.parent ? ctx.loaders.byId(Region).load(region.parent.id) : null;
  }

  @FieldResolver(() => [Region], { description: '直接下级区划，按代码排序。Direct children, by code.' })
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.manyBy(Region, 'parent', { orderBy: { code: 'asc' } }).load(region.id);
  }

  @FieldResolver(() => [Region], { description: '全部上级区划，从省级到直接上级。Ancestors, from the province down to the parent.' })
  async ancestors(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    const chain: Region[] = [];
    let current = region;
    while (current.parent) {
      const parent = await ctx.loaders.byId(Region).load(current.parent.id);
      if (!parent) break;
      chain.unshift(parent);
      current = parent;
    }
    return chain;
  }

  @FieldResolver(() => Int, { description: '辖区内的村（社区）数。Number of communities within.' })
  communityCount(@Root() region: Region, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders
      .custom(
        'regionCommunityCount',
        () =>
          new DataLoader<number, number>(async (ids) => {
            const prefixLength = `case r.level ${Object.entries(CODE_PREFIX_LENGTH)
              .map(([level, n]) => `when '${level}' then ${n}`)
              .join(' ')} end`;
            const rows: Array<{ id: number; n: string }> = await ctx.em.getConnection().execute(
              `select r.id, count(c.id) as n from region r
               left join community c on c.code like left(r.code, ${prefixLength}) || '%'
              where r.id in (?) group by r.id`,
              [[...ids]],
            );
            const counts = new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
            return ids.map((id) => counts.get(id) ?? 0);
          }),
      )
      .load(region.id);
  }
}
