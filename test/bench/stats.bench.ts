/**
 * `npm run bench:stats`: the statistics queries at county, city and province level under
 * load, on province-scale data (BENCH_DATABASE_URL or DATABASE_URL, filled by
 * `npm run db:generate -- --scale province`): requests per second, p50/p95/p99 latency
 * under BENCH_CONNECTIONS (50) concurrent clients, SQL statements per request, the same
 * figures by hand-written SQL on the summary tables (the GraphQL overhead as a ratio),
 * the time of a full summary refresh, and the server's peak memory.
 *
 * Targets: province grouped by county for 12 months p95 < 100 ms; a city by township
 * < 300 ms; server memory < 500 MB.
 */
import os from 'node:os';
import type { Pool } from 'pg';
import { Pool as PgPool } from 'pg';
import {
  CONNECTIONS,
  DURATION,
  benchDatabase,
  fmt,
  gql,
  loadGraphql,
  loadSql,
  printTable,
  sequentialMedian,
  signIn,
  startServer,
  statementsPerRequest,
  withCpu,
} from './lib';

const INDICATORS = [
  'ITEMS_IN_EFFECT',
  'LEDGER_HOURS',
  'LEDGERS_ABOLISHED',
  'TERMINALS_IN_USE',
  'TERMINALS_CONSOLIDATED',
  'PLAQUES_KEPT',
  'FUNDING_COMPLIANCE_PERCENT',
  'EMERGENCY_IN_TIME_PERCENT',
  'REFUSALS',
  'APPROVED_HOURS',
];
const VALUES = 'values { indicator value baseline change changePercent }';
// A table of regions: the indicators' order once, then each row's figures, baselines and changes (the compact form);
// STATS_OBJECTS: the same with a self-describing object per value.
const FIGURES = 'figures baselineFigures changePercentFigures';
const STATS = `query Stats($r: String!, $g: StatisticsGroupBy!, $f: Month!, $t: Month!, $i: [BurdenIndicator!], $m: Boolean) {
  burdenStatistics(regionCode: $r, groupBy: $g, from: $f, to: $t, indicators: $i, monthly: $m) { from to baselineMonth indicators { indicator label unit } total { label ${VALUES} } rows { key label month ${FIGURES} } }
}`;
const STATS_OBJECTS = `query StatsObjects($r: String!, $g: StatisticsGroupBy!, $f: Month!, $t: Month!, $i: [BurdenIndicator!]) {
  burdenStatistics(regionCode: $r, groupBy: $g, from: $f, to: $t, indicators: $i) { from to baselineMonth total { label ${VALUES} } rows { key label ${VALUES} } }
}`;
const TREND = `query Trend($r: String!, $f: Month!, $t: Month!, $i: [BurdenIndicator!]) { burdenTrend(regionCode: $r, from: $f, to: $t, indicators: $i) { rows { month ${VALUES} } } }`;
const RANKING = `query Ranking($r: String!, $f: Month!, $t: Month!) { departmentRanking(regionCode: $r, from: $f, to: $t, first: 20) { entries { rank departmentName value sharePercent } } }`;
const CARD = `query Card($c: String!) { communityBurdenCard(communityCode: $c) { month baselineMonth ${VALUES} } }`;

/** Hand-written: the same figures read from the summary tables (flows summed, stocks at the period's end, against the baseline month). */
function handStats(level: string, prefix: string, regionCode: string, from: string, to: string, monthly = false) {
  const cols = [
    'items_in_effect',
    'ledger_hours',
    'ledgers_abolished',
    'terminals_in_use',
    'terminals_consolidated',
    'plaques_kept',
    'assistance_items',
    'unfunded_assistance_items',
    'emergency_in_time',
    'emergency_resolved',
    'refusals',
    'approved_hours',
  ];
  const flow = new Set(['ledgers_abolished', 'terminals_consolidated', 'emergency_in_time', 'emergency_resolved', 'refusals', 'approved_hours']);
  const agg = (c: string, perMonth: boolean) => (perMonth ? `s.${c}` : flow.has(c) ? `sum(s.${c})` : `sum(s.${c}) filter (where s.month = $3::date)`);
  const sql = (where: string, perMonth: boolean) => `
    with g as (select r.id, r.code, r.name, (select (b.month || '-01')::date from statistics_baseline b where r.code like b.code_prefix || '%' order by length(b.code_prefix) desc limit 1) as bm
                 from region r where ${where})
    select g.id, g.code, g.name${perMonth ? ', s.month' : ''}, ${cols.map((c) => `${agg(c, perMonth)} as v_${c}, b.${c} as b_${c}`).join(', ')}
      from g join stat_region_month s on s.region_id = g.id and s.month between $2::date and $3::date
      left join stat_region_month b on b.region_id = g.id and b.month = g.bm
     ${perMonth ? '' : 'group by g.id, g.code, g.name, b.region_id, b.month'} order by g.code${perMonth ? ', s.month' : ''}`;
  const range = [`${from}-01`, `${to}-01`];
  return (pool: Pool) =>
    level === 'SELF'
      ? pool.query(sql('r.code = $1', true), [regionCode, ...range])
      : Promise.all([
          pool.query(sql(`r.level = '${level}' and r.code like $1`, monthly), [`${prefix}%`, ...range]),
          pool.query(sql('r.code = $1', false), [regionCode, ...range]),
        ]);
}

async function main(): Promise<void> {
  const databaseUrl = await benchDatabase();
  const meta = new PgPool({ connectionString: databaseUrl, max: 1 });
  const {
    rows: [r],
  } = await meta.query(
    `select to_char(month_to, 'YYYY-MM') as t, to_char(month_to - interval '11 months', 'YYYY-MM') as f from stat_refresh where scope = 'FULL' and finished_at is not null order by id desc limit 1`,
  );
  const {
    rows: [community],
  } = await meta.query(`select c.code from app_user u join community c on c.id = u.community_id where u.username = 'community'`);
  const {
    rows: [sizes],
  } = await meta.query(
    `select (select count(*) from stat_community_month)::int as c, (select count(*) from stat_region_month)::int as r, (select count(*) from stat_department_month)::int as d`,
  );
  await meta.end();
  const { f: from, t: to } = r;
  const cases = [
    {
      name: '省 按县 12 个月 province by county',
      user: 'analyst_province',
      query: STATS,
      vars: { r: '510000', g: 'COUNTY', f: from, t: to, i: INDICATORS },
      sql: handStats('COUNTY', '51', '510000', from, to),
    },
    {
      name: '省 按县 12 个月（对象形式）province by county, objects',
      user: 'analyst_province',
      query: STATS_OBJECTS,
      vars: { r: '510000', g: 'COUNTY', f: from, t: to, i: INDICATORS },
      sql: null,
    },
    {
      name: '省 按市 12 个月 province by city',
      user: 'analyst_province',
      query: STATS,
      vars: { r: '510000', g: 'CITY', f: from, t: to, i: INDICATORS },
      sql: handStats('CITY', '51', '510000', from, to),
    },
    {
      name: '省 按县 逐月 province by county × month',
      user: 'analyst_province',
      query: STATS,
      vars: { r: '510000', g: 'COUNTY', f: from, t: to, i: INDICATORS.slice(0, 4), m: true },
      sql: handStats('COUNTY', '51', '510000', from, to, true),
    },
    {
      name: '市 按乡镇 12 个月 city by township',
      user: 'analyst_city',
      query: STATS,
      vars: { r: '511800', g: 'TOWNSHIP', f: from, t: to, i: INDICATORS },
      sql: handStats('TOWNSHIP', '5118', '511800', from, to),
    },
    {
      name: '县 按乡镇 12 个月 county by township',
      user: 'analyst',
      query: STATS,
      vars: { r: '511828', g: 'TOWNSHIP', f: from, t: to, i: INDICATORS },
      sql: handStats('TOWNSHIP', '511828', '511828', from, to),
    },
    {
      name: '县 按村 12 个月 county by community',
      user: 'analyst',
      query: STATS,
      vars: { r: '511828', g: 'COMMUNITY', f: from, t: to, i: INDICATORS },
      sql: null,
    },
    {
      name: '省 逐月趋势 province trend',
      user: 'analyst_province',
      query: TREND,
      vars: { r: '510000', f: from, t: to, i: INDICATORS },
      sql: handStats('SELF', '', '510000', from, to, true),
    },
    { name: '省 部门排名 province ranking', user: 'analyst_province', query: RANKING, vars: { r: '510000', f: from, t: to }, sql: null },
    { name: '县 部门排名 county ranking', user: 'analyst', query: RANKING, vars: { r: '511828', f: from, t: to }, sql: null },
    { name: '村社区负担卡 community card', user: 'community', query: CARD, vars: { c: community.code }, sql: null },
  ];
  console.log(
    `bench:stats — summary rows: ${sizes.c} community-months, ${sizes.r} region-months, ${sizes.d} department-months; period ${from} – ${to}; ${CONNECTIONS} clients × ${DURATION} s per run`,
  );
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(`machine: ${os.cpus().length} cores, load average ${load()} at start`);
  const server = await startServer(databaseUrl);
  const rows: Array<Array<string | number>> = [];
  try {
    const tokens = new Map<string, string>();
    for (const c of cases) {
      if (!tokens.has(c.user)) tokens.set(c.user, await signIn(server.url, c.user));
      const token = tokens.get(c.user)!;
      const run = () => gql(server.url, token, c.query, c.vars);
      const sample = await run();
      const stmts = await statementsPerRequest(server, run);
      await loadGraphql(server.url, token, c.query, c.vars, 2);
      const api = await withCpu(server, () => loadGraphql(server.url, token, c.query, c.vars));
      const half = await loadGraphql(server.url, token, c.query, c.vars, DURATION, api.rps / 2);
      let ratio = '—';
      let sqlP95 = '—';
      const seqApi = await sequentialMedian(run);
      if (c.sql) {
        const sql = await loadSql(databaseUrl, c.sql);
        const pool = new PgPool({ connectionString: databaseUrl, max: 2 });
        const seqSql = await sequentialMedian(() => c.sql(pool));
        await pool.end();
        ratio = `${fmt(api.p95 / sql.p95, 2)} / ${fmt(seqApi / seqSql, 2)}`;
        sqlP95 = fmt(sql.p95);
      }
      const first = Object.values(sample)[0] as any;
      const n = first?.rows?.length ?? first?.entries?.length ?? first?.values?.length ?? 0;
      rows.push([
        c.name,
        n,
        stmts,
        fmt(seqApi),
        fmt(api.rps, 0),
        fmt(api.p50),
        fmt(api.p95),
        fmt(api.p99),
        fmt(api.cpuMsPerRequest),
        fmt(half.rps, 0),
        fmt(half.p50),
        fmt(half.p95),
        fmt(half.p99),
        api.errors + half.errors,
        sqlP95,
        ratio,
      ]);
    }
    const mem = await server.memory();
    console.log(`\nload average ${load()} at the end (other work on the machine competes for its cores)`);
    printTable(
      `Statistics queries, ${CONNECTIONS} clients, ${DURATION} s each: at capacity (back to back), then paced at half of it (latency in ms)`,
      [
        'query',
        'rows',
        'SQL stmts',
        '1 client',
        'req/s',
        'p50',
        'p95',
        'p99',
        'CPU ms/req',
        'paced req/s',
        'p50',
        'p95',
        'p99',
        'errors',
        'hand SQL p95',
        'API/SQL p95 / 1-client',
      ],
      rows,
    );
    console.log(`\nserver memory: peak RSS ${(mem.maxRss / 1048576).toFixed(0)} MB (now ${(mem.rss / 1048576).toFixed(0)} MB)`);
  } finally {
    await server.stop();
  }
  if (process.env.BENCH_REFRESH !== '0') {
    // The summary refresh itself (what the refresh-statistics job does), full and for one county.
    const { createOrm } = await import('../../src/db/orm');
    const { refreshStatistics } = await import('../../src/statistics/service/refresh');
    const orm = await createOrm({ url: databaseUrl, poolMax: 2 });
    const full = await refreshStatistics(orm.em.fork());
    const [{ id }] = await orm.em.getConnection().execute(`select id from region where code = '511828'`);
    const one = await refreshStatistics(orm.em.fork(), { countyIds: [id] });
    await orm.close(true);
    console.log(
      `summary refresh: full ${fmt(full.durationMs / 1000)} s (${full.communityRows} community-months, ${full.from} – ${full.to}); one county ${fmt(one.durationMs / 1000)} s`,
    );
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
