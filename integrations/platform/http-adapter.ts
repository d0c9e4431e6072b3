/**
 * The HTTP adapter for the one-stop platform's contract (openapi.yaml): signs every
 * request, bounds it with a timeout, retries what can be retried, and validates every
 * record before anyone sees it.
 *
 * - Each attempt is signed anew (fresh timestamp and nonce: the platform accepts a nonce once).
 * - Timeout per attempt via AbortSignal, combined with the caller's signal.
 * - Retried: network errors, timeouts, 5xx, 429 and malformed pages (not JSON, no items
 *   array), up to `maxRetries` times; the delay is the platform's Retry-After (seconds or
 *   an HTTP date) when given, exponential backoff with jitter otherwise. A Retry-After
 *   longer than `maxRetryAfterMs` is not waited for: the error is thrown at once (still
 *   `retryable`) so that the caller can reschedule instead of blocking a worker.
 * - Never retried: 4xx other than 429 (401/403 → PlatformAuthError).
 * - Records are validated one by one: a malformed one lands in `rejected` with its reason
 *   and never in `items`. The adapter does not deduplicate or reorder: a page is returned
 *   as the platform sent it (the consumer upserts idempotently by externalId).
 * - Pushes are idempotent on documentNumber on the platform side, so they are retried too.
 */
import {
  PlatformAbortedError,
  PlatformArgumentError,
  PlatformAuthError,
  PlatformError,
  PlatformHttpError,
  PlatformNetworkError,
  PlatformProtocolError,
  PlatformRateLimitError,
  PlatformTimeoutError,
} from './errors';
import { signRequest } from './signing';
import type {
  ListOptions,
  PlatformAdapter,
  PlatformAdmissionPush,
  PlatformBusinessApp,
  PlatformCollectedValue,
  PlatformTerminal,
  RejectedRecord,
  ValidatedPage,
} from './types';
import { COMMUNITY_CODE, parseIsoTime, validateBusinessApp, validateCollectedValue, validateTerminal, type Validated } from './validation';

export * from './errors';

export const MAX_PAGE_SIZE = 1000;
/** Most community codes one listing request may filter on (keeps the URL well under 16 KB). */
export const MAX_COMMUNITY_CODES = 500;
export const MAX_CURSOR_LENGTH = 2048;

export interface HttpPlatformAdapterOptions {
  /** e.g. `http://127.0.0.1:4100` or `https://gateway.example.gov.cn/zwfw`; paths are appended. */
  baseUrl: string;
  appKey: string;
  appSecret: string;
  /** Per attempt, including reading the body. Default 10 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** First backoff delay; doubles per retry, with jitter. Default 500 ms. */
  backoffBaseMs?: number;
  /** Cap of one backoff delay. Default 30 000 ms. */
  backoffMaxMs?: number;
  /** Longest Retry-After the adapter waits for itself. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Added to the local clock when signing, to compensate a known skew against the platform. Default 0. */
  clockOffsetMs?: number;
  /** Called before each retry (for logs and metrics). */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  method: string;
  path: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  error: PlatformError;
}

/** Counters since the adapter was created (for SyncRun bookkeeping and benchmarks). */
export interface AdapterCounters {
  requests: number;
  retries: number;
  failures: number;
}

type RecordValidator<T> = (raw: unknown) => Validated<T>;

export class HttpPlatformAdapter implements PlatformAdapter {
  readonly counters: AdapterCounters = { requests: 0, retries: 0, failures: 0 };
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: HttpPlatformAdapterOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new PlatformArgumentError(`平台地址无效: ${options.baseUrl}`, `invalid platform base URL: ${options.baseUrl}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new PlatformArgumentError('平台地址应为 http 或 https', 'platform base URL must be http or https');
    }
    if (!options.appKey || !options.appSecret) throw new PlatformArgumentError('缺少 appKey 或 appSecret', 'appKey and appSecret are required');
    this.baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRetries ?? 4;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  }

  listBusinessApps(opts: ListOptions = {}): Promise<ValidatedPage<PlatformBusinessApp>> {
    return this.list('/api/v1/business-apps', opts, validateBusinessApp);
  }

  listTerminals(opts: ListOptions = {}): Promise<ValidatedPage<PlatformTerminal>> {
    return this.list('/api/v1/terminals', opts, validateTerminal);
  }

  listCollectedValues(opts: ListOptions = {}): Promise<ValidatedPage<PlatformCollectedValue>> {
    return this.list('/api/v1/collected-values', opts, validateCollectedValue);
  }

  async pushAdmission(item: PlatformAdmissionPush, opts: { signal?: AbortSignal } = {}): Promise<{ accepted: boolean; platformId: string }> {
    return this.request('POST', '/api/v1/admission-items', null, JSON.stringify(item), opts.signal, (body, status) => {
      const b = body as { accepted?: unknown; platformId?: unknown } | null;
      if (typeof b !== 'object' || b === null || typeof b.accepted !== 'boolean' || typeof b.platformId !== 'string' || b.platformId === '') {
        throw new PlatformProtocolError('推送应答缺少 accepted 或 platformId', 'push answer lacks accepted or platformId', status);
      }
      return { accepted: b.accepted, platformId: b.platformId };
    });
  }

  /** GET /healthz (unsigned); true when the platform answers 2xx within the timeout. */
  async health(signal?: AbortSignal): Promise<boolean> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const res = await fetch(`${this.baseUrl}/healthz`, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false;
    }
  }

  private async list<T>(path: string, opts: ListOptions, validate: RecordValidator<T>): Promise<ValidatedPage<T>> {
    const query = this.listQuery(opts);
    return this.request('GET', path, query, null, opts.signal, (body, status) => {
      const b = body as { items?: unknown; nextCursor?: unknown } | null;
      if (typeof b !== 'object' || b === null || Array.isArray(b)) {
        throw new PlatformProtocolError('列表应答不是 JSON 对象', 'listing answer is not a JSON object', status);
      }
      if (!Array.isArray(b.items)) throw new PlatformProtocolError('列表应答缺少 items 数组', 'listing answer has no items array', status);
      const next = b.nextCursor;
      if (next !== null && (typeof next !== 'string' || next === '' || next.length > MAX_CURSOR_LENGTH)) {
        throw new PlatformProtocolError('列表应答的 nextCursor 应为非空字符串或 null', 'listing answer: nextCursor must be a non-empty string or null', status);
      }
      if (next !== null && next === opts.cursor) {
        throw new PlatformProtocolError('列表应答的 nextCursor 未前进，分页将不会结束', 'listing answer: nextCursor did not advance', status);
      }
      const items: T[] = [];
      const rejected: RejectedRecord[] = [];
      for (const raw of b.items) {
        const v = validate(raw);
        if (v.ok) items.push(v.value);
        else rejected.push(v.rejected);
      }
      return { items, rejected, nextCursor: next };
    });
  }

  private listQuery(opts: ListOptions): URLSearchParams {
    const q = new URLSearchParams();
    if (opts.updatedSince != null) {
      const ms = parseIsoTime(opts.updatedSince);
      if (Number.isNaN(ms)) {
        throw new PlatformArgumentError(
          `updatedSince 不是带时区的 ISO 8601 时间: ${opts.updatedSince}`,
          `updatedSince is not an ISO 8601 date-time with zone: ${opts.updatedSince}`,
        );
      }
      q.set('updatedSince', new Date(ms).toISOString());
    }
    if (opts.cursor != null) {
      if (opts.cursor === '' || opts.cursor.length > MAX_CURSOR_LENGTH) throw new PlatformArgumentError('cursor 无效', 'invalid cursor');
      q.set('cursor', opts.cursor);
    }
    if (opts.pageSize != null) {
      if (!Number.isInteger(opts.pageSize) || opts.pageSize < 1 || opts.pageSize > MAX_PAGE_SIZE) {
        throw new PlatformArgumentError(`pageSize 应为 1 到 ${MAX_PAGE_SIZE} 之间的整数`, `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
      }
      q.set('pageSize', String(opts.pageSize));
    }
    if (opts.communityCodes != null) {
      const codes = [...new Set(opts.communityCodes)];
      if (codes.length === 0 || codes.length > MAX_COMMUNITY_CODES) {
        throw new PlatformArgumentError(`communityCodes 应有 1 到 ${MAX_COMMUNITY_CODES} 个`, `communityCodes must hold 1 to ${MAX_COMMUNITY_CODES} codes`);
      }
      const bad = codes.find((c) => !COMMUNITY_CODE.test(c));
      if (bad !== undefined) throw new PlatformArgumentError(`社区代码应为12位数字: ${bad}`, `community codes must be 12 digits: ${bad}`);
      q.set('communityCodes', codes.join(','));
    }
    return q;
  }

  /** One logical call: attempts, retries and backoff around `attempt`. */
  private async request<R>(
    method: string,
    path: string,
    query: URLSearchParams | null,
    body: string | null,
    signal: AbortSignal | undefined,
    parse: (json: unknown, status: number) => R,
  ): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new PlatformAbortedError(signal.reason);
      try {
        return await this.attempt(method, path, query, body, signal, parse);
      } catch (e) {
        const error = e instanceof PlatformError ? e : new PlatformNetworkError('请求平台时出错', `request to the platform failed: ${String(e)}`, e);
        error.attempts = attempt + 1;
        const retryAfterMs = error instanceof PlatformHttpError ? error.retryAfterMs : undefined;
        const giveUp =
          !error.retryable ||
          error instanceof PlatformAbortedError ||
          attempt >= this.maxRetries ||
          (retryAfterMs !== undefined && retryAfterMs > this.maxRetryAfterMs);
        if (giveUp) {
          this.counters.failures++;
          throw error;
        }
        const delayMs = retryAfterMs ?? this.backoff(attempt);
        this.counters.retries++;
        this.options.onRetry?.({ method, path, retry: attempt + 1, delayMs, error });
        await sleep(delayMs, signal);
      }
    }
  }

  /** Equal jitter: half the exponential delay fixed, half random. */
  private backoff(attempt: number): number {
    const exp = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** attempt);
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  private async attempt<R>(
    method: string,
    path: string,
    query: URLSearchParams | null,
    body: string | null,
    signal: AbortSignal | undefined,
    parse: (json: unknown, status: number) => R,
  ): Promise<R> {
    const qs = query?.toString();
    const url = `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...signRequest({
        appKey: this.options.appKey,
        appSecret: this.options.appSecret,
        method,
        url,
        body,
        now: Date.now() + (this.options.clockOffsetMs ?? 0),
      }),
    };
    if (body !== null) headers['content-type'] = 'application/json; charset=utf-8';
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const what = `${method} ${path}`;
    const failed = (e: unknown): PlatformError => {
      if (signal?.aborted) return new PlatformAbortedError(signal.reason);
      if (timeout.aborted) {
        return new PlatformTimeoutError(`平台在 ${this.timeoutMs} 毫秒内未应答: ${what}`, `platform did not answer within ${this.timeoutMs} ms: ${what}`);
      }
      const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
      const detail = cause?.code ?? cause?.message ?? String(e);
      return new PlatformNetworkError(`无法连接平台: ${what} (${detail})`, `cannot reach the platform: ${what} (${detail})`, e);
    };

    this.counters.requests++;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method, headers, body: body ?? undefined, signal: combined, redirect: 'error' });
      text = await res.text();
    } catch (e) {
      throw failed(e);
    }

    if (!res.ok) throw this.httpError(res, text, what);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PlatformProtocolError(`平台应答不是 JSON: ${what}`, `platform answer is not JSON: ${what}`, res.status);
    }
    return parse(json, res.status);
  }

  private httpError(res: Response, text: string, what: string): PlatformHttpError {
    let code = `HTTP_${res.status}`;
    let message = text.slice(0, 200);
    try {
      const b = JSON.parse(text) as { code?: unknown; message?: unknown };
      if (typeof b?.code === 'string') code = b.code;
      if (typeof b?.message === 'string') message = b.message;
    } catch {
      // not the error model: keep the status and the start of the body
    }
    const zh = `平台返回 ${res.status} ${code}: ${message} — ${what}`;
    const en = `platform answered ${res.status} ${code} to ${what}`;
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    if (res.status === 401 || res.status === 403) return new PlatformAuthError(res.status, code, zh, en);
    if (res.status === 429) return new PlatformRateLimitError(code, zh, en, retryAfterMs);
    return new PlatformHttpError(res.status, code, zh, en, { retryable: res.status >= 500, retryAfterMs: res.status >= 500 ? retryAfterMs : undefined });
  }
}

/** Retry-After as delay-seconds or an HTTP date → milliseconds from now (≥ 0); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new PlatformAbortedError(signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new PlatformAbortedError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
