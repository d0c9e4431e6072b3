/**
 * The queue dashboard (bull-board) at /admin/queues, for administrators only, on either
 * queue backend (bull-board 9.10 reads BullMQ's PostgreSQL backend as well as Redis).
 *
 * Authentication, without query-string tokens:
 *  - API clients send `Authorization: Bearer <admin JWT>`;
 *  - a browser first calls `POST /admin/queues/session` with that header (e.g. from the
 *    admin front end); the answer sets a cookie (HttpOnly, SameSite=Strict,
 *    Path=/admin/queues, 15 minutes) holding a session of its own — signed with a key
 *    derived for this purpose only, so it opens the dashboard and nothing else (never
 *    /graphql); it ends with the admin's sessions (password change, revokeAllSessions,
 *    account disabled) and at `DELETE /admin/queues/session`, which revokes it. State-
 *    changing dashboard calls made with the cookie must come from the same origin.
 * When the queue's store (Redis, or PostgreSQL) does not answer, the dashboard's calls
 * answer 503 SERVICE_UNAVAILABLE within seconds instead of hanging.
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
import type { Logger } from 'pino';
import type { AuthService } from '../auth';
import { RevokedToken } from '../auth';
import { Role } from '../kernel/roles';
import type { Actor } from '../kernel/context';
import { AppError } from '../kernel/errors';
import { sendHttpError } from '../kernel/http/routes';
import { serviceUnavailable } from '../kernel/http/availability';
import { QUEUES, type QueueBackend } from '../queue/backend';
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
  /** The backend behind them, pinged before the dashboard's calls. */
  queueBackend?: Pick<QueueBackend, 'ping'>;
  logger?: Pick<Logger, 'error'>;
  /** Mount point, default /admin/queues. */
  basePath?: string;
}

/** How long a successful ping of the queue store is trusted, and how long one may take. */
const PING_FRESH_MS = 5_000;
const PING_TIMEOUT_MS = 3_000;
/** A dashboard call still unanswered after this: the store went away during it → 503. */
const API_TIMEOUT_MS = 10_000;

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

function deny(res: Response, status: 401 | 403, zh: string, en: string, reason: string): void {
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="zhunru-queues"');
  sendHttpError(res, new AppError(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', zh, en, { reason }));
}

/**
 * bull-board answers its own errors as `{ error: { key: "ERRORS.QUEUE_NOT_FOUND", options } }`;
 * they are rewritten into the API's error model (code by status, Chinese message,
 * messageEn, details naming the parameter), like every other route.
 */
function inErrorModel(res: Response): void {
  const json = res.json.bind(res);
  res.json = ((body: unknown) => {
    const e = (body as { error?: { key?: unknown; options?: { field?: unknown } } } | null)?.error;
    if (res.statusCode < 400 || !e || typeof e.key !== 'string') return json(body);
    const key = e.key.replace(/^ERRORS\./, '');
    const field = typeof e.options?.field === 'string' ? e.options.field : undefined;
    const code = res.statusCode === 404 ? 'NOT_FOUND' : res.statusCode >= 500 ? 'INTERNAL' : 'BAD_USER_INPUT';
    const zh = code === 'NOT_FOUND' ? '任务队列看板：未找到' : code === 'INTERNAL' ? '任务队列看板内部错误' : '任务队列看板：请求参数无效';
    return json({
      errors: [
        {
          message: `${zh}（${key}${field ? `：${field}` : ''}）`,
          extensions: {
            code,
            messageEn: `Queue dashboard: ${key.toLowerCase().replace(/_/g, ' ')}${field ? ` (${field})` : ''}`,
            reason: key,
            ...(field ? { details: [{ field, message: '取值无效', messageEn: 'invalid value', constraint: 'queueDashboard' }] } : {}),
          },
        },
      ],
    });
  }) as Response['json'];
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

  // Whether the queue's store answers: a fresh success is trusted for a few seconds.
  let pingedAt = 0;
  const reachable = async (): Promise<boolean> => {
    if (!deps.queueBackend || Date.now() - pingedAt < PING_FRESH_MS) return true;
    try {
      await Promise.race([
        deps.queueBackend.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queue ping timed out')), PING_TIMEOUT_MS).unref()),
      ]);
      pingedAt = Date.now();
      return true;
    } catch {
      return false;
    }
  };

  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  // The cookie exchange: an administrator's Bearer session in, a dashboard-only session out.
  router.post('/session', async (req, res) => {
    try {
      const actor = req.headers.authorization ? await authenticate(req.headers.authorization) : null;
      if (!actor) return deny(res, 401, '请先登录', 'Sign in first', 'NO_CREDENTIALS');
      if (actor.role !== Role.ADMIN || actor.via !== 'jwt') return deny(res, 403, '仅系统管理员可查看任务队列', 'Administrators only', 'ROLE');
      const [user] = await deps.orm.em
        .fork()
        .getConnection()
        .execute<{ id: number; token_version: number }[]>(`select id, token_version from app_user where id = ?`, [actor.userId]);
      const session = await deps.auth.issuePurposeToken({ id: user.id, tokenVersion: user.token_version }, 'queue-dashboard', COOKIE_MAX_AGE_S);
      const secure = req.secure ? '; Secure' : '';
      res.setHeader('Set-Cookie', `${COOKIE}=${session.token}; Max-Age=${COOKIE_MAX_AGE_S}; Path=${basePath}; HttpOnly; SameSite=Strict${secure}`);
      res.status(204).end();
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNAUTHENTICATED') return deny(res, 401, '登录令牌无效', 'Invalid credentials', 'INVALID_TOKEN');
      sendHttpError(res, err, deps.logger);
    }
  });
  router.delete('/session', async (req, res) => {
    // Ends the session for good (its jti is revoked), not only in this browser.
    const token = cookieToken(req);
    if (token) {
      try {
        const { jti, sub, exp } = await deps.auth.verifyPurposeToken(token, 'queue-dashboard');
        const em = deps.orm.em.fork();
        em.create(RevokedToken, { jti, userId: Number(sub), expiresAt: new Date(exp * 1000) });
        await em.flush();
      } catch {
        /* an expired or forged cookie: nothing to revoke */
      }
    }
    res.setHeader('Set-Cookie', `${COOKIE}=; Max-Age=0; Path=${basePath}; HttpOnly; SameSite=Strict`);
    res.status(204).end();
  });

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const fromCookie = !req.headers.authorization ? cookieToken(req) : undefined;
    let actor: Actor | null;
    try {
      if (fromCookie) actor = await deps.auth.authenticatePurpose(deps.orm.em.fork(), fromCookie, 'queue-dashboard');
      else actor = req.zr && !req.zr.authError ? req.zr.actor : req.headers.authorization ? await authenticate(req.headers.authorization) : null;
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNAUTHENTICATED')
        return deny(res, 401, '登录令牌无效或已过期', 'Invalid or expired credentials', 'INVALID_TOKEN');
      return sendHttpError(res, err, deps.logger);
    }
    if (!actor) return deny(res, 401, '请先登录', 'Sign in first', 'NO_CREDENTIALS');
    if (actor.role !== Role.ADMIN) return deny(res, 403, '仅系统管理员可查看任务队列', 'Administrators only', 'ROLE');
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
      if (!sameOrigin) return deny(res, 403, '跨站请求被拒绝', 'Cross-site request refused', 'CROSS_SITE');
    }
    // The page and its static files need no queue; its API calls do — and must not hang when the store goes away mid-call.
    if (req.path.startsWith('/api/')) {
      inErrorModel(res);
      if (!(await reachable())) return sendHttpError(res, serviceUnavailable('queue'), deps.logger);
      const timer = setTimeout(() => {
        pingedAt = 0;
        if (!res.headersSent) sendHttpError(res, serviceUnavailable('queue'), deps.logger);
      }, API_TIMEOUT_MS);
      timer.unref();
      res.once('close', () => clearTimeout(timer));
      res.once('finish', () => clearTimeout(timer));
    }
    next();
  });
  router.use(serverAdapter.getRouter());
  app.use(basePath, router);
}
