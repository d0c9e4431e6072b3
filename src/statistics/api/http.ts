/**
 * HTTP routes of the statistics module, mounted by src/http/server.ts:
 *
 *   GET /exports/burden-statistics.csv | .xlsx   the burdenStatistics figures as a spreadsheet
 *       ?region=<code> | regionId=<global id>, groupBy=<StatisticsGroupBy> (default: the level
 *       below the region), from=YYYY-MM, to=YYYY-MM (default: the last 12 months),
 *       indicators=A,B,… (default: all), monthly=1, compare=1 (baseline and change columns).
 *       Authorization: Bearer <token>, as for /graphql; the same access rules. Parameters are
 *       declared (EXPORT_PARAMS) and checked like GraphQL arguments; anything else is 400.
 *   GET /dashboard                                the read-only dashboard page
 *   GET /dashboard/assets/<file>                  its script, stylesheet and Chart.js (from node_modules)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { GraphQLBoolean, GraphQLEnumType, GraphQLID, GraphQLString } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { createContext } from '../../auth';
import { route, type ParamSpec, type RouteContext, type RouteLimiter } from '../../kernel/http/routes';
import { MonthScalar } from '../../kernel/scalars';
import { AppError } from '../../kernel/errors';
import { RegionLevel } from '../../geography';
import { BurdenIndicator, INDICATORS } from '../service/indicators';
import { StatisticsGroupBy, burdenStatistics, lastRefresh, monthFromIndex, monthIndex, visibleRegion } from '../service/statistics.service';
import { exportFileName, statisticsTable, toCsv, toXlsx } from './export';
import { DASHBOARD_CSP, DASHBOARD_CSS, DASHBOARD_FAVICON, DASHBOARD_JS, dashboardPage } from './dashboard';

export interface StatisticsRouteDeps {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  /** The API's rate limiter: exports are charged EXPORT_COST requests. */
  limiter: RouteLimiter;
}

const CHILD_LEVEL: Record<RegionLevel, StatisticsGroupBy> = {
  PROVINCE: StatisticsGroupBy.CITY,
  CITY: StatisticsGroupBy.COUNTY,
  COUNTY: StatisticsGroupBy.TOWNSHIP,
  TOWNSHIP: StatisticsGroupBy.COMMUNITY,
};

/** A GraphQL enum type over a TypeScript enum, for declared HTTP parameters. */
function enumType(name: string, values: Record<string, string>): GraphQLEnumType {
  return new GraphQLEnumType({ name, values: Object.fromEntries(Object.keys(values).map((k) => [k, { value: k }])) });
}

/** The exports' parameters, checked like the burdenStatistics arguments (src/http/routes.ts). */
export const EXPORT_PARAMS = {
  region: { type: GraphQLString, pattern: /^\d{6}(\d{3}|\d{6})?$/, maxLength: 12, label: '行政区划代码（6、9 或 12 位）' },
  regionId: { type: GraphQLID, maxLength: 200, label: '行政区划全局 ID' },
  groupBy: { type: enumType('StatisticsGroupBy', StatisticsGroupBy), label: '分组方式' },
  from: { type: MonthScalar, label: '起始月份' },
  to: { type: MonthScalar, label: '截止月份' },
  indicators: { type: enumType('BurdenIndicator', BurdenIndicator), list: true, label: '指标' },
  monthly: { type: GraphQLBoolean, label: '是否逐月' },
  compare: { type: GraphQLBoolean, label: '是否含基期对比' },
} satisfies Record<string, ParamSpec>;

/** Requests' worth an export is charged in the rate limits: it builds a whole table (and, for XLSX, a workbook). */
export const EXPORT_COST = 10;

async function exportHandler(
  req: Request,
  res: Response,
  deps: StatisticsRouteDeps,
  format: 'csv' | 'xlsx',
  { params: q, actor, em }: RouteContext<typeof EXPORT_PARAMS>,
): Promise<void> {
  const ctx = await createContext({ em, actor, requestId: String(req.id ?? ''), log: req.log ?? deps.logger, config: deps.config });
  const region = await visibleRegion(ctx, { regionCode: q.region as string | undefined, regionId: q.regionId as string | undefined });
  const groupBy = (q.groupBy as StatisticsGroupBy | undefined) ?? CHILD_LEVEL[region.level];
  const indicators = (q.indicators as BurdenIndicator[] | undefined) ?? INDICATORS.map((i) => i.key);
  let to = q.to as string | undefined;
  let from = q.from as string | undefined;
  if (!to) to = (await lastRefresh(em))?.to ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  if (!from) from = monthFromIndex(monthIndex(to) - 11);
  const answer = await burdenStatistics(em, { region, groupBy, from, to, indicators, monthly: q.monthly === true });
  const table = statisticsTable(answer, q.compare === true);
  const name = exportFileName(answer, format);
  res.set({
    'Content-Disposition': `attachment; filename="burden-statistics.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (format === 'csv') res.type('text/csv; charset=utf-8').send(toCsv(table));
  else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(answer, table));
}

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  version: string;
}

function dashboardAssets(): Map<string, () => Asset> {
  const make = (body: Buffer, type: string): Asset => {
    const hash = createHash('sha256').update(body).digest('base64url');
    return { body, type, etag: `"${hash.slice(0, 27)}"`, version: hash.slice(0, 12) };
  };
  const lazy = (f: () => Asset) => {
    let cached: Asset | undefined;
    return () => (cached ??= f());
  };
  const chartDir = path.dirname(require.resolve('chart.js'));
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    ['chart.umd.min.js', lazy(() => make(readFileSync(path.join(chartDir, 'chart.umd.min.js')), js))],
    ['dashboard.js', lazy(() => make(Buffer.from(DASHBOARD_JS, 'utf8'), js))],
    ['dashboard.css', lazy(() => make(Buffer.from(DASHBOARD_CSS, 'utf8'), 'text/css; charset=utf-8'))],
    ['favicon.svg', lazy(() => make(Buffer.from(DASHBOARD_FAVICON, 'utf8'), 'image/svg+xml'))],
  ]);
}

/** Mounts the exports and the dashboard on the API's Express app. */
export function mountStatisticsRoutes(app: Express, deps: StatisticsRouteDeps): void {
  const router = express.Router();
  const kit = { limiter: deps.limiter, orm: deps.orm, log: deps.logger };
  for (const format of ['csv', 'xlsx'] as const) {
    route(
      router,
      { method: 'get', path: `/exports/burden-statistics.${format}`, params: EXPORT_PARAMS, cost: EXPORT_COST, auth: 'required' },
      kit,
      (req, res, ctx) => exportHandler(req, res, deps, format, ctx),
    );
  }

  const assets = dashboardAssets();
  let page: Buffer | undefined;
  // The page reads ?region= itself; assets carry ?v=<hash> to bust caches.
  route(
    router,
    {
      method: 'get',
      path: '/dashboard',
      params: { region: { type: GraphQLString, pattern: /^\d{6,12}$/, maxLength: 12, label: '行政区划代码' } },
      auth: 'optional',
    },
    kit,
    (_req, res) => {
      page ??= Buffer.from(
        dashboardPage((name) => `/dashboard/assets/${name}?v=${assets.get(name)!().version}`),
        'utf8',
      );
      res.set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': DASHBOARD_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
        'Cache-Control': 'no-cache',
      });
      res.send(page);
    },
  );
  route(
    router,
    { method: 'get', path: '/dashboard/assets/:file', params: { v: { type: GraphQLString, pattern: /^[A-Za-z0-9_-]{12}$/, label: '版本' } }, auth: 'optional' },
    kit,
    (req, res) => {
      const get = typeof req.params.file === 'string' ? assets.get(req.params.file) : undefined;
      res.set('X-Content-Type-Options', 'nosniff');
      if (!get) throw new AppError('NOT_FOUND', '未找到该文件', 'No such file', { reason: 'NO_ROUTE' });
      const asset = get();
      res.set({ 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400', ETag: asset.etag });
      res.send(asset.body);
    },
  );
  app.use(router);
}
