import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Info, Query, Resolver, Root } from 'type-graphql';
import { Matches } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CollectedValue } from '../entity/collected-value.entity';
import { DataElement } from '../entity/data-element.entity';
import { Community } from '../../geography';
import { Role } from '../../kernel/roles';
import { requireActor, type Actor, type Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { forbidden, notFound } from '../../kernel/errors';
import { communitiesWithin, getRegion } from '../../geography';

export const CollectedValueConnection = ConnectionType(CollectedValue, { zh: '采集数据', en: 'collected values' });

@InputType({ description: '采集数据筛选条件。Collected value filter.' })
export class CollectedValueFilter {
  @Field(() => ID, { nullable: true, description: '村（社区）的全局 ID。Of this community.' })
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '所在行政区划（任一级）的全局 ID。Within this region (any level).' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: '统计期：2026、2026Q3 或 2026-10。Period.' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])?$/, { message: 'period must look like 2026, 2026Q3 or 2026-10' })
  period?: string | null;
}

/**
 * Whether the actor may read a data element's values. A department user only within the
 * element's sharing scope (共享范围); other signed-in roles (county staff, analysts,
 * inspectors, the integration account) read every element.
 */
export async function canReadDataElement(em: EntityManager, actor: Actor, elementId: number): Promise<boolean> {
  if (actor.role !== Role.DEPARTMENT_USER) return true;
  if (actor.departmentId == null) return false;
  const rows: unknown[] = await em.execute('select 1 from data_element_share where data_element_id = ? and department_id = ?', [elementId, actor.departmentId]);
  return rows.length > 0;
}

@Resolver(() => CollectedValue)
export class CollectedValueResolver {
  @Authorized()
  @Query(() => CollectedValueConnection, {
    description:
      '某数据元的采集数据（一次采集、多方共享），按统计期倒序。部门用户只能读取共享范围内的数据元，否则返回 FORBIDDEN。Values of one data element, newest period first; a department user outside the element’s sharing scope gets FORBIDDEN.',
  })
  async collectedValues(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('dataElementCode', () => String, { description: '数据元编码。Data element code.' }) dataElementCode: string,
    @Arg('filter', () => CollectedValueFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: CollectedValueFilter,
  ) {
    const actor = requireActor(ctx);
    const element = await ctx.em.findOne(DataElement, { code: dataElementCode });
    if (!element) throw notFound('该数据元', 'Data element');
    if (!(await canReadDataElement(ctx.em, actor, element.id))) {
      throw forbidden(
        'SHARING_SCOPE',
        `本部门不在数据元“${element.name}”的共享范围内，无权读取其数据`,
        `Your department is not in the sharing scope of data element ${element.code}`,
      );
    }
    const where: FilterQuery<CollectedValue>[] = [{ dataElement: element.id }, { deletedAt: null }];
    if (filter?.communityId != null) where.push({ community: fromGlobalId(filter.communityId, 'Community', 'filter.communityId').id });
    if (filter?.regionId != null) {
      const region = await getRegion(ctx.em, { id: filter.regionId }, 'filter.region');
      where.push({ community: communitiesWithin(region) });
    }
    if (filter?.period) where.push({ period: filter.period });
    return paginate(ctx.em, CollectedValue, { $and: where }, { period: 'desc', id: 'asc' }, page, info);
  }

  @FieldResolver(() => DataElement, { description: '数据元。The data element.' })
  async dataElement(@Root() value: CollectedValue, @Ctx() ctx: Context): Promise<DataElement> {
    return (await ctx.loaders.byId(DataElement).load(value.dataElement.id))!;
  }

  @FieldResolver(() => Community, { description: '村（社区）。The community.' })
  async community(@Root() value: CollectedValue, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(value.community.id))!;
  }
}
