import path from 'node:path';

/**
 * Configuration from environment variables, validated once at start-up.
 * Every bad value is reported with its variable name and what was expected;
 * `loadConfig` throws a ConfigError listing all of them at once.
 * `.env.example` lists every variable with its default.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: NodeEnv;
  /** PostgreSQL URL; undefined → embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  /** Redis URL for BullMQ; undefined → BullMQ's PostgreSQL backend on the same database. */
  redisUrl?: string;
  host: string;
  port: number;
  /** Folder for the embedded database and other local state. */
  dataDir: string;
  logLevel: LogLevel;
  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  embeddedPgPort: number;
  dbPoolMax: number;
  /** Apply pending migrations at start (default: on for the embedded database, off otherwise). */
  migrateOnStart: boolean;
  /** Seed the demo county when the database has no regions (default: on for the embedded database). */
  seedOnEmpty: boolean;
  /** HMAC secret for sign-in tokens (JWT HS256). Required in production; persisted under dataDir otherwise. */
  jwtSecret?: string;
  jwtTtlSeconds: number;
  /** Serve the offline GraphiQL IDE at /graphiql. */
  graphiql: boolean;
  workerConcurrency: number;
  shutdownTimeoutMs: number;
  /** Working days an emergency entry (先进后批) has to be approved. */
  emergencyApprovalWorkingDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效 (invalid configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = str(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`${name}="${v}" 应为 ${allowed.join(' | ')} 之一 (must be one of ${allowed.join(', ')})`);
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = str(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}="${v}" 应为 ${min} 到 ${max} 之间的整数 (must be an integer from ${min} to ${max})`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = str(name);
    if (v === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    problems.push(`${name}="${v}" 应为 true 或 false (must be true or false)`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${name} 的协议应为 ${protocols.join(' 或 ')} (protocol must be ${protocols.join(' or ')}), 实际 (got) "${u.protocol}"`);
      } else if (!u.hostname) {
        problems.push(`${name} 缺少主机名 (host is missing)`);
      }
    } catch {
      problems.push(`${name} 不是有效的 URL (is not a valid URL)`);
    }
    return v;
  };

  const nodeEnv = oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const embedded = databaseUrl === undefined;
  const jwtSecret = str('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push('JWT_SECRET 至少 32 个字符 (must be at least 32 characters)');
  }
  if (nodeEnv === 'production' && jwtSecret === undefined) {
    problems.push('生产环境必须设置 JWT_SECRET (JWT_SECRET is required when NODE_ENV=production)');
  }
  const host = str('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-\[\]]+$/.test(host)) problems.push(`HOST="${host}" 不是有效的主机名或地址 (is not a valid host name or address)`);

  const config: Config = {
    nodeEnv,
    databaseUrl,
    redisUrl,
    host,
    port: int('PORT', 4000, 0, 65535),
    dataDir: path.resolve(str('DATA_DIR') ?? 'data'),
    logLevel: oneOf<LogLevel>('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], nodeEnv === 'test' ? 'silent' : 'info'),
    embeddedPgPort: int('EMBEDDED_PG_PORT', 0, 0, 65535),
    dbPoolMax: int('DB_POOL_MAX', 10, 1, 500),
    migrateOnStart: bool('MIGRATE_ON_START', embedded),
    seedOnEmpty: bool('SEED_ON_EMPTY', embedded),
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    graphiql: bool('GRAPHIQL', true),
    workerConcurrency: int('WORKER_CONCURRENCY', 5, 1, 200),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 30_000, 1_000, 600_000),
    emergencyApprovalWorkingDays: int('EMERGENCY_APPROVAL_WORKING_DAYS', 5, 1, 30),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
