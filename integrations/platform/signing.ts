/**
 * Request signing of the one-stop platform's HTTP API (see openapi.yaml, "请求签名").
 * Shared by the HTTP adapter (signs) and the simulator (verifies), so both sides
 * always agree on the string to sign.
 *
 *   stringToSign = METHOD \n PATH \n SORTED_QUERY \n TIMESTAMP \n NONCE \n SHA256_HEX(body)
 *   X-Signature  = lower-case hex HMAC-SHA256(appSecret, stringToSign)
 *
 * - METHOD: upper case. PATH: the request path as sent, without the query.
 * - SORTED_QUERY: every query parameter decoded, then name and value re-encoded with
 *   RFC 3986 percent-encoding (only A–Z a–z 0–9 - _ . ~ left as they are), pairs sorted
 *   by encoded name then encoded value, joined as `name=value` with `&`; empty when
 *   there is no query.
 * - TIMESTAMP: milliseconds since the epoch (X-Timestamp), accepted within ±5 minutes.
 * - NONCE: X-Nonce, 16–128 characters of A–Z a–z 0–9 _ -, accepted once within the window.
 * - SHA256_HEX(body): lower-case hex SHA-256 of the raw body bytes (of "" when empty).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_MS = 5 * 60_000;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Header names (lower case, as Node's http module presents them). */
export const SIGNING_HEADERS = {
  appKey: 'x-app-key',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

/** RFC 3986 percent-encoding: encodeURIComponent also leaves ! ' ( ) * alone, which RFC 3986 reserves. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** SORTED_QUERY from a raw query string (with or without the leading `?`) or parsed parameters. */
export function canonicalQuery(query: string | URLSearchParams | undefined | null): string {
  if (!query) return '';
  const params = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of params) pairs.push([rfc3986(name), rfc3986(value)]);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

export function sha256Hex(body: string | Uint8Array | undefined | null): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

export interface SignatureParts {
  method: string;
  path: string;
  /** Raw query string or parsed parameters; canonicalised here. */
  query?: string | URLSearchParams | null;
  timestamp: string;
  nonce: string;
  body?: string | Uint8Array | null;
}

export function stringToSign(parts: SignatureParts): string {
  return [parts.method.toUpperCase(), parts.path, canonicalQuery(parts.query), parts.timestamp, parts.nonce, sha256Hex(parts.body)].join('\n');
}

/** Lower-case hex HMAC-SHA256 of the string to sign. */
export function computeSignature(appSecret: string, parts: SignatureParts): string {
  return createHmac('sha256', appSecret).update(stringToSign(parts)).digest('hex');
}

/** A fresh nonce: 24 random bytes, base64url (32 characters). */
export function newNonce(): string {
  return randomBytes(24).toString('base64url');
}

export interface SignRequestInput {
  appKey: string;
  appSecret: string;
  method: string;
  /** Full URL of the request; its path and query are signed. */
  url: string | URL;
  body?: string | Uint8Array | null;
  /** Milliseconds since the epoch; defaults to Date.now(). */
  now?: number;
  nonce?: string;
}

/** The four signing headers for one request. Sign every attempt anew: a nonce is accepted only once. */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
  const timestamp = String(Math.round(input.now ?? Date.now()));
  const nonce = input.nonce ?? newNonce();
  const signature = computeSignature(input.appSecret, {
    method: input.method,
    path: url.pathname,
    query: url.search,
    timestamp,
    nonce,
    body: input.body,
  });
  return {
    'X-App-Key': input.appKey,
    'X-Timestamp': timestamp,
    'X-Nonce': nonce,
    'X-Signature': signature,
  };
}

/**
 * Remembers accepted nonces until their timestamp leaves the window, so that a replayed
 * request is refused. Expired entries are swept when the map has doubled since the last
 * sweep, which keeps memory proportional to the requests of one window.
 */
export class NonceCache {
  private readonly entries = new Map<string, number>();
  private sweepAt = 1024;

  /** Records the nonce; false when it was already accepted and has not expired. */
  remember(key: string, expiresAt: number, now: number): boolean {
    const previous = this.entries.get(key);
    if (previous !== undefined && previous > now) return false;
    if (this.entries.size >= this.sweepAt) this.sweep(now);
    this.entries.set(key, expiresAt);
    return true;
  }

  sweep(now: number): void {
    for (const [key, expiresAt] of this.entries) if (expiresAt <= now) this.entries.delete(key);
    this.sweepAt = Math.max(1024, this.entries.size * 2);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.sweepAt = 1024;
  }
}

export type SignatureFailureCode =
  'SIGNATURE_MISSING' | 'APP_KEY_UNKNOWN' | 'TIMESTAMP_INVALID' | 'TIMESTAMP_EXPIRED' | 'NONCE_INVALID' | 'SIGNATURE_INVALID' | 'NONCE_REPLAYED';

export type VerifyResult = { ok: true; appKey: string } | { ok: false; code: SignatureFailureCode; message: string };

export interface VerifyInput {
  method: string;
  path: string;
  query?: string | null;
  /** Request headers with lower-case names (Node's IncomingHttpHeaders will do). */
  headers: Record<string, string | string[] | undefined>;
  body?: string | Uint8Array | null;
  /** The secret of an app key, undefined when the key is unknown. */
  secretFor: (appKey: string) => string | undefined;
  nonces: NonceCache;
  now?: number;
  windowMs?: number;
}

const header = (headers: VerifyInput['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Verifies a signed request. The nonce is remembered only once the signature is valid,
 * so nobody without the secret can use up nonces. Messages are Chinese with English.
 */
export function verifyRequest(input: VerifyInput): VerifyResult {
  const now = input.now ?? Date.now();
  const windowMs = input.windowMs ?? SIGNATURE_WINDOW_MS;
  const appKey = header(input.headers, SIGNING_HEADERS.appKey);
  const timestamp = header(input.headers, SIGNING_HEADERS.timestamp);
  const nonce = header(input.headers, SIGNING_HEADERS.nonce);
  const signature = header(input.headers, SIGNING_HEADERS.signature);
  if (!appKey || !timestamp || !nonce || !signature) {
    return {
      ok: false,
      code: 'SIGNATURE_MISSING',
      message: '缺少签名请求头 X-App-Key、X-Timestamp、X-Nonce 或 X-Signature (missing signing headers)',
    };
  }
  const secret = input.secretFor(appKey);
  if (secret === undefined) return { ok: false, code: 'APP_KEY_UNKNOWN', message: '未知的应用标识 X-App-Key (unknown app key)' };
  if (!/^\d{1,15}$/.test(timestamp)) {
    return { ok: false, code: 'TIMESTAMP_INVALID', message: 'X-Timestamp 应为毫秒时间戳 (X-Timestamp must be milliseconds since the epoch)' };
  }
  const ts = Number(timestamp);
  if (Math.abs(now - ts) > windowMs) {
    return {
      ok: false,
      code: 'TIMESTAMP_EXPIRED',
      message: `请求时间戳超出允许范围 ±${windowMs / 60_000} 分钟 (timestamp outside the ±${windowMs / 60_000} min window)`,
    };
  }
  if (!NONCE_PATTERN.test(nonce)) {
    return { ok: false, code: 'NONCE_INVALID', message: 'X-Nonce 应为 16–128 位字母、数字、_ 或 - (X-Nonce must be 16–128 characters of A–Z a–z 0–9 _ -)' };
  }
  const expected = computeSignature(secret, { method: input.method, path: input.path, query: input.query, timestamp, nonce, body: input.body });
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return { ok: false, code: 'SIGNATURE_INVALID', message: '签名校验失败 (signature mismatch)' };
  }
  if (!input.nonces.remember(`${appKey}\n${nonce}`, ts + windowMs, now)) {
    return { ok: false, code: 'NONCE_REPLAYED', message: '重复的请求：该 X-Nonce 已使用 (replayed request: nonce already used)' };
  }
  return { ok: true, appKey };
}
