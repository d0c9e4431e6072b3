import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Info, Query, Resolver, Root, Authorized } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Department } from './department.entity';
import { Region } from '../geography';
import { Community } from '../geography';
import type { Context } from '../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../kernel/pagination';
import { fromGlobalId } from '../kernel/global-id';
import { containsPattern } from '../kernel/text';
import { getRegion } from '../geography';

export const DepartmentConnection = ConnectionType(Department, { zh: '有关部门', en: 'departments' });

@InputType({ description: '有关部门筛选条件。Department filter.' })
export class DepartmentFilter {
  @Field(() => ID, { nullable: true, description: '所属行政区划（县、市或省）的全局 ID。Of this region.' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: '所属行政区划代码。Of the region with this code.' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit division code' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '机构类别。Category.' })
  @MaxLength(50)
  category?: string | null;

  @Field(() => String, { nullable: true, description: '按名称、简称（包含）或统一社会信用代码搜索。Search by name or credit code.' })
  @MaxLength(100)
  search?: string | null;
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized()
  @Query(() => Department, { nullable: true, description: '按全局 ID 取一个部门。One department by global ID.' })
  department(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string): Promise<Department | null> {
    return ctx.em.findOne(Department, { id: fromGlobalId(id, 'Department').id });
  }

  @Authorized()
  @Query(() => DepartmentConnection, { description: '有关部门列表，按名称排序。Departments by name, filtered and paginated.' })
  async departments(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: DepartmentFilter,
  ) {
    const where: FilterQuery<Department>[] = [];
    if (filter?.regionId != null || filter?.regionCode != null) {
      where.push({ region: (await getRegion(ctx.em, { id: filter.regionId, code: filter.regionCode }, 'filter.region')).id });
    }
    if (filter?.category) where.push({ category: filter.category });
    if (filter?.search?.trim()) {
      const s = filter.search.trim();
      where.push({ $or: [{ name: { $ilike: containsPattern(s) } }, { shortName: { $ilike: containsPattern(s) } }, { uscc: s.toUpperCase() }] });
    }
    return paginate(ctx.em, Department, where.length ? { $and: where } : {}, { name: 'asc' }, page, info);
  }

  @FieldResolver(() => Region, { description: '所属行政区划。The region whose department it is.' })
  async region(@Root() department: Department, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(department.region.id))!;
  }
}

/** `Region.departments`: the organisation module extends the geography's types with the departments of a region. */
@Resolver(() => Region)
export class RegionDepartmentsResolver {
  @FieldResolver(() => [Department], { description: '本级的有关部门，按名称排序。Departments of this region, by name.' })
  departments(@Root() region: Region, @Ctx() ctx: Context): Promise<Department[]> {
    return ctx.loaders.manyBy(Department, 'region', { orderBy: { name: 'asc' } }).load(region.id);
  }
}

/** `Community.departments`: the county's departments that may bring work into a community. */
@Resolver(() => Community)
export class CommunityDepartmentsResolver {
  @FieldResolver(() => [Department], {
    description: '所在县的有关部门（可向本村/社区申请准入事项者），按名称排序。The county departments that may bring work into it, by name.',
  })
  departments(@Root() community: Community, @Ctx() ctx: Context): Promise<Department[]> {
    return ctx.loaders.manyBy(Department, 'region', { orderBy: { name: 'asc' } }).load(community.county.id);
  }
}
