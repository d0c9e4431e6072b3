import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Info, Query, Resolver, Root, Authorized } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { Terminal, TerminalStatus } from '../entity/terminal.entity';
import { BusinessApp } from '../entity/business-app.entity';
import { Community } from '../../geography';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { communitiesWithin, getRegion } from '../../geography';

export const TerminalConnection = ConnectionType(Terminal, { zh: '服务终端', en: 'terminals' });

@InputType({ description: '服务终端筛选条件。Terminal filter.' })
export class TerminalFilter {
  @Field(() => ID, { nullable: true, description: '所在村（社区）的全局 ID。In this community.' })
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '所在行政区划（乡镇、县或更高）的全局 ID。Within this region (township, county or higher).' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: '所在行政区划的代码。Within the region with this code.' })
  @MaxLength(12)
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: '承载该部门应用的终端（部门全局 ID）。Serving an app of this department.' })
  departmentId?: string | null;

  @Field(() => [TerminalStatus], { nullable: true, description: '只看这些状态。Only these statuses.' })
  status?: TerminalStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '为真：所承载应用均已接入平台；为假：至少一个应用未接入。True: every app it serves is integrated; false: at least one is not.',
  })
  integrated?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '是否包含平台已删除的。Include terminals the platform deleted.' })
  includeDeleted?: boolean | null;

  @Field(() => String, { nullable: true, description: '按平台标识查找。By platform id.' })
  @MaxLength(128)
  externalId?: string | null;
}

const LIVE_APPS = (alias: string) =>
  `from terminal_app ta join business_app a on a.id = ta.business_app_id where ta.terminal_id = ${alias}.id and a.deleted_at is null`;

@Resolver(() => Terminal)
export class TerminalResolver {
  @Authorized()
  @Query(() => TerminalConnection, { description: '服务终端列表，按平台标识排序。Terminals by platform id, filtered and paginated.' })
  async terminals(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => TerminalFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: TerminalFilter,
  ) {
    const where: FilterQuery<Terminal>[] = [];
    if (!filter?.includeDeleted) where.push({ deletedAt: null });
    if (filter?.communityId != null) where.push({ community: fromGlobalId(filter.communityId, 'Community', 'filter.communityId').id });
    if (filter?.regionId != null || filter?.regionCode != null) {
      const region = await getRegion(ctx.em, { id: filter.regionId, code: filter.regionCode }, 'filter.region');
      where.push({ community: communitiesWithin(region) });
    }
    if (filter?.departmentId != null) {
      const departmentId = fromGlobalId(filter.departmentId, 'Department', 'filter.departmentId').id;
      where.push({ [raw((alias) => `exists (select 1 ${LIVE_APPS(alias)} and a.department_id = ?)`, [departmentId])]: [] });
    }
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.integrated === true) {
      where.push({ [raw((alias) => `(exists (select 1 ${LIVE_APPS(alias)}) and not exists (select 1 ${LIVE_APPS(alias)} and not a.integrated))`)]: [] });
    } else if (filter?.integrated === false) {
      where.push({ [raw((alias) => `exists (select 1 ${LIVE_APPS(alias)} and not a.integrated)`)]: [] });
    }
    if (filter?.externalId) where.push({ externalId: filter.externalId });
    return paginate(ctx.em, Terminal, where.length ? { $and: where } : {}, { externalId: 'asc' }, page, info);
  }

  @FieldResolver(() => Community, { description: '所在村（社区）。Its community.' })
  async community(@Root() terminal: Terminal, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(terminal.community.id))!;
  }

  @FieldResolver(() => [BusinessApp], { description: '承载的业务应用系统，按名称排序。The business apps it serves, by name.' })
  apps(@Root() terminal: Terminal, @Ctx() ctx: Context): Promise<BusinessApp[]> {
    return ctx.loaders
      .custom(
        'terminalApps',
        () =>
          new DataLoader<number, BusinessApp[]>(async (ids) => {
            const rows: Array<{ terminal_id: number; business_app_id: number }> = await ctx.em.execute(
              'select terminal_id, business_app_id from terminal_app where terminal_id in (?)',
              [[...ids]],
            );
            const apps = await ctx.loaders.byId(BusinessApp).loadMany([...new Set(rows.map((r) => r.business_app_id))]);
            const byId = new Map(apps.filter((a): a is BusinessApp => a instanceof BusinessApp).map((a) => [a.id, a]));
            const grouped = new Map<number, BusinessApp[]>(ids.map((id) => [id, []]));
            for (const r of rows) {
              const app = byId.get(r.business_app_id);
              if (app) grouped.get(r.terminal_id)?.push(app);
            }
            return ids.map((id) => (grouped.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
          }),
      )
      .load(terminal.id);
  }
}
