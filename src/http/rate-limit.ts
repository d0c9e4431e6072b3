import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { HeaderMap } from '@apollo/server';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Actor } from '../kernel/context';
import { AppError } from '../kernel/errors';

/**
 * Per-client-address and per-account rate limits, shared by every API process: a fixed
 * window counter in Redis when REDIS_URL is set, otherwise in PostgreSQL (an UNLOGGED
 * table: counters are worth nothing after a crash, so they skip the WAL).
 *
 * Over the limit: HTTP 429 with `Retry-After`, `extensions.code` FORBIDDEN (the request
 * is refused for now; nothing is wrong with it) and `extensions.reason` RATE_LIMITED.
 * Storage failures let the request through (logged): a broken counter must not take the
 * API down.
 */
@Entity({ tableName: 'rate_limit_counter' })
export class RateLimitCounter {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @PrimaryKey({ type: 'timestamptz' })
  windowStart!: Date;

  @Property({ type: 'integer', default: 0 })
  count: number = 0;
}

export interface RateLimitStore {
  /** Adds `by` (default 1) to each key in the window starting at `windowStart` (epoch seconds); returns the new counts. */
  hit(keys: string[], windowStart: number, windowSeconds: number, by?: number): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * Counters in PostgreSQL, through a small pool of their own: counting must neither wait
 * for nor hold the connections the requests' data access needs.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private cleanedBefore = 0;
  private readonly pool: pg.Pool;

  constructor(url: string, poolMax = 2) {
    this.pool = new pg.Pool({ connectionString: url, max: poolMax, idleTimeoutMillis: 30_000, application_name: 'zhunru-rate-limit' });
    this.pool.on('error', () => undefined); // an idle connection dropped: the next hit reconnects
  }

  async hit(keys: string[], windowStart: number, windowSeconds: number, by = 1): Promise<number[]> {
    const { rows } = await this.pool.query<{ key: string; count: number }>(
      `insert into rate_limit_counter (key, window_start, count)
       select k, to_timestamp($1), $3::int from unnest($2::text[]) as k
       on conflict (key, window_start) do update set count = rate_limit_counter.count + excluded.count
       returning key, count`,
      [windowStart, keys, by],
    );
    // Each process removes the windows before the previous one when a new window starts.
    if (windowStart > this.cleanedBefore) {
      this.cleanedBefore = windowStart;
      this.pool.query(`delete from rate_limit_counter where window_start < to_timestamp($1)`, [windowStart - windowSeconds]).catch(() => undefined);
    }
    const byKey = new Map(rows.map((r) => [r.key, Number(r.count)]));
    return keys.map((k) => byKey.get(k) ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  /** `namespace` keeps deployments (and test databases) sharing one Redis apart. */
  constructor(
    url: string,
    private readonly namespace: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableReadyCheck: false, lazyConnect: false, connectionName: 'zhunru-rate-limit' });
    this.redis.on('error', () => undefined); // reported through hit()'s rejections
  }

  async hit(keys: string[], windowStart: number, windowSeconds: number, by = 1): Promise<number[]> {
    const multi = this.redis.multi();
    for (const k of keys) {
      const key = `zhunru:rl:${this.namespace}:${k}:${windowStart}`;
      multi.incrby(key, by).expire(key, windowSeconds * 2);
    }
    const results = (await multi.exec()) ?? [];
    return keys.map((_, i) => {
      const [err, value] = results[i * 2] ?? [new Error('no reply'), null];
      if (err) throw err;
      return Number(value);
    });
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}

export interface RateLimits {
  windowSeconds: number;
  /** 0: no limit. */
  perIp: number;
  perAccount: number;
}

export function rateLimitsFromConfig(config: Config): RateLimits {
  return { windowSeconds: config.rateLimitWindowSeconds, perIp: config.rateLimitPerIp, perAccount: config.rateLimitPerAccount };
}

export function rateLimited(retryAfterSeconds: number, scope: 'ip' | 'account', limit: number, windowSeconds: number): AppError {
  const who = scope === 'ip' ? '该地址' : '该账号';
  const whoEn = scope === 'ip' ? 'this address' : 'this account';
  return new AppError(
    'FORBIDDEN',
    `请求过于频繁：${who}每 ${windowSeconds} 秒最多 ${limit} 次，请 ${retryAfterSeconds} 秒后重试`,
    `Too many requests from ${whoEn}: at most ${limit} per ${windowSeconds} s; retry in ${retryAfterSeconds} s`,
    {
      reason: 'RATE_LIMITED',
      scope,
      limit,
      windowSeconds,
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  );
}

export class RateLimiter {
  private lastStoreError = 0;

  constructor(
    private readonly store: RateLimitStore,
    private readonly limits: RateLimits,
    private readonly log?: Pick<Logger, 'error'>,
  ) {}

  get enabled(): boolean {
    return this.limits.perIp > 0 || this.limits.perAccount > 0;
  }

  /**
   * Counts one request of `ip` and, once `authenticate` has said who it is, of the
   * account — in one round trip. A request whose credentials fail still counts against
   * its address. Throws RATE_LIMITED (429) when a limit is passed.
   */
  async guard(ip: string | undefined, authenticate: () => Promise<Actor | null>): Promise<Actor | null> {
    let actor: Actor | null;
    try {
      actor = await authenticate();
    } catch (err) {
      await this.charge(ip, null, 1);
      throw err;
    }
    await this.charge(ip, actor, 1);
    return actor;
  }

  /**
   * Charges `units` requests' worth to the address and (when known) the account, in one
   * round trip: an ordinary request is 1, an expensive one more (see src/http/limits.ts,
   * `rateUnits`). Throws RATE_LIMITED (429) when this takes a counter past its limit.
   */
  async charge(ip: string | undefined, actor: Pick<Actor, 'userId'> | null, units = 1, scopes: ('ip' | 'account')[] = ['ip', 'account']): Promise<void> {
    const by = Math.max(1, Math.min(Math.ceil(units), 1_000_000));
    const checks: { key: string; limit: number; scope: 'ip' | 'account' }[] = [];
    if (this.limits.perIp > 0 && ip && scopes.includes('ip')) checks.push({ key: `ip:${ip}`, limit: this.limits.perIp, scope: 'ip' });
    if (this.limits.perAccount > 0 && actor && scopes.includes('account'))
      checks.push({ key: `user:${actor.userId}`, limit: this.limits.perAccount, scope: 'account' });
    if (!checks.length) return;
    const window = this.limits.windowSeconds;
    const nowSeconds = Date.now() / 1000;
    const windowStart = Math.floor(nowSeconds / window) * window;
    let counts: number[];
    try {
      counts = await this.store.hit(
        checks.map((c) => c.key),
        windowStart,
        window,
        by,
      );
    } catch (err) {
      if (Date.now() - this.lastStoreError > 60_000) {
        this.lastStoreError = Date.now();
        this.log?.error({ err }, 'rate limit store unavailable; requests are let through');
      }
      return;
    }
    const over = checks.findIndex((c, i) => counts[i] > c.limit);
    if (over >= 0) {
      const retryAfter = Math.max(1, Math.ceil(windowStart + window - nowSeconds));
      throw rateLimited(retryAfter, checks[over].scope, checks[over].limit, window);
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** The limiter for an API process: Redis when configured, else PostgreSQL. */
export function createRateLimiter(config: Config, orm: MikroORM, log?: Pick<Logger, 'error'>): RateLimiter {
  const limits = rateLimitsFromConfig(config);
  const namespace = String(orm.config.get('dbName') ?? 'zhunru');
  const off = limits.perIp <= 0 && limits.perAccount <= 0;
  const store: RateLimitStore = off
    ? { hit: async (keys) => keys.map(() => 0), close: async () => undefined }
    : config.redisUrl
      ? new RedisRateLimitStore(config.redisUrl, namespace)
      : new PostgresRateLimitStore(String(orm.config.get('clientUrl')));
  return new RateLimiter(store, limits, log);
}
