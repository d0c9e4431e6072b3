/**
 * Which platform adapter the sync workers use, from the environment:
 *
 *   PLATFORM_BASE_URL             the platform's base URL; unset → sync jobs log and skip
 *   PLATFORM_APP_KEY              app key (required with PLATFORM_BASE_URL)
 *   PLATFORM_APP_SECRET           HMAC secret (required with PLATFORM_BASE_URL, ≥ 16 characters)
 *   PLATFORM_TIMEOUT_MS           per-request timeout, default 10000
 *   PLATFORM_MAX_RETRIES          adapter retries per request (5xx, 429, timeouts), default 4
 *   PLATFORM_REQUESTS_PER_SECOND  requests per second toward the platform, per process, default 20
 *
 * Same validation style as src/config.ts: every problem reported at once, in Chinese
 * with English, as a ConfigError.
 */
import { ConfigError } from '../../config';
import { HttpPlatformAdapter } from '../../../integrations/platform/http-adapter';
import type { ListOptions, PlatformAdapter, PlatformAdmissionPush } from '../../../integrations/platform/types';

export interface PlatformSettings {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  timeoutMs: number;
  maxRetries: number;
  requestsPerSecond: number;
}

type Env = Record<string, string | undefined>;

/** The platform settings, or null when PLATFORM_BASE_URL is unset. Throws ConfigError on bad values. */
export function platformSettingsFromEnv(env: Env = process.env): PlatformSettings | null {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
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
  const baseUrl = str('PLATFORM_BASE_URL');
  if (baseUrl === undefined) return null;
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      problems.push(`PLATFORM_BASE_URL 的协议应为 http: 或 https: (protocol must be http: or https:), 实际 (got) "${u.protocol}"`);
    } else if (!u.hostname) {
      problems.push('PLATFORM_BASE_URL 缺少主机名 (host is missing)');
    }
  } catch {
    problems.push('PLATFORM_BASE_URL 不是有效的 URL (is not a valid URL)');
  }
  const appKey = str('PLATFORM_APP_KEY');
  const appSecret = str('PLATFORM_APP_SECRET');
  if (appKey === undefined) problems.push('设置 PLATFORM_BASE_URL 时必须设置 PLATFORM_APP_KEY (PLATFORM_APP_KEY is required with PLATFORM_BASE_URL)');
  if (appSecret === undefined) problems.push('设置 PLATFORM_BASE_URL 时必须设置 PLATFORM_APP_SECRET (PLATFORM_APP_SECRET is required with PLATFORM_BASE_URL)');
  else if (appSecret.length < 16) problems.push('PLATFORM_APP_SECRET 至少 16 个字符 (must be at least 16 characters)');
  const settings: PlatformSettings = {
    baseUrl,
    appKey: appKey ?? '',
    appSecret: appSecret ?? '',
    timeoutMs: int('PLATFORM_TIMEOUT_MS', 10_000, 100, 300_000),
    maxRetries: int('PLATFORM_MAX_RETRIES', 4, 0, 20),
    requestsPerSecond: int('PLATFORM_REQUESTS_PER_SECOND', 20, 1, 1000),
  };
  if (problems.length) throw new ConfigError(problems);
  return settings;
}

/**
 * Spaces the adapter's calls at least 1/rate seconds apart (per adapter instance), so a
 * worker never floods the platform; the adapter's own retries honour 429 Retry-After.
 */
export class RateLimitedAdapter implements PlatformAdapter {
  private next = 0;
  private readonly interval: number;

  constructor(
    private readonly inner: PlatformAdapter,
    requestsPerSecond: number,
  ) {
    this.interval = 1000 / requestsPerSecond;
  }

  private async slot(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.interval;
    const wait = at - now;
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, wait);
      const onAbort = () => {
        clearTimeout(timer);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason is passed on as the caller gave it
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async listBusinessApps(opts: ListOptions) {
    await this.slot(opts.signal);
    return this.inner.listBusinessApps(opts);
  }

  async listTerminals(opts: ListOptions) {
    await this.slot(opts.signal);
    return this.inner.listTerminals(opts);
  }

  async listCollectedValues(opts: ListOptions) {
    await this.slot(opts.signal);
    return this.inner.listCollectedValues(opts);
  }

  async pushAdmission(item: PlatformAdmissionPush, opts?: { signal?: AbortSignal }) {
    await this.slot(opts?.signal);
    return this.inner.pushAdmission(item, opts);
  }
}

/** A rate-limited HTTP adapter from settings. */
export function createPlatformAdapter(settings: PlatformSettings): PlatformAdapter {
  const http = new HttpPlatformAdapter({
    baseUrl: settings.baseUrl,
    appKey: settings.appKey,
    appSecret: settings.appSecret,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
  return new RateLimitedAdapter(http, settings.requestsPerSecond);
}

/** The adapter the sync workers use, or null when PLATFORM_BASE_URL is unset. Throws ConfigError on bad values. */
export function platformAdapterFromEnv(env: Env = process.env): PlatformAdapter | null {
  const settings = platformSettingsFromEnv(env);
  return settings ? createPlatformAdapter(settings) : null;
}
