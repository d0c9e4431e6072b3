import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Info, Int, ObjectType, Query, Resolver, Root, Authorized } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { DataRequirement, DataRequirementSource } from '../entity/data-requirement.entity';
import { DataElement } from '../entity/data-element.entity';
import { BusinessApp } from '../entity/business-app.entity';
import { Department } from '../../organisation';
import { Region } from '../../geography';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { badInput } from '../../kernel/errors';
import { getRegion } from '../../geography';
import { collectOnceOpportunities, type CollectOnceRow } from '../service/collect-once.service';

export const DataRequirementConnection = ConnectionType(DataRequirement, { zh: '数据需求', en: 'data requirements' });

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])?$/;

@InputType({ description: '数据需求筛选条件。Data requirement filter.' })
export class DataRequirementFilter {
  @Field(() => ID, { nullable: true, description: '提出需求的部门。Of this department.' })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: '数据元编码。Data element code.' })
  @MaxLength(64)
  dataElementCode?: string | null;

  @Field(() => ID, { nullable: true, description: '需求范围所在的行政区划（精确匹配）。Scoped to exactly this region.' })
  regionId?: string | null;

  @Field(() => DataRequirementSource, { nullable: true, description: '来源。Source.' })
  source?: DataRequirementSource | null;

  @Field(() => Boolean, { nullable: true, description: '只看（或排除）由一次采集满足的。Only (or except) those served by collect-once.' })
  collectOnce?: boolean | null;

  @Field(() => String, { nullable: true, description: '统计期。Period.' })
  @Matches(PERIOD, { message: 'period must look like 2026, 2026Q3 or 2026-10' })
  period?: string | null;
}

@ObjectType({ description: '一次采集机会：多个部门需要同一数据元、同一统计期、同一批村（社区）。A collect-once opportunity.' })
export class CollectOnceOpportunity {
  dataElementId!: number;
  sharedDepartmentIds!: number[];
  outsideScopeDepartmentIds!: number[];

  @Field({ description: '统计期。Period.' })
  period!: string;

  @Field({ description: '平台是否已采集（是则各部门直接复用，无需再采集）。Already collected on the platform.' })
  collectedOnPlatform!: boolean;

  @Field(() => Int, { description: '一次采集覆盖的村（社区）数。Communities where it is collected once.' })
  communities!: number;

  @Field(() => Int, { description: '各部门分别采集时的采集次数（按村社区累计）。Collections if each department collected on its own.' })
  collectionsRequested!: number;

  @Field(() => Int, { description: '一次采集后仍需的采集次数（含共享范围外部门）。Collections still needed.' })
  collectionsNeeded!: number;

  @Field(() => Int, { description: '避免的重复采集次数。Duplicate collections avoided.' })
  duplicateCollectionsAvoided!: number;
}

@ObjectType({ description: '一次采集、多方共享情况汇总。Collect-once report of a region.' })
export class CollectOnceReport {
  regionId!: number;

  @Field(() => String, { nullable: true, description: '统计期（为空表示全部）。Period; null for all.' })
  period?: string | null;

  @Field(() => [CollectOnceOpportunity], { description: '各数据元与统计期的一次采集机会。Opportunities by data element and period.' })
  opportunities!: CollectOnceOpportunity[];

  @Field(() => Int, { description: '各部门分别采集时的采集次数合计。Collections requested in total.' })
  collectionsRequested!: number;

  @Field(() => Int, { description: '一次采集后仍需的采集次数合计。Collections still needed in total.' })
  collectionsNeeded!: number;

  @Field(() => Int, { description: '避免的重复采集次数合计（统计指标）。Duplicate collections avoided in total.' })
  duplicateCollectionsAvoided!: number;
}

@Resolver(() => DataRequirement)
export class DataRequirementResolver {
  @Authorized()
  @Query(() => DataRequirementConnection, { description: '各部门的数据需求，按创建先后。Departments’ data requirements.' })
  async dataRequirements(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => DataRequirementFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: DataRequirementFilter,
  ) {
    const where: FilterQuery<DataRequirement>[] = [];
    if (filter?.departmentId != null) where.push({ department: fromGlobalId(filter.departmentId, 'Department', 'filter.departmentId').id });
    if (filter?.dataElementCode) where.push({ dataElement: { code: filter.dataElementCode } });
    if (filter?.regionId != null) where.push({ region: fromGlobalId(filter.regionId, 'Region', 'filter.regionId').id });
    if (filter?.source) where.push({ source: filter.source });
    if (filter?.collectOnce != null) where.push({ collectOnce: filter.collectOnce });
    if (filter?.period) where.push({ period: filter.period });
    return paginate(ctx.em, DataRequirement, where.length ? { $and: where } : {}, { id: 'asc' }, page, info);
  }

  @FieldResolver(() => Department, { description: '提出需求的部门。The department.' })
  async department(@Root() r: DataRequirement, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(r.department.id))!;
  }

  @FieldResolver(() => DataElement, { description: '数据元。The data element.' })
  async dataElement(@Root() r: DataRequirement, @Ctx() ctx: Context): Promise<DataElement> {
    return (await ctx.loaders.byId(DataElement).load(r.dataElement.id))!;
  }

  @FieldResolver(() => Region, { description: '需求范围：该行政区划内的全部村（社区）。Scope: every community in this region.' })
  async region(@Root() r: DataRequirement, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(r.region.id))!;
  }

  @FieldResolver(() => BusinessApp, { nullable: true, description: '来源为业务应用时的应用。The app, when the source is an app.' })
  businessApp(@Root() r: DataRequirement, @Ctx() ctx: Context): Promise<BusinessApp | null> | null {
    return r.businessApp ? ctx.loaders.byId(BusinessApp).load(r.businessApp.id) : null;
  }

  @Authorized()
  @Query(() => CollectOnceReport, {
    description:
      '一次采集机会：两个及以上共享范围内的部门需要同一数据元、同一统计期、同一批村（社区）时只采集一次并共享。Collect-once opportunities in a region, and the duplicate collections avoided.',
  })
  async collectOnceOpportunities(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID, { description: '行政区划（任一级）的全局 ID。Region (any level).' }) regionId: string,
    @Arg('period', () => String, { nullable: true, description: '只看该统计期。Only this period.' }) period?: string,
  ): Promise<CollectOnceReport> {
    const region = await getRegion(ctx.em, { id: regionId }, 'region');
    if (period != null && !PERIOD.test(period)) {
      throw badInput('统计期格式应为 2026、2026Q3 或 2026-10', 'period must look like 2026, 2026Q3 or 2026-10', [
        { field: 'period', message: '格式不正确', messageEn: 'invalid period' },
      ]);
    }
    const rows: CollectOnceRow[] = await collectOnceOpportunities(ctx.em, region, period);
    const report = new CollectOnceReport();
    report.regionId = region.id;
    report.period = period ?? null;
    report.opportunities = rows.map((r) => Object.assign(new CollectOnceOpportunity(), r));
    report.collectionsRequested = rows.reduce((s, r) => s + r.collectionsRequested, 0);
    report.collectionsNeeded = rows.reduce((s, r) => s + r.collectionsNeeded, 0);
    report.duplicateCollectionsAvoided = rows.reduce((s, r) => s + r.duplicateCollectionsAvoided, 0);
    return report;
  }
}

@Resolver(() => CollectOnceReport)
export class CollectOnceReportResolver {
  @FieldResolver(() => Region, { description: '行政区划。The region.' })
  async region(@Root() report: CollectOnceReport, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(report.regionId))!;
  }
}

@Resolver(() => CollectOnceOpportunity)
export class CollectOnceOpportunityResolver {
  @FieldResolver(() => DataElement, { description: '数据元。The data element.' })
  async dataElement(@Root() o: CollectOnceOpportunity, @Ctx() ctx: Context): Promise<DataElement> {
    return (await ctx.loaders.byId(DataElement).load(o.dataElementId))!;
  }

  @FieldResolver(() => [Department], { description: '共享范围内提出需求的部门（共享同一份数据）。Requesting departments in the sharing scope.' })
  async sharedWith(@Root() o: CollectOnceOpportunity, @Ctx() ctx: Context): Promise<Department[]> {
    const loaded = await ctx.loaders.byId(Department).loadMany(o.sharedDepartmentIds);
    return loaded.filter((d): d is Department => d instanceof Department);
  }

  @FieldResolver(() => [Department], {
    description: '提出需求但不在共享范围内的部门（无权读取共享数据，需扩大共享范围或撤回需求）。Requesting departments outside the sharing scope.',
  })
  async outsideScope(@Root() o: CollectOnceOpportunity, @Ctx() ctx: Context): Promise<Department[]> {
    const loaded = await ctx.loaders.byId(Department).loadMany(o.outsideScopeDepartmentIds);
    return loaded.filter((d): d is Department => d instanceof Department);
  }
}
