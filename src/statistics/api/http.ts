/**
 * HTTP routes of the statistics module, mounted by src/http/server.ts:
 *
 *   GET /exports/burden-statistics.csv | .xlsx   the burdenStatistics figures as a spreadsheet
 *       ?region=<code> | regionId=<global id>, groupBy=<StatisticsGroupBy> (default: the level
 *       below the region), from=YYYY-MM, to=YYYY-MM (default: the last 12 months),
 *       indicators=A,B,… (default: all), monthly=1, compare=1 (baseline and change columns).
 *       Authorization: Bearer <token>, as for /graphql; the same access rules.
 *   GET /dashboard                                the read-only dashboard page
 *   GET /dashboard/assets/<file>                  its script, stylesheet and Chart.js (from node_modules)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { AuthService } from '../../auth';
import { createContext } from '../../auth';
import { AppError, badInput } from '../../kernel/errors';
import { RegionLevel } from '../../geography';
import { BurdenIndicator, INDICATORS } from '../service/indicators';
import { StatisticsGroupBy, burdenStatistics, lastRefresh, monthFromIndex, monthIndex, visibleRegion } from '../service/statistics.service';
import { exportFileName, statisticsTable, toCsv, toXlsx } from './export';
import { DASHBOARD_CSP, DASHBOARD_CSS, DASHBOARD_FAVICON, DASHBOARD_JS, dashboardPage } from './dashboard';

export interface StatisticsRouteDeps {
  orm: MikroORM;
  auth: AuthService;
  config: Config;
  logger: Logger;
}

const CHILD_LEVEL: Record<RegionLevel, StatisticsGroupBy> = {
  PROVINCE: StatisticsGroupBy.CITY,
  CITY: StatisticsGroupBy.COUNTY,
  COUNTY: StatisticsGroupBy.TOWNSHIP,
  TOWNSHIP: StatisticsGroupBy.COMMUNITY,
};

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409 };

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function sendError(res: Response, err: unknown, logger: Logger): void {
  if (err instanceof AppError) {
    const status = HTTP_STATUS[err.code] ?? 500;
    if (status === 401) res.set('WWW-Authenticate', 'Bearer');
    res.status(status).json({ error: { code: err.code, message: err.message, messageEn: err.extensions.messageEn, details: err.extensions.details } });
    return;
  }
  logger.error({ err }, 'statistics export failed');
  res.status(500).json({ error: { code: 'INTERNAL', message: '服务器内部错误', messageEn: 'Internal error' } });
}

async function exportHandler(req: Request, res: Response, deps: StatisticsRouteDeps, format: 'csv' | 'xlsx'): Promise<void> {
  const em = deps.orm.em.fork();
  try {
    const actor = await deps.auth.authenticate(em, req.headers.authorization);
    if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录（Authorization: Bearer <令牌>）', 'Sign in first (Authorization: Bearer <token>)');
    const ctx = await createContext({ em, actor, requestId: String(req.id ?? ''), log: req.log ?? deps.logger, config: deps.config });
    const q = req.query;
    const region = await visibleRegion(ctx, { regionCode: one(q.region), regionId: one(q.regionId) });
    const groupByText = one(q.groupBy);
    if (groupByText && !(groupByText in StatisticsGroupBy)) throw badInput('分组方式无效', 'Invalid groupBy', [{ field: 'groupBy', message: `应为 ${Object.keys(StatisticsGroupBy).join('、')} 之一`, messageEn: 'unknown grouping' }]);
    const groupBy = (groupByText as StatisticsGroupBy | undefined) ?? CHILD_LEVEL[region.level];
    const indicatorsText = one(q.indicators);
    const indicators = indicatorsText ? indicatorsText.split(',').map((s) => s.trim()).filter(Boolean) : INDICATORS.map((i) => i.key);
    const unknown = indicators.filter((i) => !(i in BurdenIndicator));
    if (unknown.length) throw badInput('指标无效', 'Unknown indicators', [{ field: 'indicators', message: `未知指标：${unknown.join('、').slice(0, 200)}`, messageEn: 'unknown indicators' }]);
    let to = one(q.to);
    let from = one(q.from);
    if (!to) to = (await lastRefresh(em))?.to ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    if (!from && /^\d{4}-\d{2}$/.test(to)) from = monthFromIndex(monthIndex(to) - 11);
    const answer = await burdenStatistics(em, {
      region,
      groupBy,
      from: from ?? '',
      to,
      indicators: indicators as BurdenIndicator[],
      monthly: one(q.monthly) === '1' || one(q.monthly) === 'true',
    });
    const table = statisticsTable(answer, one(q.compare) === '1' || one(q.compare) === 'true');
    const name = exportFileName(answer, format);
    res.set({
      'Content-Disposition': `attachment; filename="burden-statistics.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(toCsv(table));
    else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(answer, table));
  } catch (err) {
    sendError(res, err, deps.logger);
  }
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
  router.get('/exports/burden-statistics.csv', (req, res) => exportHandler(req, res, deps, 'csv'));
  router.get('/exports/burden-statistics.xlsx', (req, res) => exportHandler(req, res, deps, 'xlsx'));

  const assets = dashboardAssets();
  let page: Buffer | undefined;
  router.get('/dashboard', (_req, res) => {
    page ??= Buffer.from(dashboardPage((name) => `/dashboard/assets/${name}?v=${assets.get(name)!().version}`), 'utf8');
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': DASHBOARD_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-cache',
    });
    res.send(page);
  });
  router.get('/dashboard/assets/:file', (req, res) => {
    const get = typeof req.params.file === 'string' ? assets.get(req.params.file) : undefined;
    res.set('X-Content-Type-Options', 'nosniff');
    if (!get) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    const asset = get();
    res.set({ 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400', ETag: asset.etag });
    res.send(asset.body);
  });
  app.use(router);
}
