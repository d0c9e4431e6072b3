/**
 * Every HTTP route, not only /graphql, under one set of rules (issue 12):
 *
 *  - `requestGuard` (app-level, first): a query string whose names or values hold text
 *    PostgreSQL cannot store, or whose names are prototype keys (`__proto__`,
 *    `constructor`, `prototype`), is refused before any route sees it;
 *  - `rateLimit` (app-level): every request counts against its address and, when it carries
 *    `Authorization: Bearer …`, its account — in the same stores as /graphql
 *    (src/http/rate-limit.ts). The credentials are checked once here and handed on
 *    (`req.zr`), so routes neither check them again nor escape the count. A route that
 *    costs more declares it (`route(…, { cost })`); /graphql charges by the operation's
 *    cost (src/http/limits.ts). Only /healthz and /readyz are not counted (orchestrators
 *    probe them);
 *  - `route()`: a route declares its query parameters with GraphQL input types (scalars,
 *    enums, comma lists of them) and gets them parsed and checked like GraphQL arguments —
 *    unknown or repeated parameters, wrong values, prototype keys as enum values are
 *    `BAD_USER_INPUT` with `details`, HTTP 400;
 *  - `sendHttpError`, `notFoundHandler`, `errorHandler`: the GraphQL error model over plain
 *    HTTP: `{ "errors": [{ "message": "<中文>", "extensions": { "code", "messageEn",
 *    "reason"?, "details"? } }] }` with the status of its code (400, 401, 403, 404, 409,
 *    429 for RATE_LIMITED, 500, 503 for TIMEOUT and SERVICE_UNAVAILABLE);
 *  - `routeTimeout`: a route that has not answered within REQUEST_TIMEOUT_MS answers
 *    503 INTERNAL / TIMEOUT (the GraphQL handler has its own).
 *
 * Routes added later are covered by the app-level parts without doing anything; they get
 * parameter checking by using `route()`.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLScalarType,
  GraphQLString,
  type GraphQLFormattedError,
} from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Actor } from '../context';
import { AppError, badInput, formatError, unauthenticated, type ErrorCode, type FieldProblem } from '../errors';
import { ScalarInputError } from '../scalars';
import { UNSTORABLE_TEXT } from '../text';
import { isServiceUnavailable, serviceUnavailable } from './availability';

/** Who a request is (src/auth's AuthService): the kernel knows the shape, not the module. */
export interface RouteAuthenticator {
  authenticate(em: EntityManager, authorization: string | undefined): Promise<Actor | null>;
}

/** What charges a request's cost against the rate limits (src/http/rate-limit.ts RateLimiter). */
export interface RouteLimiter {
  charge(ip: string | undefined, actor: Actor | null, cost: number): Promise<void>;
}

/** What the app-level middleware hands each route. */
export interface RequestState {
  /** The account behind `Authorization: Bearer …`, when it checked out. */
  actor: Actor | null;
  /** Why the credentials sent did not check out (a 401 for routes that need them). */
  authError: unknown;
  /** The request's EntityManager (the credentials were checked through it). */
  em: EntityManager;
}

declare module 'express-serve-static-core' {
  interface Request {
    zr?: RequestState;
  }
}

/** Paths that are not counted: liveness and readiness probes. */
const UNCOUNTED = new Set(['/healthz', '/readyz']);
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const STATUS: Record<ErrorCode, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INTERNAL: 500 };

/** The status, headers and body of an error in the API's model. */
export function httpErrorOf(
  err: unknown,
  log?: Pick<Logger, 'error'>,
): { status: number; headers: [string, string][]; body: { errors: GraphQLFormattedError[] } } {
  const error = isServiceUnavailable(err) ? serviceUnavailable() : err;
  const formatted = formatError({ message: error instanceof Error ? error.message : String(error) }, error, {
    includeStack: false,
    onInternal: (e) => log?.error({ err: e }, 'internal error in HTTP route'),
  });
  const code = (formatted.extensions?.code ?? 'INTERNAL') as ErrorCode;
  const http = error instanceof GraphQLError ? (error.extensions?.http as { status?: number; headers?: Iterable<[string, string]> } | undefined) : undefined;
  const headers: [string, string][] = http?.headers ? [...http.headers] : [];
  return { status: http?.status ?? STATUS[code] ?? 500, headers, body: { errors: [{ message: formatted.message, extensions: formatted.extensions }] } };
}

/** Answers `err` in the API's error model (see the file comment). */
export function sendHttpError(res: Response, err: unknown, log?: Pick<Logger, 'error'>): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.destroy(); // a body half sent cannot be turned into an error
    return;
  }
  const { status, headers, body } = httpErrorOf(err, log);
  for (const [k, v] of headers) res.setHeader(k, v);
  if (status === 401 && !res.getHeader('www-authenticate')) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function badParameter(details: FieldProblem[]): AppError {
  const e = badInput('请求参数无效', 'Invalid request parameters', details);
  e.extensions.reason = 'BAD_PARAMETER';
  return e;
}

/** The query string as name/value pairs, exactly as sent (URLSearchParams decoding). */
function queryPairs(req: Request): [string, string][] {
  const url = req.originalUrl ?? req.url ?? '';
  const at = url.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(url.slice(at + 1))];
}

/**
 * App-level, first: text PostgreSQL cannot store (in the path, a parameter's name or
 * value) → 400 INVALID_TEXT; a prototype key as a parameter name, or more than 100
 * parameters → 400 BAD_PARAMETER.
 */
export function requestGuard(log?: Pick<Logger, 'error'>): RequestHandler {
  return (req, res, next) => {
    let path = req.path;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      /* a malformed escape stays as it is: it names no route */
    }
    const pairs = queryPairs(req);
    const text = [path, ...pairs.flat()].find((s) => UNSTORABLE_TEXT.test(s));
    if (text !== undefined) {
      return sendHttpError(
        res,
        new AppError('BAD_USER_INPUT', '请求中含有空字符（\\0）或不成对的代理字符', 'The request holds a NUL character or an unpaired surrogate', {
          reason: 'INVALID_TEXT',
        }),
        log,
      );
    }
    const proto = pairs.find(([k]) => PROTOTYPE_KEYS.has(k) || /(^|\[)(__proto__|constructor|prototype)(\]|$)/.test(k));
    if (proto)
      return sendHttpError(
        res,
        badParameter([{ field: proto[0], message: '不允许的参数名', messageEn: 'parameter name not allowed', constraint: 'name' }]),
        log,
      );
    if (pairs.length > 100)
      return sendHttpError(
        res,
        badParameter([{ field: '(query)', message: '参数过多（最多 100 个）', messageEn: 'too many parameters (at most 100)', constraint: 'maxParameters' }]),
        log,
      );
    next();
  };
}

export interface RateLimitMiddlewareDeps {
  auth: RouteAuthenticator;
  orm: MikroORM;
  limiter: RouteLimiter;
  log?: Pick<Logger, 'error'>;
}

/**
 * App-level: checks the Bearer credentials a request carries (if any) and counts the
 * request against its address and account — one unit, in one round trip. Credentials that
 * do not check out still count against the address; the route decides whether it needed
 * them. Over a limit: 429 FORBIDDEN / RATE_LIMITED with Retry-After. A database that is
 * down answers 503 SERVICE_UNAVAILABLE (src/http/availability.ts).
 */
export function rateLimit(deps: RateLimitMiddlewareDeps): RequestHandler {
  return async (req, res, next) => {
    if (UNCOUNTED.has(req.path)) return next();
    const em = deps.orm.em.fork();
    let actor: Actor | null = null;
    let authError: unknown = null;
    const authorization = req.headers.authorization;
    if (authorization) {
      try {
        actor = await deps.auth.authenticate(em, authorization);
      } catch (err) {
        authError = err;
      }
    }
    try {
      await deps.limiter.charge(req.ip, actor, 1);
    } catch (err) {
      return sendHttpError(res, err, deps.log);
    }
    if (authError && isServiceUnavailable(authError)) return sendHttpError(res, authError, deps.log);
    req.zr = { actor, authError, em };
    next();
  };
}

// ---------------------------------------------------------------------------------------
// Declared parameters
// ---------------------------------------------------------------------------------------

type Leaf = GraphQLScalarType | GraphQLEnumType;

export interface ParamSpec {
  /** A GraphQL scalar or enum; `list: true` for a comma-separated list of them. */
  type: Leaf;
  list?: boolean;
  required?: boolean;
  /** For strings: longest accepted value (default 200) and a pattern it must match. */
  maxLength?: number;
  pattern?: RegExp;
  /** What the parameter is, for the error message (Chinese). */
  label: string;
}

export type ParamValues<S extends Record<string, ParamSpec>> = { [K in keyof S]?: unknown };

function parseLeaf(type: Leaf, raw: string, spec: ParamSpec): unknown {
  if (type instanceof GraphQLEnumType) return type.parseValue(raw);
  if (type === GraphQLString || type === GraphQLID) {
    if (raw.length > (spec.maxLength ?? 200)) throw new Error(`at most ${spec.maxLength ?? 200} characters`);
    if (spec.pattern && !spec.pattern.test(raw)) throw new Error('wrong format');
    return raw;
  }
  if (type === GraphQLInt) {
    if (!/^-?\d{1,10}$/.test(raw)) throw new Error('not an integer');
    return GraphQLInt.parseValue(Number(raw));
  }
  if (type === GraphQLFloat) {
    if (!/^-?\d{1,15}(\.\d{1,15})?$/.test(raw)) throw new Error('not a number');
    return Number(raw);
  }
  if (type === GraphQLBoolean) {
    if (/^(1|true)$/i.test(raw)) return true;
    if (/^(0|false)$/i.test(raw)) return false;
    throw new Error('expected 1, 0, true or false');
  }
  return type.parseValue(raw);
}

/**
 * Reads the declared parameters of a request, like GraphQL arguments: every problem at
 * once, as BAD_USER_INPUT / BAD_PARAMETER with one detail per parameter.
 */
export function readParams<S extends Record<string, ParamSpec>>(req: Request, spec: S): ParamValues<S> {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, string[]>();
  for (const [k, v] of queryPairs(req)) seen.set(k, [...(seen.get(k) ?? []), v]);
  const out = Object.create(null) as Record<string, unknown>;
  for (const [name, values] of seen) {
    if (!Object.prototype.hasOwnProperty.call(spec, name)) {
      problems.push({
        field: name.slice(0, 64),
        message: `未知参数（可用：${Object.keys(spec).join('、') || '无'}）`,
        messageEn: `unknown parameter (known: ${Object.keys(spec).join(', ') || 'none'})`,
        constraint: 'unknown',
      });
    } else if (values.length > 1) {
      problems.push({ field: name, message: '参数重复', messageEn: 'given more than once', constraint: 'repeated' });
    }
  }
  for (const [name, p] of Object.entries(spec)) {
    const raw = seen.get(name)?.[0];
    if (raw === undefined || raw === '') {
      if (p.required) problems.push({ field: name, message: `缺少${p.label}`, messageEn: 'required', constraint: 'required' });
      continue;
    }
    const parts = p.list
      ? raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [raw];
    if (p.list && parts.length > 100) {
      problems.push({ field: name, message: `${p.label}过多（最多 100 项）`, messageEn: 'at most 100 items', constraint: 'arrayMaxSize' });
      continue;
    }
    try {
      const parsed = parts.map((part) => parseLeaf(p.type, part, p));
      out[name] = p.list ? parsed : parsed[0];
    } catch (err) {
      const en = err instanceof ScalarInputError ? err.messageEn : err instanceof Error ? err.message.replace(/\s*Did you mean[^?]*\?/, '') : String(err);
      const zh =
        err instanceof ScalarInputError
          ? err.messageZh
          : p.type instanceof GraphQLEnumType
            ? `${p.label}无效，应为 ${p.type
                .getValues()
                .map((v) => v.name)
                .join('、')} 之一`
            : `${p.label}无效`;
      problems.push({
        field: name,
        message: zh,
        messageEn: en.slice(0, 300),
        constraint: err instanceof ScalarInputError ? err.constraint : p.type instanceof GraphQLEnumType ? 'isEnum' : 'format',
      });
    }
  }
  if (problems.length) throw badParameter(problems);
  return out;
}

// ---------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------

export interface RouteSpec<S extends Record<string, ParamSpec>> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** Query parameters; anything else is refused. */
  params: S;
  /** Requests' worth this route is charged in the rate limits (default 1, counted by the app-level middleware). */
  cost?: number;
  /** Whether the caller must be signed in (Bearer). */
  auth: 'required' | 'optional';
}

export interface RouteContext<S extends Record<string, ParamSpec>> {
  params: ParamValues<S>;
  actor: Actor | null;
  em: EntityManager;
}

export interface DeclaredRoute {
  method: string;
  path: string;
  params: Record<string, ParamSpec>;
  cost: number;
  auth: 'required' | 'optional';
}

/** Every route declared through `route()`, for documentation and the HTTP fuzz test. */
export const DECLARED_ROUTES: DeclaredRoute[] = [];

/**
 * Mounts a route whose parameters, credentials and cost are checked before `handler`
 * runs; errors thrown by `handler` are answered in the error model.
 */
export function route<S extends Record<string, ParamSpec>>(
  router: Router,
  spec: RouteSpec<S>,
  deps: { limiter: RouteLimiter; orm: MikroORM; log?: Pick<Logger, 'error'> },
  handler: (req: Request, res: Response, ctx: RouteContext<S>) => Promise<void> | void,
): void {
  const cost = Math.max(1, spec.cost ?? 1);
  DECLARED_ROUTES.push({ method: spec.method.toUpperCase(), path: spec.path, params: spec.params, cost, auth: spec.auth });
  router[spec.method](spec.path, async (req: Request, res: Response) => {
    try {
      const state = req.zr ?? { actor: null, authError: null, em: deps.orm.em.fork() };
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the credential check's own error (an AppError), kept for the route to throw
      if (state.authError) throw state.authError;
      if (spec.auth === 'required' && !state.actor)
        throw unauthenticated('请先登录（Authorization: Bearer <令牌>）', 'Sign in first (Authorization: Bearer <token>)');
      if (cost > 1) await deps.limiter.charge(req.ip, state.actor, cost - 1);
      const params = readParams(req, spec.params);
      await handler(req, res, { params, actor: state.actor, em: state.em });
    } catch (err) {
      sendHttpError(res, err, deps.log);
    }
  });
}

/** The last route: anything not matched is 404 in the error model. */
export function notFoundHandler(): RequestHandler {
  return (req, res) =>
    sendHttpError(
      res,
      new AppError('NOT_FOUND', `未找到：${req.method} ${req.path.slice(0, 100)}`, `Not found: ${req.method} ${req.path.slice(0, 100)}`, {
        reason: 'NO_ROUTE',
      }),
    );
}

/** The last error handler: whatever a route threw or passed on, in the error model (a body parser's 4xx as BAD_USER_INPUT). */
export function errorHandler(log?: Pick<Logger, 'error'>) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { status?: number; statusCode?: number; type?: string; expose?: boolean };
    const status = e?.status ?? e?.statusCode;
    if (!(err instanceof GraphQLError) && typeof status === 'number' && status >= 400 && status < 500) {
      return sendHttpError(
        res,
        new AppError('BAD_USER_INPUT', '请求格式不正确', e.type ? `Malformed request (${e.type})` : 'Malformed request', {
          reason: 'BAD_REQUEST',
          http: { status },
        }),
        log,
      );
    }
    sendHttpError(res, err, log);
  };
}

/**
 * A route that has not answered within `ms` answers 503 INTERNAL / TIMEOUT; what it
 * writes later is dropped. /graphql has its own (withRequestTimeout in src/http/limits.ts).
 */
export function routeTimeout(ms: number, skip: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    if (skip(req)) return next();
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.setHeader('Retry-After', '5');
      sendHttpError(
        res,
        new AppError('INTERNAL', `请求超时（超过 ${ms} 毫秒），请稍后重试`, `Request timed out after ${ms} ms`, { reason: 'TIMEOUT', http: { status: 503 } }),
      );
    }, ms);
    timer.unref();
    const done = () => clearTimeout(timer);
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
