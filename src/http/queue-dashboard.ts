/**
 * The queue dashboard (bull-board) at /admin/queues, for administrators only, on either
 * queue backend (bull-board 9.10 reads BullMQ's PostgreSQL backend as well as Redis).
 *
 * Authentication, without query-string tokens:
 *  - API clients send `Authorization: Bearer <admin JWT or API token>`;
 *  - a browser first calls `POST /admin/queues/session` with that header (e.g. from the
 *    admin front end); the answer sets a short-lived cookie (HttpOnly, SameSite=Strict,
 *    Path=/admin/queues, 15 minutes) holding the same JWT, then opens /admin/queues.
 *    `DELETE /admin/queues/session` clears it. State-changing dashboard calls made with the
 *    cookie must come from the same origin.
 * Offline: bull-board's page template links Google Fonts; we serve a copy without that
 * link (the UI falls back to system fonts), and a Content-Security-Policy that allows
 * nothing but this server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuthService } from '../auth';
import { Role } from '../kernel/roles';
import type { Actor } from '../kernel/context';
import { QUEUES } from '../queue/backend';
import type { QueueRegistry } from '../queue/runtime';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'zr_queue_dashboard';
const COOKIE_MAX_AGE_S = 15 * 60;
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export interface QueueDashboardDeps {
  auth: AuthService;
  orm: MikroORM;
  /** The API's queue registry; the dashboard shows every queue in QUEUES. */
  queues: QueueRegistry;
  /** Mount point, default /admin/queues. */
  basePath?: string;
}

let viewsDir: string | undefined;

/** bull-board's page template without the remote font stylesheet, written once per process. */
function offlineViewsPath(): string {
  if (viewsDir && fs.existsSync(path.join(viewsDir, 'index.ejs'))) return viewsDir;
  const uiDir = path.dirname(require.resolve('@bull-board/ui/package.json'));
  const template = fs.readFileSync(path.join(uiDir, 'dist', 'index.ejs'), 'utf8');
  const offline = template.replace(/<link[^>]+href="https?:\/\/[^"]*"[^>]*>\s*/g, '');
  if (/https?:\/\/(?!www\.w3\.org)/.test(offline.replace(/<%[\s\S]*?%>/g, ''))) {
    throw new Error('bull-board template still references a remote resource');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhunru-bull-board-'));
  fs.writeFileSync(path.join(dir, 'index.ejs'), offline);
  viewsDir = dir;
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function cookieToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function deny(res: Response, status: 401 | 403, zh: string, en: string): void {
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="zhunru-queues"');
  res.status(status).json({ error: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: zh, messageEn: en } });
}

/** Mounts the dashboard on `app`; call once, after the API's other routes. */
export function mountQueueDashboard(app: Express, deps: QueueDashboardDeps): void {
  const basePath = deps.basePath ?? QUEUE_DASHBOARD_PATH;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(deps.queues.get(name) as never)),
    serverAdapter,
    options: { uiConfig: { boardTitle: '准入平台任务队列', locale: { lng: 'zh-CN' }, hideDocsLink: true } },
  });
  serverAdapter.setViewsPath(offlineViewsPath());

  const authenticate = async (authorization: string | undefined): Promise<Actor | null> => deps.auth.authenticate(deps.orm.em.fork(), authorization);

  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  // The cookie exchange: Bearer header in, short-lived HttpOnly cookie out.
  router.post('/session', async (req, res) => {
    try {
      const actor = req.headers.authorization ? await authenticate(req.headers.authorization) : null;
      if (!actor) return deny(res, 401, '请先登录', 'Sign in first');
      if (actor.role !== Role.ADMIN) return deny(res, 403, '仅系统管理员可查看任务队列', 'Administrators only');
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization!.trim())![1];
      const secure = req.secure ? '; Secure' : '';
      res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; Max-Age=${COOKIE_MAX_AGE_S}; Path=${basePath}; HttpOnly; SameSite=Strict${secure}`);
      res.status(204).end();
    } catch {
      deny(res, 401, '登录令牌无效', 'Invalid credentials');
    }
  });
  router.delete('/session', (_req, res) => {
    res.setHeader('Set-Cookie', `${COOKIE}=; Max-Age=0; Path=${basePath}; HttpOnly; SameSite=Strict`);
    res.status(204).end();
  });

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const fromCookie = !req.headers.authorization ? cookieToken(req) : undefined;
    const authorization = req.headers.authorization ?? (fromCookie ? `Bearer ${fromCookie}` : undefined);
    let actor: Actor | null;
    try {
      actor = authorization ? await authenticate(authorization) : null;
    } catch {
      return deny(res, 401, '登录令牌无效或已过期', 'Invalid or expired credentials');
    }
    if (!actor) return deny(res, 401, '请先登录', 'Sign in first');
    if (actor.role !== Role.ADMIN) return deny(res, 403, '仅系统管理员可查看任务队列', 'Administrators only');
    if (fromCookie && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      // Cookie-authenticated changes must come from this origin.
      const origin = req.headers.origin ?? req.headers.referer;
      const host = req.headers.host;
      let sameOrigin = false;
      try {
        sameOrigin = !!origin && !!host && new URL(origin).host === host;
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) return deny(res, 403, '跨站请求被拒绝', 'Cross-site request refused');
    }
    next();
  });
  router.use(serverAdapter.getRouter());
  app.use(basePath, router);
}
