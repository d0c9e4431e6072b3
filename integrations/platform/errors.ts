/**
 * Errors of a platform adapter. Every one says whether repeating the call later can help
 * (`retryable`): the sync workers retry those with backoff and fail the others at once.
 * Messages are Chinese, then English in parentheses (`messageEn` holds the English alone).
 */
export class PlatformError extends Error {
  /** Stable code: the platform's own `code` for HTTP errors, PLATFORM_* otherwise. */
  readonly code: string;
  readonly retryable: boolean;
  readonly messageEn: string;
  /** HTTP status, when the platform answered. */
  readonly status?: number;
  /** Attempts made before giving up (set by the adapter's retry loop). */
  attempts = 1;

  constructor(code: string, zh: string, en: string, opts: { retryable: boolean; status?: number; cause?: unknown }) {
    super(`${zh} (${en})`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = opts.retryable;
    this.messageEn = en;
    this.status = opts.status;
  }
}

/** The platform answered with an error status (4xx other than 401/403/429: not retryable; 5xx: retryable). */
export class PlatformHttpError extends PlatformError {
  /** Delay the platform asked for (Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;
  constructor(status: number, code: string, zh: string, en: string, opts: { retryable: boolean; retryAfterMs?: number }) {
    super(code, zh, en, { retryable: opts.retryable, status });
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** 401/403: bad or missing signature, expired timestamp, replayed nonce, unknown app key. Never retried. */
export class PlatformAuthError extends PlatformHttpError {
  constructor(status: number, code: string, zh: string, en: string) {
    super(status, code, zh, en, { retryable: false });
  }
}

/** 429: rate limited; retryable after `retryAfterMs` when the platform said so. */
export class PlatformRateLimitError extends PlatformHttpError {
  constructor(code: string, zh: string, en: string, retryAfterMs: number | undefined) {
    super(429, code, zh, en, { retryable: true, retryAfterMs });
  }
}

/** No complete answer within the adapter's timeout. Retryable. */
export class PlatformTimeoutError extends PlatformError {
  constructor(zh: string, en: string) {
    super('PLATFORM_TIMEOUT', zh, en, { retryable: true });
  }
}

/** Connection refused or reset, DNS failure and the like. Retryable. */
export class PlatformNetworkError extends PlatformError {
  constructor(zh: string, en: string, cause: unknown) {
    super('PLATFORM_NETWORK', zh, en, { retryable: true, cause });
  }
}

/** A 2xx answer that breaks the contract as a whole (not JSON, no items array…). Retryable, like a 5xx. */
export class PlatformProtocolError extends PlatformError {
  constructor(zh: string, en: string, status?: number) {
    super('PLATFORM_PROTOCOL', zh, en, { retryable: true, status });
  }
}

/**
 * The caller's AbortSignal fired (e.g. a worker shutting down). Retryable: nothing failed,
 * running the same call later is safe.
 */
export class PlatformAbortedError extends PlatformError {
  constructor(cause?: unknown) {
    super('PLATFORM_ABORTED', '请求已被调用方取消', 'request aborted by the caller', { retryable: true, cause });
  }
}

/** The call's own arguments are invalid (page size, community codes…). Never retried. */
export class PlatformArgumentError extends PlatformError {
  constructor(zh: string, en: string) {
    super('PLATFORM_BAD_ARGUMENT', zh, en, { retryable: false });
  }
}
