import path from 'node:path';
import { Role } from './kernel/roles';

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
  /**
   * 事费配套: the least funding per community-hour of estimated burden, in yuan; an
   * application below it gets FUNDING_INSUFFICIENT. 0 turns the check off.
   */
  fundingFloorYuanPerHour: number;

  // Security / 安全 (issue 7: operation limits, rate limits, sign-in, document signatures)
  /** Deepest field nesting an operation may have (introspection fields not counted). */
  graphqlMaxDepth: number;
  /** Aliases an operation may use (fragments expanded). */
  graphqlMaxAliases: number;
  /** Lexical tokens a GraphQL document may have (checked while parsing). */
  graphqlMaxTokens: number;
  /** Directives an operation may use (fragments expanded). */
  graphqlMaxDirectives: number;
  /** Estimated cost an operation may have: fields × page sizes of the lists they sit in. */
  graphqlMaxCost: number;
  /** Pairs of same-named fields validation may have to compare (repeated fields and fragments). */
  graphqlMaxFieldMerges: number;
  /** Answer introspection queries (off by default in production). */
  graphqlIntrospection: boolean;
  /** Keep "Did you mean …?" suggestions in validation messages (off by default in production). */
  graphqlFieldSuggestions: boolean;
  /** Largest accepted JSON request body, in bytes. */
  requestBodyLimitBytes: number;
  /** A GraphQL request taking longer is answered with INTERNAL / TIMEOUT and its remaining fields are not resolved. */
  requestTimeoutMs: number;
  /** Length of a rate-limit window, in seconds. */
  rateLimitWindowSeconds: number;
  /** GraphQL requests one client address may send per window; 0 turns the limit off. */
  rateLimitPerIp: number;
  /** GraphQL requests one account may send per window; 0 turns the limit off. */
  rateLimitPerAccount: number;
  /** Shortest password accepted when a password is set. */
  passwordMinLength: number;
  /** Failed sign-ins of one username, within the failure window, that lock the account. */
  signInMaxFailures: number;
  signInFailureWindowSeconds: number;
  /** How long a locked account stays locked. */
  signInLockoutSeconds: number;
  /** Folder of the counties' SM2 private keys for approval documents (`<keyId>.pem`); default `<DATA_DIR>/document-keys`. */
  documentKeysDir: string;
  /** Create a county's signing key on first use (default: on, except in production, where keys are provisioned). */
  documentKeysCreate: boolean;

  // Security, issue 12: cost-charged rate limits, metrics protection, second factor, idle sessions
  /** Estimated cost that counts as one request in the rate limits (a request costing more counts cost / this (rounded)). */
  rateLimitCostPerRequest: number;
  /** Bearer token that /metrics requires on the API's port; unset → /metrics is refused there. */
  metricsToken?: string;
  /** A separate listener serving only /metrics (no token needed unless METRICS_TOKEN is set); 0 → none. */
  metricsPort: number;
  /** Where that listener binds (default loopback). */
  metricsHost: string;
  /** Roles that must sign in with a second factor (TOTP); they enrol at their next sign-in. */
  totpRequiredRoles: string[];
  /** Issuer shown in authenticator apps. */
  totpIssuer: string;
  /** Key that encrypts TOTP secrets at rest (AES-256-GCM); unset → derived from the JWT secret. */
  mfaEncryptionKey?: string;
  /** A sign-in session unused for this long ends (等保: idle timeout); 0 → never. */
  sessionIdleTimeoutSeconds: number;
}

/** Roles that sign in with a password (and so may be asked for a second factor): every role but the service accounts'. */
const PASSWORD_ROLES: string[] = Object.values(Role).filter((r) => r !== Role.INTEGRATION);

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
  const production = nodeEnv === 'production';
  const metricsToken = str('METRICS_TOKEN');
  if (metricsToken !== undefined && (metricsToken.length < 32 || !/^[\x21-\x7e]+$/.test(metricsToken))) {
    problems.push('METRICS_TOKEN 至少 32 个可打印 ASCII 字符 (must be at least 32 printable ASCII characters)');
  }
  const mfaEncryptionKey = str('MFA_ENCRYPTION_KEY');
  if (mfaEncryptionKey !== undefined && mfaEncryptionKey.length < 32) problems.push('MFA_ENCRYPTION_KEY 至少 32 个字符 (must be at least 32 characters)');
  const rolesText = str('TOTP_REQUIRED_ROLES');
  // 等保 level 3: administrators and reviewers sign in with two factors in production.
  const totpRequiredRoles: string[] =
    rolesText === undefined
      ? production
        ? [Role.ADMIN, Role.REVIEWER]
        : []
      : rolesText.toLowerCase() === 'none'
        ? []
        : rolesText
            .split(',')
            .map((r) => r.trim().toUpperCase())
            .filter(Boolean);
  for (const r of totpRequiredRoles) {
    if (!PASSWORD_ROLES.includes(r))
      problems.push(
        `TOTP_REQUIRED_ROLES 中的 "${r}" 不是以密码登录的角色 (is not a role that signs in with a password): ${PASSWORD_ROLES.join(', ')}, or none`,
      );
  }
  const metricsHost = str('METRICS_HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(metricsHost)) problems.push(`METRICS_HOST="${metricsHost}" 不是有效的主机名或地址 (is not a valid host name or address)`);
  const host = str('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) problems.push(`HOST="${host}" 不是有效的主机名或地址 (is not a valid host name or address)`);

  const dataDir = path.resolve(str('DATA_DIR') ?? 'data');
  const config: Config = {
    nodeEnv,
    databaseUrl,
    redisUrl,
    host,
    port: int('PORT', 4000, 0, 65535),
    dataDir,
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
    fundingFloorYuanPerHour: int('FUNDING_FLOOR_YUAN_PER_HOUR', 20, 0, 10_000),
    graphqlMaxDepth: int('GRAPHQL_MAX_DEPTH', 12, 2, 100),
    graphqlMaxAliases: int('GRAPHQL_MAX_ALIASES', 30, 0, 1000),
    graphqlMaxTokens: int('GRAPHQL_MAX_TOKENS', 1000, 100, 100_000),
    graphqlMaxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 20, 0, 1000),
    graphqlMaxCost: int('GRAPHQL_MAX_COST', 20_000, 10, 10_000_000),
    graphqlMaxFieldMerges: int('GRAPHQL_MAX_FIELD_MERGES', 2000, 10, 10_000_000),
    graphqlIntrospection: bool('GRAPHQL_INTROSPECTION', !production),
    graphqlFieldSuggestions: bool('GRAPHQL_FIELD_SUGGESTIONS', !production),
    requestBodyLimitBytes: int('REQUEST_BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    rateLimitWindowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600),
    rateLimitPerIp: int('RATE_LIMIT_PER_IP', 1200, 0, 10_000_000),
    rateLimitPerAccount: int('RATE_LIMIT_PER_ACCOUNT', 600, 0, 10_000_000),
    passwordMinLength: int('PASSWORD_MIN_LENGTH', 10, 8, 64),
    signInMaxFailures: int('SIGNIN_MAX_FAILURES', 5, 1, 100),
    signInFailureWindowSeconds: int('SIGNIN_FAILURE_WINDOW_SECONDS', 900, 10, 86_400),
    signInLockoutSeconds: int('SIGNIN_LOCKOUT_SECONDS', 900, 1, 86_400),
    documentKeysDir: path.resolve(str('DOCUMENT_KEYS_DIR') ?? path.join(dataDir, 'document-keys')),
    documentKeysCreate: bool('DOCUMENT_KEYS_CREATE', !production),
    rateLimitCostPerRequest: int('RATE_LIMIT_COST_PER_REQUEST', 1000, 1, 10_000_000),
    metricsToken,
    metricsPort: int('METRICS_PORT', 0, 0, 65535),
    metricsHost,
    totpRequiredRoles,
    totpIssuer: str('TOTP_ISSUER') ?? '准入平台',
    mfaEncryptionKey,
    sessionIdleTimeoutSeconds: int('SESSION_IDLE_TIMEOUT_SECONDS', 1800, 0, 7 * 86_400),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
