/**
 * Request signing of the one-stop platform contract (integrations/platform/signing.ts):
 * fixed vectors (the same as in openapi.yaml, cross-checked with `openssl dgst -hmac`),
 * query canonicalisation, and verification: tampering, expiry, replay, unknown keys.
 */
import {
  NonceCache,
  SIGNATURE_WINDOW_MS,
  canonicalQuery,
  computeSignature,
  newNonce,
  sha256Hex,
  signRequest,
  stringToSign,
  verifyRequest,
  type VerifyInput,
} from '../integrations/platform/signing';

const SECRET = 'zhunru-demo-secret-change-me';
const T = 1791072000000;

describe('signing: string to sign and signature', () => {
  it('matches the documented GET vector', () => {
    const parts = {
      method: 'get',
      path: '/api/v1/terminals',
      query: 'pageSize=2&updatedSince=2026-10-01T00%3A00%3A00.000Z&communityCodes=511828001002%2C511828001001',
      timestamp: String(T),
      nonce: 'k3Jv9QwZ0aTq7LmN2xYb',
    };
    expect(stringToSign(parts)).toBe(
      'GET\n/api/v1/terminals\ncommunityCodes=511828001002%2C511828001001&pageSize=2&updatedSince=2026-10-01T00%3A00%3A00.000Z\n' +
        '1791072000000\nk3Jv9QwZ0aTq7LmN2xYb\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(computeSignature(SECRET, parts)).toBe('48c02ee25eb9cd75338ec083188a79bf0694d4336c8a0d393cbdcb0e50dd794b');
  });

  it('matches the documented POST vector (UTF-8 body hashed as bytes)', () => {
    const parts = {
      method: 'POST',
      path: '/api/v1/admission-items',
      timestamp: String(T),
      nonce: 'k3Jv9QwZ0aTq7LmN2xYc',
      body: '{"documentNumber":"青衣准〔2026〕1号"}',
    };
    expect(sha256Hex(parts.body)).toBe('e215d4a7b2668f41f537617b66992a6af6c33695a98093559c5fd13cbb154025');
    expect(computeSignature(SECRET, parts)).toBe('7197f4acac71c69b40f66f319438955172cb6484faf59f46bc12e805a868b112');
    expect(sha256Hex(Buffer.from(parts.body, 'utf8'))).toBe(sha256Hex(parts.body));
  });

  it('canonicalises the query: decoded, RFC 3986 re-encoded, sorted by name then value', () => {
    expect(canonicalQuery("b=2&a=%E9%9D%92 x&a=1&c=it's*(ok)!&d=a+b")).toBe('a=%E9%9D%92%20x&a=1&b=2&c=it%27s%2A%28ok%29%21&d=a%20b');
    expect(canonicalQuery('?z=1&y=')).toBe('y=&z=1');
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery(null)).toBe('');
    // the same parameters however the client encoded them
    expect(canonicalQuery('communityCodes=511828001001,511828001002')).toBe(canonicalQuery('communityCodes=511828001001%2C511828001002'));
  });

  it('signRequest signs path and query of the URL with a fresh nonce each time', () => {
    const a = signRequest({ appKey: 'k', appSecret: SECRET, method: 'GET', url: 'http://h:1/api/v1/terminals?pageSize=2', now: T });
    const b = signRequest({ appKey: 'k', appSecret: SECRET, method: 'GET', url: 'http://h:1/api/v1/terminals?pageSize=2', now: T });
    expect(a['X-Nonce']).not.toBe(b['X-Nonce']);
    expect(a['X-Nonce']).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(a['X-Timestamp']).toBe(String(T));
    expect(a['X-Signature']).toBe(
      computeSignature(SECRET, { method: 'GET', path: '/api/v1/terminals', query: 'pageSize=2', timestamp: String(T), nonce: a['X-Nonce'] }),
    );
    expect(newNonce()).toHaveLength(32);
  });
});

describe('signing: verification', () => {
  const base = (over: Partial<VerifyInput> = {}, headerOver: Record<string, string | undefined> = {}): VerifyInput => {
    const h = signRequest({
      appKey: 'zhunru-demo',
      appSecret: SECRET,
      method: 'POST',
      url: 'http://h/api/v1/admission-items?x=1',
      body: '{"a":1}',
      now: T,
      nonce: 'nonce-0123456789abcdef',
    });
    const headers: Record<string, string | undefined> = {
      'x-app-key': h['X-App-Key'],
      'x-timestamp': h['X-Timestamp'],
      'x-nonce': h['X-Nonce'],
      'x-signature': h['X-Signature'],
      ...headerOver,
    };
    return {
      method: 'POST',
      path: '/api/v1/admission-items',
      query: 'x=1',
      headers,
      body: '{"a":1}',
      secretFor: (k) => (k === 'zhunru-demo' ? SECRET : undefined),
      nonces: new NonceCache(),
      now: T + 1000,
      ...over,
    };
  };
  const code = (input: VerifyInput) => {
    const r = verifyRequest(input);
    return r.ok ? 'OK' : r.code;
  };

  it('accepts a good request once, refuses the replay', () => {
    const input = base();
    expect(verifyRequest(input)).toEqual({ ok: true, appKey: 'zhunru-demo' });
    const again = verifyRequest(input);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.code).toBe('NONCE_REPLAYED');
    expect(!again.ok && again.message).toMatch(/重复.*replayed/);
  });

  it('refuses any tampering', () => {
    expect(code(base({ body: '{"a":2}' }))).toBe('SIGNATURE_INVALID');
    expect(code(base({ path: '/api/v1/terminals' }))).toBe('SIGNATURE_INVALID');
    expect(code(base({ query: 'x=2' }))).toBe('SIGNATURE_INVALID');
    expect(code(base({ method: 'GET' }))).toBe('SIGNATURE_INVALID');
    expect(code(base({}, { 'x-timestamp': String(T + 1) }))).toBe('SIGNATURE_INVALID');
    expect(code(base({}, { 'x-nonce': 'nonce-0123456789abcdeX' }))).toBe('SIGNATURE_INVALID');
    expect(code(base({ secretFor: () => 'another-secret-entirely' }))).toBe('SIGNATURE_INVALID');
    // upper-case hex is the same signature
    const upper = base();
    upper.headers['x-signature'] = String(upper.headers['x-signature']).toUpperCase();
    expect(code(upper)).toBe('OK');
  });

  it('enforces the ±5 minute window and the header formats', () => {
    expect(code(base({ now: T + SIGNATURE_WINDOW_MS }))).toBe('OK');
    expect(code(base({ now: T + SIGNATURE_WINDOW_MS + 1 }))).toBe('TIMESTAMP_EXPIRED');
    expect(code(base({ now: T - SIGNATURE_WINDOW_MS - 1 }))).toBe('TIMESTAMP_EXPIRED');
    expect(code(base({}, { 'x-timestamp': '2026-10-01T00:00:00Z' }))).toBe('TIMESTAMP_INVALID');
    expect(code(base({}, { 'x-nonce': 'short' }))).toBe('NONCE_INVALID');
    expect(code(base({}, { 'x-signature': undefined }))).toBe('SIGNATURE_MISSING');
    expect(code(base({}, { 'x-app-key': 'someone-else' }))).toBe('APP_KEY_UNKNOWN');
  });

  it('does not let a bad signature use up a nonce', () => {
    const nonces = new NonceCache();
    expect(code(base({ nonces, body: 'tampered' }))).toBe('SIGNATURE_INVALID');
    expect(code(base({ nonces }))).toBe('OK');
  });

  it('forgets nonces once their window has passed, and sweeps them', () => {
    const cache = new NonceCache();
    expect(cache.remember('a', 100, 0)).toBe(true);
    expect(cache.remember('a', 100, 50)).toBe(false);
    expect(cache.remember('a', 300, 100)).toBe(true);
    for (let i = 0; i < 2000; i++) cache.remember(`n${i}`, 10, 0);
    cache.sweep(20);
    expect(cache.size).toBe(1);
  });
});
