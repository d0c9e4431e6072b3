/**
 * Reading the statistics summary tables (aggregations in SQL, one statement per answer),
 * who may read which region, and the analysts' writes: baselines and budgets.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { audit, snapshot } from '../../kernel/mutation';
import { Community } from '../../geography';
import { CODE_PREFIX_LENGTH, Region, RegionLevel } from '../../geography';
import { getRegion } from '../../geography';
import type { Actor, Context } from '../../kernel/context';
import { requireActor } from '../../kernel/context';
import { badInput, forbidden, notFound } from '../../kernel/errors';
import { fromGlobalId } from '../../kernel/global-id';
import { chinaYear } from '../../kernel/dates';
import { BurdenBudget, StatisticsBaseline } from '../entity/baseline.entity';
import { budgetUsage, type BudgetUsage } from '../../admission';
import {
  BurdenIndicator,
  DEFAULT_INDICATORS,
  INDICATORS,
  INDICATOR_BY_KEY,
  MEASURES,
  MeasureKind,
  MEASURE_BY_COLUMN,
  columnsOf,
  indicatorSql,
  indicatorValue,
  type IndicatorDef,
  type Source,
} from './indicators';
import { defineEnum } from '../../kernel/enums';

export enum StatisticsGroupBy {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  DEPARTMENT = 'DEPARTMENT',
  MONTH = 'MONTH',
}
defineEnum(StatisticsGroupBy, 'StatisticsGroupBy', '统计分组方式。How statistics are grouped.', {
  CITY: ['按市（州）', 'By city'],
  COUNTY: ['按县（市、区）', 'By county'],
  TOWNSHIP: ['按乡镇（街道）', 'By township'],
  COMMUNITY: ['按村（社区）', 'By community'],
  DEPARTMENT: ['按有关部门（县级及以上区划）', 'By department (county or higher)'],
  MONTH: ['按月（所选区划自身的逐月数据）', 'By month, for the region itself'],
});

/** Longest period one question may cover. */
export const MAX_PERIOD_MONTHS = 36;
const LEVEL_DEPTH: Record<string, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, TOWNSHIP: 3, COMMUNITY: 4 };

// ---------------------------------------------------------------------------------------
// Who may read what

/** What an actor may see: everything, or the regions whose codes start with a prefix (and, for a community worker, one community). */
export type StatisticsScope = { all: true } | { all: false; prefix: string; communityId?: number };

/**
 * The request's jurisdiction (src/auth/permissions.ts) as far as statistics go: admins
 * everything; analysts their region and below; county staff and department users their
 * county; township users their township; a community worker (burden card only) its own
 * community. Who may call which statistics query is the OPERATIONS table's.
 */
export async function statisticsScope(ctx: Context, opts: { communityCard?: boolean } = {}): Promise<StatisticsScope> {
  requireActor(ctx);
  const scope = ctx.scope;
  if (scope.role === Role.ADMIN) return { all: true };
  if (opts.communityCard && scope.role === Role.COMMUNITY_USER && scope.communityId) return { all: false, prefix: '', communityId: scope.communityId };
  if (scope.role !== Role.COMMUNITY_USER && scope.role !== Role.INTEGRATION && scope.regionPrefix) return { all: false, prefix: scope.regionPrefix };
  throw forbidden('ROLE', '无权查询负担统计', 'You may not read burden statistics');
}

function assertCodeVisible(scope: StatisticsScope, code: string): void {
  if (scope.all || (code.startsWith(scope.prefix) && !scope.communityId)) return;
  throw forbidden('JURISDICTION', '超出您的统计查询范围', 'Outside your jurisdiction');
}

/** The region asked for (by global ID or code), if the actor may read it. */
export async function visibleRegion(ctx: Context, ref: { regionId?: string | null; regionCode?: string | null }): Promise<Region> {
  const scope = await statisticsScope(ctx);
  const region = await getRegion(ctx.em, { id: ref.regionId ?? null, code: ref.regionCode ?? null }, 'region');
  assertCodeVisible(scope, region.code);
  return region;
}

// ---------------------------------------------------------------------------------------
// Inputs

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
export const monthFromIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export function checkPeriod(from: string, to: string): { from: string; to: string } {
  const problems = [];
  if (!MONTH_RE.test(from)) problems.push({ field: 'from', message: '月份格式应为 YYYY-MM', messageEn: 'expected YYYY-MM' });
  if (!MONTH_RE.test(to)) problems.push({ field: 'to', message: '月份格式应为 YYYY-MM', messageEn: 'expected YYYY-MM' });
  if (!problems.length && from > to) problems.push({ field: 'from', message: '起始月份不能晚于截止月份', messageEn: 'from is after to' });
  if (!problems.length && monthIndex(to) - monthIndex(from) + 1 > MAX_PERIOD_MONTHS) {
    problems.push({ field: 'from', message: `统计期间最长 ${MAX_PERIOD_MONTHS} 个月`, messageEn: `at most ${MAX_PERIOD_MONTHS} months` });
  }
  if (problems.length) throw badInput('统计期间无效', 'Invalid period', problems);
  return { from, to };
}

export function checkIndicators(list?: BurdenIndicator[] | null): IndicatorDef[] {
  const keys = list?.length ? [...new Set(list)] : DEFAULT_INDICATORS;
  return keys.map((k) => INDICATOR_BY_KEY.get(k)!);
}

// ---------------------------------------------------------------------------------------
// Reading

export interface IndicatorResult {
  indicator: BurdenIndicator;
  label: string;
  unit: string;
  value: number | null;
  baseline: number | null;
  change: number | null;
  changePercent: number | null;
}

export interface StatisticsRow {
  key: string;
  label: string;
  code: string | null;
  month: string | null;
  regionId: number | null;
  departmentId: number | null;
  communityId: number | null;
  baselineMonth: string | null;
  values: IndicatorResult[];
}

export interface StatisticsAnswer {
  regionId: number;
  regionCode: string;
  regionName: string;
  groupBy: StatisticsGroupBy;
  from: string;
  to: string;
  monthly: boolean;
  baselineMonth: string | null;
  refreshedAt: Date | null;
  indicators: IndicatorDef[];
  total: StatisticsRow;
  rows: StatisticsRow[];
}

export interface RefreshInfo {
  finishedAt: Date;
  from: string;
  to: string;
  unavailable: Source[];
  /** Changes whenever the figures may have: a refresh finished, or a baseline was set. */
  version: string;
}

/**
 * The last finished refresh (its month range bounds what can be asked), with a version of
 * the figures. One statement, at most once a second per database: concurrent and repeated
 * questions share the answer (a refresh or baseline set in this process is seen at once,
 * one by a worker elsewhere within a second).
 */
export function lastRefresh(em: EntityManager): Promise<RefreshInfo | null> {
  const key = String(em.config.get('clientUrl'));
  const now = Date.now();
  const hit = LAST_REFRESH.get(key);
  if (hit && now - hit.at < LAST_REFRESH_TTL_MS) return hit.info;
  const info = readLastRefresh(em);
  LAST_REFRESH.set(key, { at: now, info });
  info.catch(() => LAST_REFRESH.get(key)?.info === info && LAST_REFRESH.delete(key));
  return info;
}
const LAST_REFRESH_TTL_MS = 1000;
const LAST_REFRESH = new Map<string, { at: number; info: Promise<RefreshInfo | null> }>();

/** Forgets the remembered last refresh (after a refresh or a baseline change). */
export function forgetLastRefresh(): void {
  LAST_REFRESH.clear();
}

async function readLastRefresh(em: EntityManager): Promise<RefreshInfo | null> {
  const rows: Array<{ id: number; finished_ms: string; f: string; t: string; unavailable: Source[]; baselines: string | null }> = await em
    .getConnection()
    .execute(
      `select r.id, (extract(epoch from r.finished_at) * 1000)::bigint::text as finished_ms, to_char(f.month_from, 'YYYY-MM') as f, to_char(f.month_to, 'YYYY-MM') as t, r.unavailable,
            (select max(updated_at)::text || count(*) from statistics_baseline) as baselines
       from (select * from stat_refresh where finished_at is not null order by id desc limit 1) r
       cross join lateral (select month_from, month_to from stat_refresh where finished_at is not null and scope = 'FULL' order by id desc limit 1) f`,
    );
  const r = rows[0];
  return r
    ? { finishedAt: new Date(Number(r.finished_ms)), from: r.f, to: r.t, unavailable: r.unavailable ?? [], version: `${r.id}:${r.baselines ?? ''}` }
    : null;
}

/**
 * Answers computed since the last refresh, by question: the figures change only when the
 * summary is refreshed or a baseline is set, so a repeated question costs no SQL beyond
 * `lastRefresh`. Small and bounded (least recently used out first).
 */
const ANSWERS = new Map<string, unknown>();
const ANSWER_CACHE_SIZE = 500;
const MAX_CACHED_ROWS = 3_000;
async function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = ANSWERS.get(key) as T | undefined;
  if (hit !== undefined) {
    ANSWERS.delete(key);
    ANSWERS.set(key, hit);
    return hit;
  }
  const value = await compute();
  // Big answers (every community of a province) are not kept: they would crowd out the rest.
  const rows = (value as { rows?: unknown[]; entries?: unknown[] }).rows ?? (value as { entries?: unknown[] }).entries ?? [];
  if (rows.length > MAX_CACHED_ROWS) return value;
  ANSWERS.set(key, value);
  if (ANSWERS.size > ANSWER_CACHE_SIZE) ANSWERS.delete(ANSWERS.keys().next().value!);
  return value;
}

const round = (x: number | null, decimals: number) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** decimals) / 10 ** decimals);

/**
 * Computes one row's indicator values from its measures: `v` and `b` hold the measures in
 * the period and in the baseline month; flows' baselines are scaled to the period length
 * (the baseline month's pace over as many months). Prepared once per answer, applied per row.
 */
export function valueBuilder(defs: IndicatorDef[], months: number, unavailable: Set<string>) {
  const plan = defs.map((def) => ({ def, missing: columnsOf(def).some((c) => unavailable.has(c)), decimals: def.decimals, ratio: def.kind === 'RATIO' }));
  const flowCols = MEASURES.filter((m) => m.kind === MeasureKind.FLOW).map((m) => m.column);
  return (v: Record<string, number | null>, b: Record<string, number | null> | null): IndicatorResult[] => {
    if (b && months !== 1) for (const c of flowCols) if (b[c] != null) b[c] = b[c] * months;
    return plan.map(({ def, missing, decimals, ratio }) => {
      const value = missing ? null : round(indicatorValue(def, v), decimals);
      const base = missing || !b ? null : round(indicatorValue(def, b), decimals);
      const change = value != null && base != null ? round(value - base, decimals) : null;
      const changePercent = !ratio && value != null && base != null && base !== 0 ? round(((value - base) / Math.abs(base)) * 100, 1) : null;
      return { indicator: def.key, label: def.zh, unit: def.unit, value, baseline: base, change, changePercent };
    });
  };
}

/** One row's indicator values (see valueBuilder). */
export function buildValues(
  defs: IndicatorDef[],
  v: Record<string, number | null>,
  b: Record<string, number | null> | null,
  months: number,
  unavailable: Set<string>,
): IndicatorResult[] {
  return valueBuilder(defs, months, unavailable)(v, b ? { ...b } : null);
}

/** Columns whose source tables were missing at the last refresh. */
function unavailableColumns(info: RefreshInfo | null): Set<string> {
  const missing = new Set(info?.unavailable ?? []);
  return new Set(MEASURES.filter((m) => missing.has(m.source)).map((m) => m.column));
}

/** The period actually answered: within the months the summary holds. */
function effectivePeriod(period: { from: string; to: string }, info: RefreshInfo | null): { from: string; to: string } {
  if (!info) return period;
  const to = period.to > info.to ? info.to : period.to;
  const from = period.from < info.from ? info.from : period.from;
  return from > to ? { from: to, to } : { from, to };
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const monthDate = (m: string) => `${lit(`${m}-01`)}::date`;
/** Baseline month (as a date) of a row whose region code is `codeExpr`: its own, else its nearest ancestor's. */
const baselineOf = (codeExpr: string) =>
  `(select (sb.month || '-01')::date from statistics_baseline sb where ${codeExpr} like sb.code_prefix || '%' order by length(sb.code_prefix) desc limit 1)`;

interface RowSource {
  /** The grouped things: id, label, code, extra columns, filtered. */
  groups: string;
  /** The summary table and its key column. */
  table: string;
  key: string;
  /** Extra selected columns of g, in output order. */
}

function rowSource(region: Region, groupBy: StatisticsGroupBy): RowSource {
  const prefix = lit(`${region.codePrefix}%`);
  switch (groupBy) {
    case StatisticsGroupBy.COMMUNITY: {
      const where =
        region.level === RegionLevel.TOWNSHIP
          ? `r.township_id = ${region.id}`
          : region.level === RegionLevel.COUNTY
            ? `r.county_id = ${region.id}`
            : `r.code like ${prefix}`;
      return {
        groups: `select r.id, r.name as label, r.code, ${baselineOf('r.code')} as bm from community r where ${where}`,
        table: 'stat_community_month',
        key: 'community_id',
      };
    }
    case StatisticsGroupBy.DEPARTMENT:
      if (region.level === RegionLevel.TOWNSHIP)
        throw badInput('按部门统计须选择县级及以上区划', 'Department statistics need a county or higher', [
          { field: 'groupBy', message: '乡镇不能按部门分组', messageEn: 'not for a township' },
        ]);
      return {
        groups: `select r.id, r.name as label, dr.code, ${baselineOf('dr.code')} as bm from department r join region dr on dr.id = r.region_id where dr.code like ${prefix}`,
        table: 'stat_department_month',
        key: 'department_id',
      };
    case StatisticsGroupBy.MONTH:
      return {
        groups: `select r.id, r.name as label, r.code, ${baselineOf('r.code')} as bm from region r where r.id = ${region.id}`,
        table: 'stat_region_month',
        key: 'region_id',
      };
    default: {
      if (LEVEL_DEPTH[groupBy] < LEVEL_DEPTH[region.level]) {
        throw badInput('分组层级不能高于所选区划', 'Group by a level at or below the region', [
          { field: 'groupBy', message: '分组层级高于所选区划', messageEn: 'level above the region' },
        ]);
      }
      const where = (groupBy as string) === region.level ? `r.id = ${region.id}` : `r.level = ${lit(groupBy)} and r.code like ${prefix}`;
      return {
        groups: `select r.id, r.name as label, r.code, ${baselineOf('r.code')} as bm from region r where ${where}`,
        table: 'stat_region_month',
        key: 'region_id',
      };
    }
  }
}

/**
 * One SQL statement: each group's measures over the period (flows summed, stocks at the
 * last month; or per month) and in its baseline month.
 */
function groupedSql(source: RowSource, cols: string[], period: { from: string; to: string }, monthly: boolean, orderBy = 'g.code, g.id'): string {
  const range = `s.month between ${monthDate(period.from)} and ${monthDate(period.to)}`;
  const baseline = `base as materialized (select b.${source.key}, ${cols.map((c) => `b.${c}`).join(', ')} from g join ${source.table} b on b.${source.key} = g.id and b.month = g.bm)`;
  const pick = cols.map((c) => `b.${c} as b_${c}`).join(', ');
  if (monthly) {
    return `with g as materialized (${source.groups}), ${baseline}
      select g.id, g.label, g.code, to_char(g.bm, 'YYYY-MM') as bm, to_char(s.month, 'YYYY-MM') as month, ${cols.map((c) => `s.${c} as v_${c}`).join(', ')}, ${pick}
        from g join ${source.table} s on s.${source.key} = g.id and ${range}
        left join base b on b.${source.key} = g.id
       order by ${orderBy}, s.month`;
  }
  // Aggregate each group's months first (flows summed, stocks at the last month), then add its baseline row.
  const agg = (c: string) =>
    MEASURE_BY_COLUMN.get(c)!.kind === MeasureKind.FLOW ? `sum(s.${c})` : `sum(s.${c}) filter (where s.month = ${monthDate(period.to)})`;
  return `with g as materialized (${source.groups}), ${baseline},
    v as (select s.${source.key} as id, ${cols.map((c) => `${agg(c)} as v_${c}`).join(', ')} from ${source.table} s join g on g.id = s.${source.key} where ${range} group by s.${source.key})
    select g.id, g.label, g.code, to_char(g.bm, 'YYYY-MM') as bm, ${cols.map((c) => `v.v_${c}`).join(', ')}, ${pick}
      from g join v on v.id = g.id left join base b on b.${source.key} = g.id
     order by ${orderBy}`;
}

type RowBuilder = (r: Record<string, any>) => StatisticsRow;

/** Turns the SQL rows of an answer into StatisticsRows (column names prepared once). */
function rowBuilder(groupBy: StatisticsGroupBy, cols: string[], defs: IndicatorDef[], months: number, unavailable: Set<string>): RowBuilder {
  const values = valueBuilder(defs, months, unavailable);
  const keys = cols.map((c) => [c, `v_${c}`, `b_${c}`] as const);
  const isMonth = groupBy === StatisticsGroupBy.MONTH;
  const isDept = groupBy === StatisticsGroupBy.DEPARTMENT;
  const isRegion = [StatisticsGroupBy.CITY, StatisticsGroupBy.COUNTY, StatisticsGroupBy.TOWNSHIP, StatisticsGroupBy.MONTH].includes(groupBy);
  return (r) => {
    const v: Record<string, number | null> = {};
    const b: Record<string, number | null> | null = r.bm ? {} : null;
    for (const [c, vk, bk] of keys) {
      const x = r[vk];
      v[c] = x == null ? null : Number(x);
      if (b) b[c] = r[bk] == null ? null : Number(r[bk]);
    }
    const month = r.month ?? null;
    return {
      key: isMonth ? month : isDept ? String(r.id) : r.code,
      label: isMonth ? month : r.label,
      code: isDept ? null : r.code,
      month,
      regionId: isRegion ? r.id : null,
      departmentId: isDept ? r.id : null,
      communityId: groupBy === StatisticsGroupBy.COMMUNITY ? r.id : null,
      baselineMonth: r.bm ?? null,
      values: values(v, b),
    };
  };
}

function toRow(
  r: Record<string, any>,
  groupBy: StatisticsGroupBy,
  cols: string[],
  defs: IndicatorDef[],
  months: number,
  unavailable: Set<string>,
): StatisticsRow {
  return rowBuilder(groupBy, cols, defs, months, unavailable)(r);
}

export interface StatisticsQuery {
  region: Region;
  groupBy: StatisticsGroupBy;
  from: string;
  to: string;
  indicators?: BurdenIndicator[] | null;
  /** One row per group and month (MONTH grouping always is). */
  monthly?: boolean;
}

/** burdenStatistics: rows grouped as asked, plus the region's own total. Two statements, run together. */
export async function burdenStatistics(em: EntityManager, q: StatisticsQuery): Promise<StatisticsAnswer> {
  const info = await lastRefresh(em);
  const period = effectivePeriod(checkPeriod(q.from, q.to), info);
  const defs = checkIndicators(q.indicators);
  if (!info) return computeStatistics(em, q, info, period, defs);
  const key = JSON.stringify(['stats', em.config.get('clientUrl'), info.version, q.region.id, q.groupBy, period, defs.map((d) => d.key), !!q.monthly]);
  return cached(key, () => computeStatistics(em, q, info, period, defs));
}

async function computeStatistics(
  em: EntityManager,
  q: StatisticsQuery,
  info: RefreshInfo | null,
  period: { from: string; to: string },
  defs: IndicatorDef[],
): Promise<StatisticsAnswer> {
  const cols = [...new Set(defs.flatMap(columnsOf))];
  const monthly = q.groupBy === StatisticsGroupBy.MONTH || !!q.monthly;
  const months = monthly ? 1 : monthIndex(period.to) - monthIndex(period.from) + 1;
  const unavailable = unavailableColumns(info);
  const source = rowSource(q.region, q.groupBy);
  const totalSource = rowSource(q.region, StatisticsGroupBy.MONTH);
  const conn = em.getConnection();
  const [rows, totals] = await Promise.all([
    conn.execute<Record<string, any>[]>(groupedSql(source, cols, period, monthly)),
    conn.execute<Record<string, any>[]>(groupedSql(totalSource, cols, period, false)),
  ]);
  const totalRow = totals[0]
    ? toRow(totals[0], StatisticsGroupBy.CITY, cols, defs, monthIndex(period.to) - monthIndex(period.from) + 1, unavailable)
    : toRow({ id: q.region.id, label: q.region.name, code: q.region.code }, StatisticsGroupBy.CITY, cols, defs, 1, unavailable);
  return {
    regionId: q.region.id,
    regionCode: q.region.code,
    regionName: q.region.name,
    groupBy: q.groupBy,
    from: period.from,
    to: period.to,
    monthly,
    baselineMonth: totalRow.baselineMonth,
    refreshedAt: info?.finishedAt ?? null,
    indicators: defs,
    total: { ...totalRow, key: q.region.code, label: q.region.name },
    rows: rows.map(rowBuilder(q.groupBy, cols, defs, months, unavailable)),
  };
}

export interface RankingEntry {
  rank: number;
  departmentId: number;
  departmentName: string;
  regionId: number;
  value: number | null;
  sharePercent: number | null;
}

/** Departments of a region ranked by an indicator over a period (one statement). */
export async function departmentRanking(
  em: EntityManager,
  q: { region: Region; from: string; to: string; indicator: BurdenIndicator; first: number; ascending?: boolean },
): Promise<{ from: string; to: string; indicator: IndicatorDef; entries: RankingEntry[] }> {
  if (q.region.level === RegionLevel.TOWNSHIP) {
    throw badInput('部门排名须选择县级及以上区划', 'Rankings need a county or higher', [
      { field: 'region', message: '乡镇不能排名部门', messageEn: 'not for a township' },
    ]);
  }
  const info = await lastRefresh(em);
  const period = effectivePeriod(checkPeriod(q.from, q.to), info);
  const def = INDICATOR_BY_KEY.get(q.indicator)!;
  if (columnsOf(def).some((c) => unavailableColumns(info).has(c))) return { ...period, indicator: def, entries: [] };
  const compute = () => rankDepartments(em, q, period, def);
  return info
    ? cached(JSON.stringify(['ranking', em.config.get('clientUrl'), info.version, q.region.id, period, q.indicator, q.first, !!q.ascending]), compute)
    : compute();
}

async function rankDepartments(
  em: EntityManager,
  q: { region: Region; first: number; ascending?: boolean },
  period: { from: string; to: string },
  def: IndicatorDef,
): Promise<{ from: string; to: string; indicator: IndicatorDef; entries: RankingEntry[] }> {
  const agg = (c: string) =>
    MEASURE_BY_COLUMN.get(c)!.kind === MeasureKind.FLOW ? `sum(s.${c})` : `sum(s.${c}) filter (where s.month = ${monthDate(period.to)})`;
  const rows: Array<{ id: number; name: string; region_id: number; v: number | null; share: number | null }> = await em.getConnection().execute(
    `with v as (
       select d.id, d.name, d.region_id, ${indicatorSql(def, agg)}::float8 as v
         from stat_department_month s join department d on d.id = s.department_id join region dr on dr.id = d.region_id
        where dr.code like ${lit(`${q.region.codePrefix}%`)} and s.month between ${monthDate(period.from)} and ${monthDate(period.to)}
        group by d.id, d.name, d.region_id
     )
     select id, name, region_id, v, case when sum(v) over () > 0 and ${def.kind === 'RATIO' ? 'false' : 'true'} then 100.0 * v / sum(v) over () end as share
       from v order by v ${q.ascending ? 'asc' : 'desc'} nulls last, id limit ${Math.max(1, Math.min(q.first, 500))}`,
  );
  return {
    ...period,
    indicator: def,
    entries: rows.map((r, i) => ({
      rank: i + 1,
      departmentId: r.id,
      departmentName: r.name,
      regionId: r.region_id,
      value: round(r.v == null ? null : Number(r.v), def.decimals),
      sharePercent: round(r.share == null ? null : Number(r.share), 1),
    })),
  };
}

export interface CommunityCardData {
  community: Community;
  month: string;
  baselineMonth: string | null;
  values: IndicatorResult[];
}

/** A community's own indicators in a month (default: the latest), against its baseline. */
export async function communityCard(
  em: EntityManager,
  community: Community,
  month?: string | null,
  indicators?: BurdenIndicator[] | null,
): Promise<CommunityCardData> {
  const info = await lastRefresh(em);
  const m = month ?? info?.to ?? new Date().toISOString().slice(0, 7);
  checkPeriod(m, m);
  const defs = indicators?.length ? checkIndicators(indicators) : INDICATORS;
  const cols = [...new Set(defs.flatMap(columnsOf))];
  const source: RowSource = {
    groups: `select r.id, r.name as label, r.code, ${baselineOf('r.code')} as bm from community r where r.id = ${community.id}`,
    table: 'stat_community_month',
    key: 'community_id',
  };
  const rows = await em.getConnection().execute(groupedSql(source, cols, { from: m, to: m }, false));
  const row = rows[0]
    ? toRow(rows[0], StatisticsGroupBy.COMMUNITY, cols, defs, 1, unavailableColumns(info))
    : toRow({ id: community.id, label: community.name, code: community.code }, StatisticsGroupBy.COMMUNITY, cols, defs, 1, unavailableColumns(info));
  return { community, month: m, baselineMonth: row.baselineMonth, values: row.values };
}

/** The community asked for, if the actor may see its card. */
export async function visibleCommunity(ctx: Context, ref: { communityId?: string | null; communityCode?: string | null }): Promise<Community> {
  const scope = await statisticsScope(ctx, { communityCard: true });
  if ((ref.communityId == null) === (ref.communityCode == null)) {
    throw badInput('请提供 communityId 或 communityCode 之一', 'Give exactly one of communityId and communityCode', [
      { field: 'communityId', message: '需要且只需要一个', messageEn: 'exactly one is required' },
    ]);
  }
  // communityId "" is given (and invalid), not absent: it must not fall through to a missing code
  const community =
    ref.communityId != null
      ? await ctx.em.findOne(Community, { id: fromGlobalId(ref.communityId, 'Community', 'communityId').id })
      : await ctx.loaders.byUnique(Community, 'code').load(ref.communityCode!); // one statement with community(code:)
  if (!community) throw notFound('该村（社区）', 'Community');
  if (!scope.all && (scope.communityId ? scope.communityId !== community.id : !community.code.startsWith(scope.prefix))) {
    throw forbidden('JURISDICTION', '超出您的统计查询范围', 'Outside your jurisdiction');
  }
  return community;
}

// ---------------------------------------------------------------------------------------
// Writes: baselines and budgets (audited)

/** Who may set baselines and budgets: ADMIN anywhere, ANALYST in their region; budgets also the county's REVIEWER. */
async function assertMayManage(ctx: Context, region: Region, opts: { budget?: boolean } = {}): Promise<Actor> {
  const actor = requireActor(ctx);
  if (actor.role === Role.ADMIN) return actor;
  const roles = opts.budget ? [Role.ANALYST, Role.REVIEWER] : [Role.ANALYST];
  if (roles.includes(actor.role) && actor.regionId) {
    const own = await ctx.loaders.byId(Region).load(actor.regionId);
    if (own && region.code.startsWith(own.codePrefix) && LEVEL_DEPTH[region.level] >= LEVEL_DEPTH[own.level]) return actor;
  }
  throw forbidden('JURISDICTION', '无权设置该区划的统计基期或负担上限', 'You may not set this region’s baseline or budget');
}

/** Marks `month` as the region's baseline (replacing an earlier one). */
export async function setBaseline(ctx: Context, region: Region, month: string, note?: string | null): Promise<StatisticsBaseline> {
  const actor = await assertMayManage(ctx, region);
  if (!MONTH_RE.test(month))
    throw badInput('基期月份格式应为 YYYY-MM', 'Month must be YYYY-MM', [{ field: 'month', message: '格式应为 YYYY-MM', messageEn: 'expected YYYY-MM' }]);
  return ctx.em
    .transactional(async (em) => {
      let baseline = await em.findOne(StatisticsBaseline, { region: region.id });
      const before = snapshot(baseline);
      if (!baseline) {
        baseline = em.create(StatisticsBaseline, {
          region: region.id,
          codePrefix: codePrefixOf(region),
          month,
          note: note ?? null,
          setBy: em.getReference(User, actor.userId),
        });
      } else {
        Object.assign(baseline, { month, note: note ?? null, setBy: em.getReference(User, actor.userId) });
      }
      await em.flush();
      await audit(em, ctx, { action: 'statisticsBaseline.set', entity: baseline, before, after: snapshot(baseline), countyId: countyIdOf(region) });
      await em.flush();
      return baseline;
    })
    .finally(forgetLastRefresh);
}

const codePrefixOf = (region: Region) => region.code.slice(0, CODE_PREFIX_LENGTH[region.level]);
const countyIdOf = (region: Region) =>
  region.level === RegionLevel.COUNTY ? region.id : region.level === RegionLevel.TOWNSHIP ? (region.parent?.id ?? null) : null;

/** Sets a county's burden ceiling for a year. */
export async function setBudget(ctx: Context, county: Region, year: number, ceilingHours: number, note?: string | null): Promise<BurdenBudget> {
  if (county.level !== RegionLevel.COUNTY)
    throw badInput('负担上限按县设置', 'Budgets are set per county', [{ field: 'countyId', message: '不是县级区划', messageEn: 'not a county' }]);
  const actor = await assertMayManage(ctx, county, { budget: true });
  const problems = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push({ field: 'year', message: '年度无效', messageEn: 'invalid year' });
  if (!Number.isFinite(ceilingHours) || ceilingHours < 0)
    problems.push({ field: 'ceilingHours', message: '上限须为非负数', messageEn: 'must be zero or more' });
  if (problems.length) throw badInput('负担上限设置有误', 'Invalid budget', problems);
  return ctx.em.transactional(async (em) => {
    let budget = await em.findOne(BurdenBudget, { county: county.id, year });
    const before = snapshot(budget);
    if (!budget) budget = em.create(BurdenBudget, { county: county.id, year, ceilingHours, note: note ?? null, setBy: em.getReference(User, actor.userId) });
    else Object.assign(budget, { ceilingHours, note: note ?? null, setBy: em.getReference(User, actor.userId) });
    await em.flush();
    await audit(em, ctx, { action: 'burdenBudget.set', entity: budget, before, after: snapshot(budget), countyId: county.id });
    await em.flush();
    return budget;
  });
}

export interface BudgetStatus extends BudgetUsage {
  county: Region;
  year: number;
  budget: BurdenBudget | null;
  ceilingHours: number | null;
  remainingHours: number | null;
}

/** A county's budget for a year and how much of it is used. */
export async function budgetStatus(em: EntityManager, county: Region, year = chinaYear()): Promise<BudgetStatus> {
  const [budget, usage] = await Promise.all([em.findOne(BurdenBudget, { county: county.id, year }), budgetUsage(em, county.id, year)]);
  const ceiling = budget?.ceilingHours ?? null;
  return { ...usage, county, year, budget, ceilingHours: ceiling, remainingHours: ceiling == null ? null : Math.round((ceiling - usage.usedHours) * 10) / 10 };
}
