import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Info, Int, Query, Resolver, Root, Authorized } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import { BusinessApp } from '../entity/business-app.entity';
import { Department } from '../../organisation';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { containsPattern } from '../../kernel/text';

export const BusinessAppConnection = ConnectionType(BusinessApp, { zh: '业务应用系统', en: 'business apps' });

@InputType({ description: '业务应用系统筛选条件。Business app filter.' })
export class BusinessAppFilter {
  @Field(() => ID, { nullable: true, description: '主管部门的全局 ID。Of this department.' })
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看已接入（或未接入）平台的。Only integrated (or not integrated) apps.' })
  integrated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '只看需村（社区）操作（或不需要）的。Only apps communities must (or need not) operate.' })
  usedByCommunities?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '是否包含平台已删除的。Include apps the platform deleted.' })
  includeDeleted?: boolean | null;

  @Field(() => String, { nullable: true, description: '按名称或平台标识搜索。Search by name or platform id.' })
  @MaxLength(100)
  search?: string | null;
}

@Resolver(() => BusinessApp)
export class BusinessAppResolver {
  @Authorized()
  @Query(() => BusinessAppConnection, { description: '业务应用系统列表，按名称排序。Business apps by name, filtered and paginated.' })
  businessApps(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => BusinessAppFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: BusinessAppFilter,
  ) {
    const where: FilterQuery<BusinessApp>[] = [];
    if (!filter?.includeDeleted) where.push({ deletedAt: null });
    if (filter?.departmentId != null) where.push({ department: fromGlobalId(filter.departmentId, 'Department', 'filter.departmentId').id });
    if (filter?.integrated != null) where.push({ integrated: filter.integrated });
    if (filter?.usedByCommunities != null) where.push({ usedByCommunities: filter.usedByCommunities });
    if (filter?.search?.trim()) {
      const s = filter.search.trim();
      where.push({ $or: [{ name: { $ilike: containsPattern(s) } }, { externalId: s }] });
    }
    return paginate(ctx.em, BusinessApp, where.length ? { $and: where } : {}, { name: 'asc' }, page, info);
  }

  @FieldResolver(() => Department, { nullable: true, description: '主管部门（按统一社会信用代码或全称匹配；未匹配时为空）。Owning department, when matched.' })
  department(@Root() app: BusinessApp, @Ctx() ctx: Context): Promise<Department | null> | null {
    return app.department ? ctx.loaders.byId(Department).load(app.department.id) : null;
  }

  @FieldResolver(() => Int, { description: '承载该应用的在用终端数。Terminals in use that serve it.' })
  terminalCount(@Root() app: BusinessApp, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders
      .custom(
        'businessAppTerminalCount',
        () =>
          new DataLoader<number, number>(async (ids) => {
            const rows: Array<{ id: number; n: string }> = await ctx.em.execute(
              `select ta.business_app_id as id, count(*) as n from terminal_app ta join terminal t on t.id = ta.terminal_id
              where ta.business_app_id in (?) and t.deleted_at is null and t.status in ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION')
              group by ta.business_app_id`,
              [[...ids]],
            );
            const counts = new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
            return ids.map((id) => counts.get(id) ?? 0);
          }),
      )
      .load(app.id);
  }
}
