import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import DataLoader from 'dataloader';
import { Terminal } from '../entity/terminal.entity';
import { Community } from '../../geography';
import { Region, RegionLevel } from '../../geography';
import { Role } from '../../kernel/roles';
import { requireActor, type Context } from '../../kernel/context';
import { fromGlobalId } from '../../kernel/global-id';
import { badInput, forbidden, notFound } from '../../kernel/errors';
import { getRegion } from '../../geography';
import {
  PLANNABLE_SQL as PLANNABLE,
  communityPlan,
  communitiesWithinSql,
  executeConsolidation,
  totalsOf,
  type CommunityPlanRow,
  type PlanTotals,
} from '../service/consolidation.service';

@ObjectType({ description: '终端整合计划的汇总数字。Figures of a terminal consolidation plan.' })
export class ConsolidationFigures implements PlanTotals {
  @Field(() => Int, { description: '有终端的村（社区）数。Communities with terminals.' })
  communities!: number;

  @Field(() => Int, { description: '有可整合终端的村（社区）数。Communities with terminals to consolidate.' })
  communitiesWithPlan!: number;

  @Field(() => Int, { description: '整合前在用终端数。Terminals in use before.' })
  terminalsInUse!: number;

  @Field(() => Int, { description: '计划整合的终端数（所承载应用均已接入平台）。Terminals planned for consolidation.' })
  terminalsPlanned!: number;

  @Field(() => Int, { description: '此前已整合的终端数。Terminals consolidated earlier.' })
  terminalsConsolidated!: number;

  @Field(() => Int, { description: '整合后在用终端数（统一终端计一台）。Terminals in use after; the unified terminal counts once.' })
  terminalsAfter!: number;

  @Field(() => Int, { description: '减少的终端数。Terminals removed.' })
  terminalsRemoved!: number;

  @Field(() => Int, { description: '整合后可在统一终端办理的应用数（按村社区累计）。Apps moved onto the unified terminal, summed over communities.' })
  appsCovered!: number;
}

@ObjectType({ description: '一个行政区划（乡镇或县）的整合计划汇总。Consolidation figures of a township or county.' })
export class RegionConsolidation extends ConsolidationFigures {
  regionId!: number;
}

@ObjectType({ description: '一个村（社区）的终端整合计划。The consolidation plan of one community.' })
export class CommunityConsolidation {
  communityId!: number;

  @Field(() => Int, { description: '整合前在用终端数。Terminals in use before.' })
  terminalsInUse!: number;

  @Field(() => Int, { description: '计划整合的终端数。Terminals planned for consolidation.' })
  terminalsPlanned!: number;

  @Field(() => Int, { description: '此前已整合的终端数。Terminals consolidated earlier.' })
  terminalsConsolidated!: number;

  @Field(() => Int, { description: '整合后在用终端数（统一终端计一台）。Terminals in use after.' })
  terminalsAfter!: number;

  @Field(() => Int, { description: '整合后可在统一终端办理的应用数。Apps moved onto the unified terminal.' })
  appsCovered!: number;
}

@ObjectType({ description: '终端整合计划：按村（社区）列出，并按乡镇、县汇总。A terminal consolidation plan, per community and rolled up.' })
export class ConsolidationPlan {
  regionId!: number;
  rows!: CommunityPlanRow[];

  @Field(() => ConsolidationFigures, { description: '区域合计。Totals for the region.' })
  totals!: ConsolidationFigures;

  @Field(() => [RegionConsolidation], { description: '按县汇总。Per county.' })
  counties!: RegionConsolidation[];

  @Field(() => [RegionConsolidation], { description: '按乡镇（街道）汇总。Per township.' })
  townships!: RegionConsolidation[];

  @Field(() => [CommunityConsolidation], { description: '各村（社区），按代码排序。Per community, by code.' })
  communities!: CommunityConsolidation[];
}

@InputType({ description: '执行终端整合：指定村（社区）或一个行政区划，二选一。Which communities to consolidate: a list or a region.' })
export class ExecuteConsolidationInput {
  @Field(() => [ID], { nullable: true, description: '村（社区）的全局 ID（最多 1000 个）。Communities (at most 1000).' })
  @ArrayMaxSize(1000)
  communityIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: '行政区划的全局 ID（其下全部村社区）。Every community in this region.' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: '说明。Comment.' })
  @MaxLength(2000)
  comment?: string | null;
}

@ObjectType({ description: '一个村（社区）本次整合的终端。Terminals consolidated in one community.' })
export class CommunityConsolidated {
  communityId!: number;
  terminalIds!: number[];

  @Field(() => Int, { description: '本次整合的终端数。Terminals consolidated.' })
  terminalCount!: number;
}

@ObjectType({ description: '执行终端整合的结果。Result of executeConsolidation.' })
export class ConsolidationResult {
  @Field(() => Date, { description: '整合时间。When.' })
  consolidatedAt!: Date;

  @Field(() => Int, { description: '本次整合的终端总数。Terminals consolidated.' })
  terminalsConsolidated!: number;

  @Field(() => [CommunityConsolidated], { description: '各村（社区）的整合情况。Per community.' })
  communities!: CommunityConsolidated[];
}

function rollUp(rows: CommunityPlanRow[], key: 'townshipId' | 'countyId'): RegionConsolidation[] {
  const groups = new Map<number, CommunityPlanRow[]>();
  for (const r of rows) {
    const g = groups.get(r[key]);
    if (g) g.push(r);
    else groups.set(r[key], [r]);
  }
  return [...groups.entries()].map(([regionId, g]) => Object.assign(new RegionConsolidation(), totalsOf(g), { regionId }));
}

@Resolver(() => ConsolidationPlan)
export class ConsolidationResolver {
  @Authorized()
  @Query(() => ConsolidationPlan, {
    description:
      '终端整合计划：所承载应用均已接入一体化政务服务平台的终端可并入统一终端。Terminal consolidation plan: terminals whose apps are all integrated can move onto the unified terminal.',
  })
  async consolidationPlan(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID, { description: '行政区划（任一级）的全局 ID。Region (any level).' }) regionId: string,
  ): Promise<ConsolidationPlan> {
    const region = await getRegion(ctx.em, { id: regionId }, 'region');
    const rows = await communityPlan(ctx.em, region);
    const plan = new ConsolidationPlan();
    plan.regionId = region.id;
    plan.rows = rows;
    plan.totals = Object.assign(new ConsolidationFigures(), totalsOf(rows));
    plan.counties = rollUp(rows, 'countyId');
    plan.townships = rollUp(rows, 'townshipId');
    plan.communities = rows.map((r) => Object.assign(new CommunityConsolidation(), r));
    return plan;
  }

  @FieldResolver(() => Region, { description: '计划所覆盖的行政区划。The region of the plan.' })
  async region(@Root() plan: ConsolidationPlan, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(plan.regionId))!;
  }

  @Authorized()
  @Mutation(() => ConsolidationResult, {
    description:
      '执行终端整合：将指定村（社区）中计划整合的终端标记为已整合到统一终端，记录执行人和时间并留痕；全部成功或全部不变。Marks the planned terminals of the given communities CONSOLIDATED, with who and when, audited, all or nothing.',
  })
  async executeConsolidation(
    @Ctx() ctx: Context,
    @Arg('input', () => ExecuteConsolidationInput, { description: '要整合的村（社区）。Which communities.' }) input: ExecuteConsolidationInput,
  ): Promise<ConsolidationResult> {
    const actor = requireActor(ctx);
    if ((input.communityIds == null) === (input.regionId == null)) {
      throw badInput('请提供 communityIds 或 regionId 之一', 'Give exactly one of communityIds and regionId', [
        { field: 'communityIds', message: '需要且只需要 communityIds 与 regionId 之一', messageEn: 'exactly one of communityIds and regionId is required' },
      ]);
    }
    let communityIds: number[];
    if (input.regionId != null) {
      const region = await getRegion(ctx.em, { id: input.regionId }, 'input.region');
      const within = communitiesWithinSql(region);
      const rows: Array<{ id: number }> = await ctx.em.execute(`select c.id from community c where ${within.sql}`, within.params);
      communityIds = rows.map((r) => r.id);
    } else {
      communityIds = [...new Set(input.communityIds!.map((id, i) => fromGlobalId(id, 'Community', `input.communityIds.${i}`).id))];
      const found = await ctx.em.count(Community, { id: { $in: communityIds } });
      if (found !== communityIds.length) throw notFound('指定的村（社区）', 'Community');
    }
    // A county reviewer consolidates within the county only.
    if (actor.role === Role.REVIEWER) {
      const county = actor.regionId != null ? await ctx.em.findOne(Region, { id: actor.regionId }) : null;
      if (!county || county.level !== RegionLevel.COUNTY) throw forbidden('JURISDICTION', '审核人员须属于一个县', 'A reviewer must belong to a county');
      const outside = await ctx.em.count(Community, { id: { $in: communityIds }, county: { $ne: county.id } });
      if (outside > 0) throw forbidden('JURISDICTION', '只能整合本县的终端', 'You may only consolidate terminals of your county');
    }
    const done = await ctx.em.transactional((em) => executeConsolidation(em, { actor, requestId: ctx.requestId }, communityIds, input.comment));
    const result = new ConsolidationResult();
    result.consolidatedAt = done.consolidatedAt;
    result.terminalsConsolidated = done.terminals;
    result.communities = done.communities.map((c) =>
      Object.assign(new CommunityConsolidated(), { communityId: c.communityId, terminalIds: c.terminalIds, terminalCount: c.terminalIds.length }),
    );
    return result;
  }
}

@Resolver(() => RegionConsolidation)
export class RegionConsolidationResolver {
  @FieldResolver(() => Region, { description: '行政区划。The region.' })
  async region(@Root() row: RegionConsolidation, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(row.regionId))!;
  }
}

@Resolver(() => CommunityConsolidation)
export class CommunityConsolidationResolver {
  @FieldResolver(() => Community, { description: '村（社区）。The community.' })
  async community(@Root() row: CommunityConsolidation, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(row.communityId))!;
  }

  @FieldResolver(() => [Terminal], { description: '计划整合的终端，按平台标识排序。The terminals planned for consolidation.' })
  plannedTerminals(@Root() row: CommunityConsolidation, @Ctx() ctx: Context): Promise<Terminal[]> {
    return ctx.loaders
      .custom(
        'plannedTerminalsByCommunity',
        () =>
          new DataLoader<number, Terminal[]>(async (ids) => {
            const rows: Array<{ id: number; community_id: number }> = await ctx.em.execute(
              `select t.id, t.community_id from terminal t where t.community_id in (?) and ${PLANNABLE}
              order by t.external_id`,
              [[...ids]],
            );
            const terminals = await ctx.loaders.byId(Terminal).loadMany(rows.map((r) => r.id));
            const byId = new Map(terminals.filter((t): t is Terminal => t instanceof Terminal).map((t) => [t.id, t]));
            return ids.map((id) =>
              rows
                .filter((r) => r.community_id === id)
                .map((r) => byId.get(r.id)!)
                .filter(Boolean),
            );
          }),
      )
      .load(row.communityId);
  }
}

@Resolver(() => CommunityConsolidated)
export class CommunityConsolidatedResolver {
  @FieldResolver(() => Community, { description: '村（社区）。The community.' })
  async community(@Root() row: CommunityConsolidated, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(row.communityId))!;
  }

  @FieldResolver(() => [Terminal], { description: '本次整合的终端。The terminals consolidated.' })
  async terminals(@Root() row: CommunityConsolidated, @Ctx() ctx: Context): Promise<Terminal[]> {
    const loaded = await ctx.loaders.byId(Terminal).loadMany(row.terminalIds);
    return loaded.filter((t): t is Terminal => t instanceof Terminal);
  }
}
