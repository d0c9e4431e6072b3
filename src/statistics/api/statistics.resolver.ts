import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { audit } from '../../kernel/mutation';
import { Community } from '../../geography';
import { Region, RegionLevel } from '../../geography';
import { getRegion } from '../../geography';
import { Department } from '../../organisation';
import { AdmissionApplication } from '../../admission';
import { AdmissionApplicationConnection } from '../../admission';
import { ApplicationStatus } from '../../admission';
import { Terminal, TerminalStatus } from '../../platform';
import { TerminalConnection } from '../../platform';
import { LedgerRequirement } from '../../registry';
import { LedgerRequirementConnection } from '../../registry';
import { LedgerStatus } from '../../registry';
import { requireActor, type Context } from '../../kernel/context';
import { badInput } from '../../kernel/errors';
import { PageArgs, paginate } from '../../kernel/pagination';
import { chinaYear } from '../../kernel/dates';
import type { QueueRegistry } from '../../queue/runtime';
import { enqueueStatisticsRefresh } from '../service/jobs';
import { BurdenBudget, StatisticsBaseline } from '../entity/baseline.entity';
import { BurdenIndicator, INDICATORS } from '../service/indicators';
import { refreshStatistics } from '../service/refresh';
import * as service from '../service/statistics.service';
import { StatisticsGroupBy } from '../service/statistics.service';
import { MonthScalar } from '../../kernel/scalars';

@ObjectType({ description: '统计指标说明。What an indicator is.', simpleResolvers: true })
export class IndicatorInfo {
  @Field(() => BurdenIndicator, { description: '指标。Indicator.' })
  indicator!: BurdenIndicator;

  @Field({ description: '中文名称（导出表头）。Chinese label, as in exports.' })
  label!: string;

  @Field({ description: '英文名称。English label.' })
  labelEn!: string;

  @Field({ description: '计量单位。Unit.' })
  unit!: string;

  @Field({ description: '类别：STOCK 月末存量（期间取期末值）、FLOW 当月发生量（期间求和）、RATIO 比率（%）。Kind: STOCK, FLOW or RATIO.' })
  kind!: string;

  @Field({ description: '数值越高越好（如减负成效）；否则越低越好。Whether higher is better.' })
  higherIsBetter!: boolean;
}

@ObjectType({ description: '一个指标的数值、基期值与变化。An indicator’s value, its baseline and the change.', simpleResolvers: true })
export class IndicatorValue {
  @Field(() => BurdenIndicator, { description: '指标。Indicator.' })
  indicator!: BurdenIndicator;

  @Field({ description: '中文名称。Label.' })
  label!: string;

  @Field({ description: '计量单位。Unit.' })
  unit!: string;

  @Field(() => Float, { nullable: true, description: '本期数值（数据源不可用或比率无分母时为空）。Value; null when unavailable.' })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '基期值：存量取基期月末值，发生量取基期月数值乘以本期月数，比率取基期月比率；未设基期时为空。Baseline value (flows scaled to the period length); null without a baseline.',
  })
  baseline!: number | null;

  @Field(() => Float, { nullable: true, description: '较基期的变化量（比率为百分点）。Change against the baseline (percentage points for ratios).' })
  change!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '较基期的变化率（%；负数表示减少；比率类指标为空）。Change in percent (negative: a reduction); null for ratios.',
  })
  changePercent!: number | null;
}

// Plain data made once per cached answer: fields are property reads (simpleResolvers); only
// region, community and department below are resolved per request.
@ObjectType({ description: '统计结果的一行：一个区划、村（社区）、部门或月份。One row of statistics.', simpleResolvers: true })
export class BurdenStatisticsRow {
  @Field({ description: '行键：区划代码、部门 ID 或月份。Row key: region code, department id or month.' })
  key!: string;

  @Field({ description: '名称或月份。Label.' })
  label!: string;

  @Field(() => String, { nullable: true, description: '区划或村（社区）代码（按部门分组时为空）。Code of the region or community.' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: '月份 YYYY-MM（逐月数据时）。Month, for monthly rows.' })
  month!: string | null;

  @Field(() => String, { nullable: true, description: '所用基期月份（本区划或上级区划设定的）。Baseline month used.' })
  baselineMonth!: string | null;

  @Field(() => [IndicatorValue], { description: '各指标数值（含基期与变化，逐项自描述）。Indicator values, each with its baseline and change.' })
  values!: IndicatorValue[];

  @Field(() => [Float], {
    nullable: 'items',
    description:
      '紧凑形式：各指标数值，顺序与 BurdenStatistics.indicators 相同（大表格用）。The values in the order of `indicators` (compact, for large tables).',
  })
  figures!: Array<number | null>;

  @Field(() => [Float], { nullable: 'items', description: '紧凑形式：各指标基期值，顺序与 indicators 相同。Baselines in the order of `indicators`.' })
  baselineFigures!: Array<number | null>;

  @Field(() => [Float], {
    nullable: 'items',
    description: '紧凑形式：各指标较基期变化率（%），顺序与 indicators 相同。Changes in percent, in the order of `indicators`.',
  })
  changePercentFigures!: Array<number | null>;

  regionId!: number | null;
  departmentId!: number | null;
  communityId!: number | null;
}

@ObjectType({ description: '负担统计：按区划、部门或月份分组的指标，及所选区划的合计。Burden statistics.' })
export class BurdenStatistics {
  regionId!: number;

  @Field(() => StatisticsGroupBy, { description: '分组方式。Grouping.' })
  groupBy!: StatisticsGroupBy;

  @Field({ description: '实际统计起始月份（不早于汇总数据的首月）。First month answered.' })
  from!: string;

  @Field({ description: '实际统计截止月份（不晚于最近一次汇总的月份）。Last month answered.' })
  to!: string;

  @Field({ description: '是否逐月列出。Whether rows are per month.' })
  monthly!: boolean;

  @Field(() => String, { nullable: true, description: '所选区划的基期月份。Baseline month of the region.' })
  baselineMonth!: string | null;

  @Field(() => Date, { nullable: true, description: '汇总数据最近刷新时间。When the summary was last refreshed.' })
  refreshedAt!: Date | null;

  @Field(() => [IndicatorInfo], { description: '所选指标。Indicators selected.' })
  indicators!: IndicatorInfo[];

  @Field(() => BurdenStatisticsRow, { description: '所选区划合计。Total of the region.' })
  total!: BurdenStatisticsRow;

  @Field(() => [BurdenStatisticsRow], { description: '分组行。Rows.' })
  rows!: BurdenStatisticsRow[];
}

@ObjectType({ description: '部门排名的一项。One department in a ranking.' })
export class DepartmentRank {
  @Field(() => Int, { description: '名次。Rank.' })
  rank!: number;

  @Field({ description: '部门名称。Department name.' })
  departmentName!: string;

  @Field(() => Float, { nullable: true, description: '指标值。Value.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: '占区划内全部部门合计的百分比（比率类指标为空）。Share of all departments, percent.' })
  sharePercent!: number | null;

  departmentId!: number;
}

@ObjectType({ description: '部门排名：哪些部门给村（社区）带来的负担最多。Department ranking.' })
export class DepartmentRanking {
  regionId!: number;

  @Field(() => IndicatorInfo, { description: '排名所依据的指标。Indicator ranked by.' })
  indicator!: IndicatorInfo;

  @Field({ description: '起始月份。From.' })
  from!: string;

  @Field({ description: '截止月份。To.' })
  to!: string;

  @Field(() => [DepartmentRank], { description: '排名，第一名在前。Entries, first place first.' })
  entries!: DepartmentRank[];
}

@ObjectType({ description: '村（社区）负担卡：本村（社区）的各项指标、在施事项、台账报表和终端。A community’s burden card.' })
export class CommunityBurdenCard {
  community!: Community;
  month!: string | null;
  indicators!: BurdenIndicator[] | null;
  /** The figures, read once when a field asks for them (the lists alone need no statistics). */
  private figures?: Promise<service.CommunityCardData>;
  data(em: Context['em']): Promise<service.CommunityCardData> {
    this.figures ??= service.communityCard(em, this.community, this.month, this.indicators);
    return this.figures;
  }
}

@ObjectType({ description: '县年度负担总量控制的执行情况。A county’s burden budget and its use.' })
export class BurdenBudgetStatus {
  county!: Region;

  @Field(() => Int, { description: '年度。Year.' })
  year!: number;

  @Field(() => Float, { nullable: true, description: '年度上限（小时/年）；未设定时为空。Ceiling; null when none is set.' })
  ceilingHours!: number | null;

  @Field(() => Float, { description: '本年度批准事项的测算负担（小时/年）。Burden of this year’s approvals.' })
  approvedHours!: number;

  @Field(() => Float, { description: '本年度取消、合并台账报表及撤销事项抵减的负担（小时/年）。Credited by abolitions and revocations.' })
  creditedHours!: number;

  @Field(() => Float, { description: '已用额度 = 批准 − 抵减（小时/年）。Used: approved minus credited.' })
  usedHours!: number;

  @Field(() => Float, { nullable: true, description: '剩余额度（小时/年；负数表示已超出）；未设定上限时为空。Remaining; negative when exceeded.' })
  remainingHours!: number | null;

  @Field(() => BurdenBudget, { nullable: true, description: '上限设定记录。The budget record.' })
  budget!: BurdenBudget | null;
}

@ObjectType({ description: '刷新统计汇总的结果。Result of refreshStatistics.' })
export class StatisticsRefreshPayload {
  @Field({
    description:
      '是否在后台进行（排入任务队列，或全量刷新时在后台运行）；否则已当场完成。Running in the background (queued, or a full refresh without a queue); else done at once.',
  })
  queued!: boolean;

  @Field(() => String, { nullable: true, description: '队列任务 ID。Job id, when queued.' })
  jobId!: string | null;

  @Field(() => Int, { nullable: true, description: '立即完成时：用时（毫秒）。Duration when done at once.' })
  durationMs!: number | null;
}

const info = (key: BurdenIndicator): IndicatorInfo => {
  const d = INDICATORS.find((i) => i.key === key)!;
  return Object.assign(new IndicatorInfo(), { indicator: d.key, label: d.zh, labelEn: d.en, unit: d.unit, kind: d.kind, higherIsBetter: !!d.higherIsBetter });
};
const toRow = (r: service.StatisticsRow) =>
  Object.assign(new BurdenStatisticsRow(), r, {
    values: r.values.map((v) => Object.assign(new IndicatorValue(), v)),
    figures: r.values.map((v) => v.value),
    baselineFigures: r.values.map((v) => v.baseline),
    changePercentFigures: r.values.map((v) => v.changePercent),
  });
/** GraphQL objects of an answer, made once per (cached) answer: answers do not change until the next refresh. */
const converted = new WeakMap<service.StatisticsAnswer, BurdenStatistics>();
const toAnswer = (a: service.StatisticsAnswer): BurdenStatistics => {
  let out = converted.get(a);
  if (!out) converted.set(a, (out = convertAnswer(a)));
  return out;
};
const convertAnswer = (a: service.StatisticsAnswer) =>
  Object.assign(new BurdenStatistics(), {
    regionId: a.regionId,
    groupBy: a.groupBy,
    from: a.from,
    to: a.to,
    monthly: a.monthly,
    baselineMonth: a.baselineMonth,
    refreshedAt: a.refreshedAt,
    indicators: a.indicators.map((d) => info(d.key)),
    total: toRow(a.total),
    rows: a.rows.map(toRow),
  });

export interface StatisticsResolverDeps {
  auth?: unknown;
  /** The API's queues (enqueue only). Without them, refreshStatistics runs in the request. */
  queues?: QueueRegistry | null;
}

/** Statistics queries and the analysts' mutations; `deps.queues` lets refreshStatistics queue the job. */
export function createStatisticsResolvers(deps: StatisticsResolverDeps = {}) {
  @Resolver()
  class StatisticsResolver {
    @Authorized()
    @Query(() => [IndicatorInfo], { description: '全部负担统计指标及其说明。Every burden indicator.' })
    burdenIndicators(): IndicatorInfo[] {
      return INDICATORS.map((d) => info(d.key));
    }

    @Authorized()
    @Query(() => BurdenStatistics, {
      description:
        '负担统计：所选区划（及下级）按区划层级、部门或月份分组的指标，与基期比较。统计人员限本辖区，审核、督查人员限本县。Burden statistics of a region grouped by level, department or month.',
    })
    async burdenStatistics(
      @Ctx() ctx: Context,
      @Arg('groupBy', () => StatisticsGroupBy, { description: '分组方式。Grouping.' }) groupBy: StatisticsGroupBy,
      @Arg('from', () => MonthScalar, { description: '起始月份 YYYY-MM。First month.' }) from: string,
      @Arg('to', () => MonthScalar, { description: '截止月份 YYYY-MM。Last month.' }) to: string,
      @Arg('regionId', () => ID, { nullable: true, description: '行政区划全局 ID（与 regionCode 二选一）。Region.' }) regionId?: string,
      @Arg('regionCode', () => String, { nullable: true, description: '行政区划代码（与 regionId 二选一）。Region code.' }) regionCode?: string,
      @Arg('indicators', () => [BurdenIndicator], { nullable: true, description: '所需指标（默认常用的 10 项）。Indicators; a default set when omitted.' })
      indicators?: BurdenIndicator[],
      @Arg('monthly', () => Boolean, { defaultValue: false, description: '是否逐月列出每个分组。One row per group and month.' }) monthly?: boolean,
    ): Promise<BurdenStatistics> {
      const region = await service.visibleRegion(ctx, { regionId, regionCode });
      return toAnswer(await service.burdenStatistics(ctx.em, { region, groupBy, from, to, indicators, monthly }));
    }

    @Authorized()
    @Query(() => BurdenStatistics, { description: '逐月趋势：所选区划各指标按月的数值与基期比较。Monthly trend of a region.' })
    async burdenTrend(
      @Ctx() ctx: Context,
      @Arg('from', () => MonthScalar, { description: '起始月份 YYYY-MM。First month.' }) from: string,
      @Arg('to', () => MonthScalar, { description: '截止月份 YYYY-MM。Last month.' }) to: string,
      @Arg('regionId', () => ID, { nullable: true, description: '行政区划全局 ID（与 regionCode 二选一）。Region.' }) regionId?: string,
      @Arg('regionCode', () => String, { nullable: true, description: '行政区划代码（与 regionId 二选一）。Region code.' }) regionCode?: string,
      @Arg('indicators', () => [BurdenIndicator], { nullable: true, description: '所需指标（默认常用的 10 项）。Indicators.' }) indicators?: BurdenIndicator[],
    ): Promise<BurdenStatistics> {
      const region = await service.visibleRegion(ctx, { regionId, regionCode });
      return toAnswer(await service.burdenStatistics(ctx.em, { region, groupBy: StatisticsGroupBy.MONTH, from, to, indicators }));
    }

    @Authorized()
    @Query(() => DepartmentRanking, {
      description: '部门排名：所选区划内哪些部门给村（社区）带来的负担最多（默认按台账报表负担）。Which departments push the most burden.',
    })
    async departmentRanking(
      @Ctx() ctx: Context,
      @Arg('from', () => MonthScalar, { description: '起始月份 YYYY-MM。First month.' }) from: string,
      @Arg('to', () => MonthScalar, { description: '截止月份 YYYY-MM。Last month.' }) to: string,
      @Arg('regionId', () => ID, { nullable: true, description: '行政区划全局 ID（与 regionCode 二选一）。Region.' }) regionId?: string,
      @Arg('regionCode', () => String, { nullable: true, description: '行政区划代码（与 regionId 二选一）。Region code.' }) regionCode?: string,
      @Arg('indicator', () => BurdenIndicator, {
        defaultValue: BurdenIndicator.LEDGER_HOURS,
        description: '排名指标，默认台账报表负担。Indicator; ledger hours by default.',
      })
      indicator?: BurdenIndicator,
      @Arg('first', () => Int, { defaultValue: 10, description: '前 N 名（1–500）。How many.' }) first?: number,
      @Arg('ascending', () => Boolean, { defaultValue: false, description: '是否从低到高排列。Lowest first.' }) ascending?: boolean,
    ): Promise<DepartmentRanking> {
      const region = await service.visibleRegion(ctx, { regionId, regionCode });
      if (first! < 1 || first! > 500)
        throw badInput('first 应在 1–500 之间', 'first must be 1–500', [{ field: 'first', message: '应在 1–500 之间', messageEn: '1–500' }]);
      const r = await service.departmentRanking(ctx.em, { region, from, to, indicator: indicator!, first: first!, ascending });
      return Object.assign(new DepartmentRanking(), {
        regionId: region.id,
        indicator: info(r.indicator.key),
        from: r.from,
        to: r.to,
        entries: r.entries.map((e) => Object.assign(new DepartmentRank(), e)),
      });
    }

    @Authorized()
    @Query(() => CommunityBurdenCard, {
      description: '村（社区）负担卡：本村（社区）当月各项指标与基期比较，以及在施事项、台账报表和终端。A community’s burden card.',
    })
    async communityBurdenCard(
      @Ctx() ctx: Context,
      @Arg('communityId', () => ID, { nullable: true, description: '村（社区）全局 ID（与 communityCode 二选一）。Community.' }) communityId?: string,
      @Arg('communityCode', () => String, { nullable: true, description: '12 位村（社区）代码（与 communityId 二选一）。Community code.' })
      communityCode?: string,
      @Arg('month', () => MonthScalar, { nullable: true, description: '月份 YYYY-MM，默认最近一次汇总的月份。Month; the latest by default.' }) month?: string,
      @Arg('indicators', () => [BurdenIndicator], { nullable: true, description: '所需指标（默认全部）。Indicators; all by default.' })
      indicators?: BurdenIndicator[],
    ): Promise<CommunityBurdenCard> {
      const community = await service.visibleCommunity(ctx, { communityId, communityCode });
      if (month != null) service.checkPeriod(month, month);
      return Object.assign(new CommunityBurdenCard(), { community, month: month ?? null, indicators: indicators ?? null });
    }

    @Authorized()
    @Query(() => BurdenBudgetStatus, { description: '县年度负担总量控制：上限、已用和剩余。A county’s burden budget and its use.' })
    async burdenBudget(
      @Ctx() ctx: Context,
      @Arg('countyId', () => ID, { nullable: true, description: '县的全局 ID（与 countyCode 二选一）。County.' }) countyId?: string,
      @Arg('countyCode', () => String, { nullable: true, description: '县的区划代码（与 countyId 二选一）。County code.' }) countyCode?: string,
      @Arg('year', () => Int, { nullable: true, description: '年度，默认今年。Year; this year by default.' }) year?: number,
    ): Promise<BurdenBudgetStatus> {
      const county = await service.visibleRegion(ctx, { regionId: countyId, regionCode: countyCode });
      if (county.level !== RegionLevel.COUNTY)
        throw badInput('负担上限按县设置', 'Budgets are per county', [{ field: 'countyId', message: '不是县级区划', messageEn: 'not a county' }]);
      return Object.assign(new BurdenBudgetStatus(), await service.budgetStatus(ctx.em, county, year ?? chinaYear()));
    }

    @Authorized()
    @Mutation(() => StatisticsBaseline, { description: '设定区划的统计基期月份（下级区划未设定时沿用）。Set a region’s baseline month.' })
    async setBaseline(
      @Ctx() ctx: Context,
      @Arg('month', () => MonthScalar, { description: '基期月份 YYYY-MM。Baseline month.' }) month: string,
      @Arg('regionId', () => ID, { nullable: true, description: '行政区划全局 ID（与 regionCode 二选一）。Region.' }) regionId?: string,
      @Arg('regionCode', () => String, { nullable: true, description: '行政区划代码（与 regionId 二选一）。Region code.' }) regionCode?: string,
      @Arg('note', () => String, { nullable: true, description: '说明。Note.' }) note?: string,
    ): Promise<StatisticsBaseline> {
      const region = await getRegion(ctx.em, { id: regionId ?? null, code: regionCode ?? null }, 'region');
      return service.setBaseline(ctx, region, month, note?.slice(0, 500) ?? null);
    }

    @Authorized()
    @Mutation(() => BurdenBudget, {
      description: '设定县年度新增负担工时上限（一进一出）；超出时规则引擎提示 BUDGET_EXCEEDED。Set a county’s yearly burden ceiling.',
    })
    async setBurdenBudget(
      @Ctx() ctx: Context,
      @Arg('year', () => Int, { description: '年度。Year.' }) year: number,
      @Arg('ceilingHours', () => Float, { description: '上限（小时/年，所有村社区合计）。Ceiling, hours a year.' }) ceilingHours: number,
      @Arg('countyId', () => ID, { nullable: true, description: '县的全局 ID（与 countyCode 二选一）。County.' }) countyId?: string,
      @Arg('countyCode', () => String, { nullable: true, description: '县的区划代码（与 countyId 二选一）。County code.' }) countyCode?: string,
      @Arg('note', () => String, { nullable: true, description: '说明。Note.' }) note?: string,
    ): Promise<BurdenBudget> {
      const county = await getRegion(ctx.em, { id: countyId ?? null, code: countyCode ?? null }, 'county');
      return service.setBudget(ctx, county, year, ceilingHours, note?.slice(0, 500) ?? null);
    }

    @Authorized()
    @Mutation(() => StatisticsRefreshPayload, {
      description: '立即刷新统计汇总（大批量变更后）：有任务队列时排入后台任务，否则当场完成。统计人员刷新本辖区各县。Refresh the statistics summary now.',
    })
    async refreshStatistics(
      @Ctx() ctx: Context,
      @Arg('regionId', () => ID, { nullable: true, description: '只刷新该区划内的县（默认全部；统计人员默认本辖区）。Limit to the counties of a region.' })
      regionId?: string,
      @Arg('regionCode', () => String, { nullable: true, description: '同上，按区划代码。Same, by code.' }) regionCode?: string,
    ): Promise<StatisticsRefreshPayload> {
      const actor = requireActor(ctx);
      let region: Region | null = null;
      if (regionId != null || regionCode != null) region = await service.visibleRegion(ctx, { regionId, regionCode });
      else if (actor.role !== Role.ADMIN) region = (await ctx.loaders.byId(Region).load(actor.regionId!)) ?? null;
      let countyIds: number[] = [];
      if (region && region.level !== RegionLevel.PROVINCE) {
        const rows: Array<{ id: number }> = await ctx.em
          .getConnection()
          .execute(
            region.level === RegionLevel.TOWNSHIP
              ? `select parent_id as id from region where id = ?`
              : `select id from region where level = 'COUNTY' and code like ?`,
            [region.level === RegionLevel.TOWNSHIP ? region.id : `${region.codePrefix}%`],
          );
        countyIds = rows.map((r) => r.id);
      }
      let payload: StatisticsRefreshPayload;
      if (deps.queues) {
        const job = await enqueueStatisticsRefresh(deps.queues, countyIds, { userId: actor.userId, username: actor.username });
        payload = Object.assign(new StatisticsRefreshPayload(), { queued: true, jobId: String(job.id), durationMs: null });
      } else if (countyIds.length) {
        const result = await refreshStatistics(ctx.em, { countyIds });
        payload = Object.assign(new StatisticsRefreshPayload(), { queued: false, jobId: null, durationMs: result.durationMs });
      } else {
        // Everything, without a queue: a province takes a minute or two, longer than a request should; run it in the background.
        const log = ctx.log;
        void refreshStatistics(ctx.em.fork(), {}).then(
          (r) => log.info({ durationMs: r.durationMs }, 'statistics refreshed (requested)'),
          (err) => log.error({ err }, 'statistics refresh failed'),
        );
        payload = Object.assign(new StatisticsRefreshPayload(), { queued: true, jobId: null, durationMs: null });
      }
      await ctx.em.transactional(async (em) => {
        await audit(em, ctx, {
          action: 'statistics.refresh',
          entity: { type: 'StatisticsRefresh', id: payload.jobId ?? 'inline' },
          after: { countyIds, queued: payload.queued },
        });
        await em.flush();
      });
      return payload;
    }
  }

  @Resolver(() => BurdenStatistics)
  class BurdenStatisticsFieldResolver {
    @FieldResolver(() => Region, { description: '所选区划。The region.' })
    async region(@Root() s: BurdenStatistics, @Ctx() ctx: Context): Promise<Region> {
      return (await ctx.loaders.byId(Region).load(s.regionId))!;
    }
  }

  @Resolver(() => BurdenStatisticsRow)
  class BurdenStatisticsRowResolver {
    @FieldResolver(() => Region, { nullable: true, description: '该行的行政区划（按区划或月份分组时）。The row’s region.' })
    async region(@Root() r: BurdenStatisticsRow, @Ctx() ctx: Context): Promise<Region | null> {
      return r.regionId ? ctx.loaders.byId(Region).load(r.regionId) : null;
    }

    @FieldResolver(() => Community, { nullable: true, description: '该行的村（社区）（按村社区分组时）。The row’s community.' })
    async community(@Root() r: BurdenStatisticsRow, @Ctx() ctx: Context): Promise<Community | null> {
      return r.communityId ? ctx.loaders.byId(Community).load(r.communityId) : null;
    }

    @FieldResolver(() => Department, { nullable: true, description: '该行的部门（按部门分组时）。The row’s department.' })
    async department(@Root() r: BurdenStatisticsRow, @Ctx() ctx: Context): Promise<Department | null> {
      return r.departmentId ? ctx.loaders.byId(Department).load(r.departmentId) : null;
    }
  }

  @Resolver(() => DepartmentRanking)
  class DepartmentRankingResolver {
    @FieldResolver(() => Region, { description: '所选区划。The region.' })
    async region(@Root() r: DepartmentRanking, @Ctx() ctx: Context): Promise<Region> {
      return (await ctx.loaders.byId(Region).load(r.regionId))!;
    }
  }

  @Resolver(() => DepartmentRank)
  class DepartmentRankResolver {
    @FieldResolver(() => Department, { description: '部门。The department.' })
    async department(@Root() r: DepartmentRank, @Ctx() ctx: Context): Promise<Department> {
      return (await ctx.loaders.byId(Department).load(r.departmentId))!;
    }
  }

  @Resolver(() => CommunityBurdenCard)
  class CommunityBurdenCardResolver {
    @FieldResolver(() => Community, { description: '村（社区）。The community.' })
    community(@Root() c: CommunityBurdenCard): Community {
      return c.community;
    }

    @FieldResolver(() => String, { description: '月份 YYYY-MM（默认最近一次汇总的月份）。Month.' })
    async month(@Root() c: CommunityBurdenCard, @Ctx() ctx: Context): Promise<string> {
      return (await c.data(ctx.em)).month;
    }

    @FieldResolver(() => String, { nullable: true, description: '基期月份。Baseline month.' })
    async baselineMonth(@Root() c: CommunityBurdenCard, @Ctx() ctx: Context): Promise<string | null> {
      return (await c.data(ctx.em)).baselineMonth;
    }

    @FieldResolver(() => [IndicatorValue], { description: '各指标（本月）与基期比较。Indicators this month against the baseline.' })
    async values(@Root() c: CommunityBurdenCard, @Ctx() ctx: Context): Promise<IndicatorValue[]> {
      return (await c.data(ctx.em)).values.map((v) => Object.assign(new IndicatorValue(), v));
    }

    @FieldResolver(() => AdmissionApplicationConnection, {
      description: '当前在本村（社区）实施的准入事项（含紧急事项），新的在前。Admitted items in effect here now, newest first.',
    })
    admittedItems(@Root() c: CommunityBurdenCard, @Ctx() ctx: Context, @Info() gi: GraphQLResolveInfo, @Args() page: PageArgs) {
      const where: FilterQuery<AdmissionApplication> = {
        county: c.community.county.id,
        status: { $in: [ApplicationStatus.IN_EFFECT, ApplicationStatus.EMERGENCY_IN_EFFECT] },
        [raw((alias) => `${alias}.community_ids @> ?::jsonb`, [JSON.stringify([c.community.id])])]: [],
      };
      return paginate(ctx.em, AdmissionApplication, where, { id: 'desc' }, page, gi);
    }

    @FieldResolver(() => LedgerRequirementConnection, {
      description: '本村（社区）须填报的保留台账报表（引入它的事项范围含本村，或全县适用），按名称。Ledger requirements in force here, by name.',
    })
    ledgers(@Root() c: CommunityBurdenCard, @Ctx() ctx: Context, @Info() gi: GraphQLResolveInfo, @Args() page: PageArgs) {
      const where: FilterQuery<LedgerRequirement> = {
        county: c.community.county.id,
        status: LedgerStatus.KEPT,
        [raw(
          (alias) =>
            // one pass over the items touching the community (GIN index), hashed: not a lookup per ledger
            `(${alias}.application_id is null or ${alias}.application_id in (select a.id from admission_application a where a.community_ids @> ?::jsonb))`,
          [JSON.stringify([c.community.id])],
        )]: [],
      };
      return paginate(ctx.em, LedgerRequirement, where, { name: 'asc' }, page, gi);
    }

    @FieldResolver(() => TerminalConnection, { description: '本村（社区）在用的服务终端（含计划整合的），按平台标识。Terminals in use here.' })
    terminals(@Root() c: CommunityBurdenCard, @Ctx() ctx: Context, @Info() gi: GraphQLResolveInfo, @Args() page: PageArgs) {
      const where: FilterQuery<Terminal> = {
        community: c.community.id,
        deletedAt: null,
        status: { $in: [TerminalStatus.ACTIVE, TerminalStatus.PLANNED_FOR_CONSOLIDATION] },
      };
      return paginate(ctx.em, Terminal, where, { externalId: 'asc' }, page, gi);
    }
  }

  @Resolver(() => BurdenBudgetStatus)
  class BurdenBudgetStatusResolver {
    @FieldResolver(() => Region, { description: '县。The county.' })
    county(@Root() s: BurdenBudgetStatus): Region {
      return s.county;
    }
  }

  @Resolver(() => StatisticsBaseline)
  class StatisticsBaselineResolver {
    @FieldResolver(() => Region, { description: '行政区划。The region.' })
    async region(@Root() b: StatisticsBaseline, @Ctx() ctx: Context): Promise<Region> {
      return (await ctx.loaders.byId(Region).load(b.region.id))!;
    }

    @FieldResolver(() => String, { nullable: true, description: '设定人登录名。Who set it.' })
    async setByUsername(@Root() b: StatisticsBaseline, @Ctx() ctx: Context): Promise<string | null> {
      return b.setBy ? ((await ctx.loaders.byId(User).load(b.setBy.id))?.username ?? null) : null;
    }
  }

  @Resolver(() => BurdenBudget)
  class BurdenBudgetResolver {
    @FieldResolver(() => Region, { description: '县。The county.' })
    async county(@Root() b: BurdenBudget, @Ctx() ctx: Context): Promise<Region> {
      return (await ctx.loaders.byId(Region).load(b.county.id))!;
    }

    @FieldResolver(() => String, { nullable: true, description: '设定人登录名。Who set it.' })
    async setByUsername(@Root() b: BurdenBudget, @Ctx() ctx: Context): Promise<string | null> {
      return b.setBy ? ((await ctx.loaders.byId(User).load(b.setBy.id))?.username ?? null) : null;
    }
  }

  return [
    StatisticsResolver,
    BurdenStatisticsFieldResolver,
    BurdenStatisticsRowResolver,
    DepartmentRankingResolver,
    DepartmentRankResolver,
    CommunityBurdenCardResolver,
    BurdenBudgetStatusResolver,
    StatisticsBaselineResolver,
    BurdenBudgetResolver,
  ] as const;
}
