/**
 * The HTTP adapter against the running simulator, over real HTTP on 127.0.0.1 (no mocks):
 * signatures, paging, incremental listings, every injected fault, push idempotency, and
 * the OpenAPI document against what is actually served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  HttpPlatformAdapter,
  PlatformAbortedError,
  PlatformArgumentError,
  PlatformAuthError,
  PlatformHttpError,
  PlatformNetworkError,
  PlatformProtocolError,
  PlatformRateLimitError,
  PlatformTimeoutError,
  parseRetryAfter,
  type HttpPlatformAdapterOptions,
  type RetryEvent,
} from '../integrations/platform/http-adapter';
import { signRequest } from '../integrations/platform/signing';
import type { ListOptions, PlatformAdmissionPush, RejectedRecord, ValidatedPage } from '../integrations/platform/types';
import { DEFAULT_APP_KEY, DEFAULT_APP_SECRET, startSimulator, type RunningSimulator, type SimulatorStats } from '../integrations/simulator/server';
import type { RecordKind } from '../integrations/simulator/dataset';

/** Reference time of the simulated data set (the data is generated before it). */
const NOW = Date.parse('2026-10-15T04:00:00.000Z');

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: '127.0.0.1', dataset: { scale: 'demo', seed: 'adapter-test', now: NOW } });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(async () => {
  await simPost('/__sim/reset', {});
});

const simPost = async (route: string, body: unknown) => {
  const res = await fetch(`${sim.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};
const simStats = async (): Promise<SimulatorStats> => (await (await fetch(`${sim.url}/__sim/stats`)).json()) as SimulatorStats;

const adapter = (over: Partial<HttpPlatformAdapterOptions> = {}) =>
  new HttpPlatformAdapter({
    baseUrl: sim.url,
    appKey: DEFAULT_APP_KEY,
    appSecret: DEFAULT_APP_SECRET,
    timeoutMs: 2000,
    maxRetries: 3,
    backoffBaseMs: 20,
    backoffMaxMs: 100,
    ...over,
  });

type Lister<T> = (opts: ListOptions) => Promise<ValidatedPage<T>>;

/** Follows the cursor to the end; returns every page as served. */
async function listAll<T>(list: Lister<T>, opts: ListOptions = {}) {
  const pages: ValidatedPage<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: ValidatedPage<T> = await list({ ...opts, cursor });
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 10_000) throw new Error('paging does not end');
  } while (cursor);
  const items = pages.flatMap((p) => p.items);
  const rejected: RejectedRecord[] = pages.flatMap((p) => p.rejected);
  return { pages, items, rejected };
}

const ids = (records: Array<{ externalId: string }>) => records.map((r) => r.externalId);
const sortedKey = (r: { updatedAt: string; externalId: string }) => `${r.updatedAt}\u0000${r.externalId}`;
const isSorted = (records: Array<{ updatedAt: string; externalId: string }>) => records.every((r, i) => i === 0 || sortedKey(records[i - 1]) < sortedKey(r));

const listers = (a: HttpPlatformAdapter): Record<RecordKind, Lister<any>> => ({
  'business-apps': (o) => a.listBusinessApps(o),
  terminals: (o) => a.listTerminals(o),
  'collected-values': (o) => a.listCollectedValues(o),
});

const PUSH: PlatformAdmissionPush = {
  documentNumber: '青衣准〔2026〕17号',
  title: '城乡居民医保参保动员',
  departmentName: '青衣县医疗保障局',
  countyCode: '511828',
  communityCodes: ['511828001001', '511828100200'],
  validFrom: '2026-10-01',
  validUntil: '2026-12-31',
  status: 'IN_EFFECT',
};

describe('request signing', () => {
  it('serves a correctly signed request', async () => {
    const page = await adapter().listBusinessApps({ pageSize: 1000 });
    expect(page.items).toHaveLength(sim.dataset.apps.size);
    expect(page.rejected).toEqual([]);
    expect((await simStats()).requests.unauthorized).toBe(0);
  });

  it('a wrong secret gets 401 SIGNATURE_INVALID: non-retryable, attempted once', async () => {
    const a = adapter({ appSecret: 'not-the-right-secret-at-all' });
    const err = await a.listTerminals({ pageSize: 5 }).catch((e) => e);
    expect(err).toBeInstanceOf(PlatformAuthError);
    expect(err).toMatchObject({ status: 401, code: 'SIGNATURE_INVALID', retryable: false, attempts: 1 });
    expect(err.message).toMatch(/签名.*signature mismatch/);
    expect(a.counters).toEqual({ requests: 1, retries: 0, failures: 1 });
  });

  it('an expired timestamp (clock 6 minutes behind) gets 401 TIMESTAMP_EXPIRED, not retried', async () => {
    const err = await adapter({ clockOffsetMs: -6 * 60_000 })
      .listTerminals({})
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformAuthError);
    expect(err).toMatchObject({ code: 'TIMESTAMP_EXPIRED', retryable: false, attempts: 1 });
    // a skew inside the window is fine
    await expect(adapter({ clockOffsetMs: -4 * 60_000 }).listTerminals({ pageSize: 1 })).resolves.toMatchObject({ items: [expect.anything()] });
  });

  it('tampered, replayed and unsigned requests get 401 in the error model', async () => {
    const url = `${sim.url}/api/v1/terminals?pageSize=5`;
    const headers = signRequest({ appKey: DEFAULT_APP_KEY, appSecret: DEFAULT_APP_SECRET, method: 'GET', url });

    const tampered = await fetch(`${sim.url}/api/v1/terminals?pageSize=6`, { headers });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toEqual({ code: 'SIGNATURE_INVALID', message: expect.stringMatching(/签名校验失败/) });

    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    expect(((await first.json()) as any).items).toHaveLength(5);
    const replay = await fetch(url, { headers });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as any).code).toBe('NONCE_REPLAYED');

    const stale = signRequest({ appKey: DEFAULT_APP_KEY, appSecret: DEFAULT_APP_SECRET, method: 'GET', url, now: Date.now() - 5 * 60_000 - 5000 });
    expect(((await (await fetch(url, { headers: stale })).json()) as any).code).toBe('TIMESTAMP_EXPIRED');

    const unsigned = await fetch(url);
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as any).code).toBe('SIGNATURE_MISSING');

    const otherKey = signRequest({ appKey: 'someone-else', appSecret: DEFAULT_APP_SECRET, method: 'GET', url });
    expect(((await (await fetch(url, { headers: otherKey })).json()) as any).code).toBe('APP_KEY_UNKNOWN');
    expect((await simStats()).requests.unauthorized).toBe(5);
  });
});

describe('listings', () => {
  it.each<[RecordKind, number]>([
    ['business-apps', 7],
    ['terminals', 37],
    ['collected-values', 1000],
  ])('full paging of %s (page size %d) returns every record once, in (updatedAt, externalId) order, exactly as stored', async (kind, pageSize) => {
    const { pages, items, rejected } = await listAll(listers(adapter())[kind], { pageSize });
    const expected = sim.dataset.records(kind);
    expect(rejected).toEqual([]);
    expect(items).toEqual(expected);
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(isSorted(items)).toBe(true);
    expect(pages).toHaveLength(Math.ceil(expected.length / pageSize));
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it('the demo data set is the demo county: 119 communities, 2–6 terminals each, values of the platform-collected elements for 3 months', () => {
    const ds = sim.dataset;
    expect(ds.geography.communities).toHaveLength(119);
    const perCommunity = new Map<string, number>();
    for (const t of ds.terminals.records) perCommunity.set(t.communityCode, (perCommunity.get(t.communityCode) ?? 0) + 1);
    expect(perCommunity.size).toBe(119);
    expect(Math.min(...perCommunity.values())).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perCommunity.values())).toBeLessThanOrEqual(6);
    expect(ds.values.size).toBe(119 * 12 * 3);
    expect(ds.valueTables.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    const statuses = new Set(ds.terminals.records.map((t) => t.status));
    expect(statuses).toEqual(new Set(['ACTIVE', 'CONSOLIDATED', 'DECOMMISSIONED']));
    // every terminal serves 1–3 apps of the county
    const appIds = new Set(ds.apps.records.map((a) => a.externalId));
    for (const t of ds.terminals.records) {
      expect(t.appExternalIds.length).toBeGreaterThanOrEqual(1);
      expect(t.appExternalIds.length).toBeLessThanOrEqual(3);
      for (const id of t.appExternalIds) expect(appIds.has(id)).toBe(true);
    }
    // 户籍人口数 is the community's population; 80+ is a small share of it
    const population = new Map(ds.geography.communities.map((c) => [c.code, c.population]));
    for (const v of ds.records('collected-values') as any[]) {
      const p = population.get(v.communityCode)!;
      if (v.dataElementCode === 'DE.RK.0003') expect(Number(v.value) / p).toBeLessThan(0.08);
      if (v.dataElementCode === 'DE.RK.0001') expect(Math.abs(Number(v.value) - p) / p).toBeLessThan(0.02);
      expect(Date.parse(v.updatedAt)).toBeLessThan(NOW);
    }
  });

  it('filters on communityCodes (terminals and values), in order, across pages', async () => {
    const codes = ['511828001002', '511828101205', '511828202206'];
    const a = adapter();
    for (const kind of ['terminals', 'collected-values'] as const) {
      const { items } = await listAll(listers(a)[kind], { pageSize: 7, communityCodes: codes });
      const expected = sim.dataset.records(kind).filter((r: any) => codes.includes(r.communityCode));
      expect(items.length).toBeGreaterThan(7);
      expect(items).toEqual(expected);
    }
  });

  it('updatedSince returns only the records changed by /__sim/touch', async () => {
    const a = adapter();
    const before = await listAll((o) => a.listTerminals(o), { pageSize: 1000 });
    const maxSeen = before.items.reduce((m, t) => (t.updatedAt > m ? t.updatedAt : m), '');

    const touched = await simPost('/__sim/touch', { kind: 'terminals', count: 5 });
    expect(touched.status).toBe(200);
    expect(touched.body.touched).toHaveLength(5);

    const since = new Date(Date.parse(maxSeen) + 1).toISOString();
    const changed = await listAll((o) => a.listTerminals(o), { updatedSince: since, pageSize: 2 });
    expect(ids(changed.items).sort()).toEqual([...touched.body.touched].sort());
    expect(changed.items.every((t) => t.updatedAt === touched.body.updatedAt)).toBe(true);
    for (const t of changed.items) if (t.status === 'ACTIVE') expect(t.lastSeenAt).toBe(t.updatedAt);
    // inclusive: the newest record seen before comes again when updatedSince equals its updatedAt
    const inclusive = await a.listTerminals({ updatedSince: maxSeen, pageSize: 1000 });
    expect(inclusive.items).toHaveLength(6);

    // collected values go up by one when touched; `set` changes fields explicitly
    const value = sim.dataset.records('collected-values')[0] as any;
    await simPost('/__sim/touch', { kind: 'collected-values', externalIds: [value.externalId] });
    const app = sim.dataset.records('business-apps').find((x: any) => !x.integrated) as any;
    await simPost('/__sim/touch', { kind: 'businessApps', externalIds: [app.externalId], set: { integrated: true } });
    const newValues = await a.listCollectedValues({ updatedSince: touched.body.updatedAt });
    expect(newValues.items).toEqual([expect.objectContaining({ externalId: value.externalId, value: String(Number(value.value) + 1) })]);
    const newApps = await a.listBusinessApps({ updatedSince: touched.body.updatedAt });
    expect(newApps.items).toEqual([expect.objectContaining({ externalId: app.externalId, integrated: true })]);
  });

  it('/__sim/delete removes records from every listing (a full reconcile finds them missing)', async () => {
    const del = await simPost('/__sim/delete', { kind: 'terminals', count: 3 });
    expect(del.body.deleted).toHaveLength(3);
    const { items } = await listAll((o) => adapter().listTerminals(o), { pageSize: 1000 });
    expect(items).toHaveLength(sim.dataset.terminals.size);
    for (const id of del.body.deleted) expect(ids(items)).not.toContain(id);
    const code = del.body.deleted[0].slice(4, 16);
    const filtered = await adapter().listTerminals({ communityCodes: [code] });
    expect(ids(filtered.items)).not.toContain(del.body.deleted[0]);
  });

  it('bad arguments fail before any request; bad parameters and cursors get a non-retryable 400', async () => {
    const a = adapter();
    await expect(a.listTerminals({ pageSize: 1001 })).rejects.toBeInstanceOf(PlatformArgumentError);
    await expect(a.listTerminals({ communityCodes: ['51182800100'] })).rejects.toThrow(/12位.*12 digits/);
    await expect(a.listTerminals({ updatedSince: '2026-10-01' })).rejects.toMatchObject({ code: 'PLATFORM_BAD_ARGUMENT', retryable: false });
    expect(a.counters.requests).toBe(0);

    const appsPage = await a.listBusinessApps({ pageSize: 1 });
    const err = await a.listTerminals({ cursor: appsPage.nextCursor }).catch((e) => e);
    expect(err).toBeInstanceOf(PlatformHttpError);
    expect(err).toMatchObject({ status: 400, code: 'INVALID_CURSOR', retryable: false, attempts: 1 });

    const url = `${sim.url}/api/v1/terminals?pageSize=5000`;
    const res = await fetch(url, { headers: signRequest({ appKey: DEFAULT_APP_KEY, appSecret: DEFAULT_APP_SECRET, method: 'GET', url }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).code).toBe('INVALID_PARAMETER');
  });
});

describe('injected faults', () => {
  it('5xx on the next 2 requests: the adapter retries and succeeds', async () => {
    expect((await simPost('/__sim/faults', { status5xxNext: 2 })).body.faults.status5xxNext).toBe(2);
    const retries: RetryEvent[] = [];
    const a = adapter({ onRetry: (e) => retries.push(e) });
    const page = await a.listTerminals({ pageSize: 10 });
    expect(page.items).toHaveLength(10);
    expect(retries.map((r) => [r.retry, r.error.status, r.error.retryable])).toEqual([
      [1, 503, true],
      [2, 503, true],
    ]);
    expect(a.counters).toEqual({ requests: 3, retries: 2, failures: 0 });
    expect((await simStats()).injected.status5xx).toBe(2);
  });

  it('5xx every time: gives up after maxRetries with a retryable error', async () => {
    await simPost('/__sim/faults', { errorRate: 1 });
    const err = await adapter({ maxRetries: 2 })
      .listTerminals({})
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformHttpError);
    expect(err).toMatchObject({ retryable: true, attempts: 3 });
    expect([500, 502, 503]).toContain(err.status);
  });

  it('429 with Retry-After: 1 waits at least a second, then succeeds', async () => {
    await simPost('/__sim/faults', { rateLimitNext: 1 });
    const retries: RetryEvent[] = [];
    const started = Date.now();
    const page = await adapter({ onRetry: (e) => retries.push(e) }).listBusinessApps({ pageSize: 3 });
    const elapsed = Date.now() - started;
    expect(page.items).toHaveLength(3);
    expect(retries).toHaveLength(1);
    expect(retries[0].error).toBeInstanceOf(PlatformRateLimitError);
    expect(retries[0].delayMs).toBe(1000);
    expect(elapsed).toBeGreaterThanOrEqual(995);
    expect((await simStats()).injected.rateLimited).toBe(1);
  });

  it('a Retry-After longer than maxRetryAfterMs is not waited for: retryable error at once', async () => {
    await simPost('/__sim/faults', { rateLimitNext: 1, retryAfterSeconds: 120 });
    const started = Date.now();
    const err = await adapter({ maxRetryAfterMs: 5000 })
      .listTerminals({})
      .catch((e) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err).toBeInstanceOf(PlatformRateLimitError);
    expect(err).toMatchObject({ retryable: true, retryAfterMs: 120_000, attempts: 1 });
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThan(28_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('latency past the timeout: a timeout error, retried, then success', async () => {
    await simPost('/__sim/faults', { latencyMs: 800, latencyNext: 1 });
    const retries: RetryEvent[] = [];
    const page = await adapter({ timeoutMs: 250, onRetry: (e) => retries.push(e) }).listTerminals({ pageSize: 4 });
    expect(page.items).toHaveLength(4);
    expect(retries).toHaveLength(1);
    expect(retries[0].error).toBeInstanceOf(PlatformTimeoutError);
    expect(retries[0].error.message).toMatch(/250 毫秒.*250 ms/);

    // latency on every request: the adapter gives up with a retryable timeout error
    await simPost('/__sim/faults', { latencyMs: 600 });
    const err = await adapter({ timeoutMs: 150, maxRetries: 1 })
      .listTerminals({})
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformTimeoutError);
    expect(err).toMatchObject({ code: 'PLATFORM_TIMEOUT', retryable: true, attempts: 2 });
  });

  it("the caller's signal aborts at once, even while waiting", async () => {
    await simPost('/__sim/faults', { latencyMs: 3000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await adapter({ timeoutMs: 5000 })
      .listTerminals({ signal: controller.signal })
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformAbortedError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('connection refused is a retryable network error', async () => {
    const gone = await startSimulator({ dataset: sim.dataset });
    const url = gone.url;
    await gone.close();
    const err = await adapter({ baseUrl: url, maxRetries: 1 })
      .listTerminals({})
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformNetworkError);
    expect(err).toMatchObject({ retryable: true, attempts: 2 });
  });

  it.each<[RecordKind, number]>([
    ['business-apps', 4],
    ['terminals', 5],
    ['collected-values', 5],
  ])('malformed %s records go to rejected with a reason, never into items', async (kind, defects) => {
    await simPost('/__sim/faults', { malformedNext: defects });
    const page = await listers(adapter())[kind]({ pageSize: 20 });
    const stats = await simStats();
    expect(stats.injected.malformedRecords).toBe(defects);
    const injected = stats.injected.malformed.map((m) => m.externalId);
    expect(page.rejected).toHaveLength(defects);
    expect(page.items).toHaveLength(20 - defects);
    expect(page.rejected.map((r) => r.externalId)).toEqual(injected);
    for (const r of page.rejected) {
      expect(r.reason).toMatch(/[\u4e00-\u9fff].*\([A-Za-z].*\)/); // Chinese, with English in parentheses
      expect(r.raw).toEqual(expect.objectContaining({ externalId: r.externalId }));
      expect(ids(page.items)).not.toContain(r.externalId);
    }
    // the stored records are intact: the next listing serves them well-formed
    const again = await listers(adapter())[kind]({ pageSize: 20 });
    expect(again.rejected).toEqual([]);
    expect(ids(again.items)).toEqual(expect.arrayContaining(injected));
  });

  it('names the problem: bad community code, unknown status, missing field, wrong type, bad time', async () => {
    await simPost('/__sim/faults', { malformedNext: 5 });
    const { rejected } = await adapter().listTerminals({ pageSize: 5 });
    expect(rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/communityCode.*12位.*12-digit/),
      expect.stringMatching(/status.*BROKEN/),
      expect.stringMatching(/缺少字段 model \(missing field model\)/),
      expect.stringMatching(/appExternalIds.*字符串数组.*an array of strings/),
      expect.stringMatching(/lastSeenAt.*ISO 8601/),
    ]);
  });

  it('a malformed page (HTML, or no items array) is retried like a 5xx', async () => {
    await simPost('/__sim/faults', { malformedPageNext: 2 });
    const retries: RetryEvent[] = [];
    const page = await adapter({ onRetry: (e) => retries.push(e) }).listTerminals({ pageSize: 3 });
    expect(page.items).toHaveLength(3);
    expect(retries.map((r) => r.error.constructor)).toEqual([PlatformProtocolError, PlatformProtocolError]);
    expect(retries.map((r) => r.error.messageEn)).toEqual([expect.stringMatching(/not JSON/), expect.stringMatching(/no items array/)]);

    await simPost('/__sim/faults', { malformedPageNext: 1 });
    const err = await adapter({ maxRetries: 0 })
      .listTerminals({})
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformProtocolError);
    expect(err.retryable).toBe(true);
  });

  it('duplicates across pages are returned as served (dedup is the consumer’s job)', async () => {
    await simPost('/__sim/faults', { duplicateRate: 0.1 });
    const { items } = await listAll((o) => adapter().listTerminals(o), { pageSize: 40 });
    const stats = await simStats();
    const unique = new Set(ids(items));
    expect(stats.injected.duplicates).toBeGreaterThan(0);
    expect(items.length).toBe(unique.size + stats.injected.duplicates);
    expect([...unique].sort()).toEqual(ids(sim.dataset.records('terminals') as any).sort());
    for (const d of stats.injected.duplicated) expect(items.filter((t) => t.externalId === d.externalId).length).toBeGreaterThanOrEqual(2);
  });

  it('out-of-order pages are returned as served', async () => {
    await simPost('/__sim/faults', { outOfOrder: true });
    const { pages, items } = await listAll((o) => adapter().listTerminals(o), { pageSize: 50 });
    const stats = await simStats();
    expect(stats.injected.outOfOrderPages).toBe(pages.filter((p) => p.items.length > 1).length);
    expect(pages.some((p) => !isSorted(p.items))).toBe(true);
    expect(ids(items).sort()).toEqual(ids(sim.dataset.records('terminals') as any).sort());
  });

  it('records changing mid-sync move to the end and are served, with their new updatedAt', async () => {
    await simPost('/__sim/faults', { changeMidSync: 2 });
    const syncStart = new Date().toISOString();
    const { items } = await listAll((o) => adapter().listTerminals(o), { pageSize: 50 });
    const stats = await simStats();
    expect(stats.injected.changedMidSync).toBeGreaterThan(0);
    expect(new Set(ids(items)).size).toBe(sim.dataset.terminals.size);
    expect(isSorted(items)).toBe(true);
    const changed = new Set(stats.injected.changed.map((c) => c.externalId));
    for (const t of items) if (changed.has(t.externalId)) expect(t.updatedAt >= syncStart).toBe(true);
    // served last: every changed record comes after every unchanged one
    const firstChanged = items.findIndex((t) => changed.has(t.externalId));
    expect(items.slice(firstChanged).every((t) => changed.has(t.externalId))).toBe(true);
  });

  it('/__sim/faults refuses unknown faults and bad values', async () => {
    expect((await simPost('/__sim/faults', { status500Next: 1 })).status).toBe(400);
    expect((await simPost('/__sim/faults', { errorRate: 2 })).status).toBe(400);
    expect((await simPost('/__sim/touch', { kind: 'plaques' })).status).toBe(400);
  });
});

describe('push of approved admission items', () => {
  it('is idempotent on documentNumber, also across a retried 5xx', async () => {
    const a = adapter();
    const first = await a.pushAdmission(PUSH);
    expect(first).toEqual({ accepted: true, platformId: expect.stringMatching(/^PT-/) });
    await simPost('/__sim/faults', { status5xxNext: 1 });
    const second = await a.pushAdmission({ ...PUSH, status: 'REVOKED' });
    expect(second).toEqual(first);
    const other = await a.pushAdmission({ ...PUSH, documentNumber: '青衣准〔2026〕18号' });
    expect(other.platformId).not.toBe(first.platformId);

    const pushed = ((await (await fetch(`${sim.url}/__sim/pushed`)).json()) as any).items;
    expect(pushed).toHaveLength(2);
    expect(pushed[0]).toMatchObject({ platformId: first.platformId, pushCount: 2, item: { ...PUSH, status: 'REVOKED' } });
    expect((await simStats()).pushes).toEqual({ received: 3, distinct: 2 });
  });

  it('a malformed item gets a non-retryable 400', async () => {
    const err = await adapter()
      .pushAdmission({ ...PUSH, communityCodes: ['123'] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformHttpError);
    expect(err).toMatchObject({ status: 400, code: 'INVALID_BODY', retryable: false, attempts: 1 });
    expect(err.message).toMatch(/communityCodes\[0\]/);
  });
});

describe('openapi.yaml', () => {
  const doc = parseYaml(fs.readFileSync(path.join(__dirname, '../integrations/platform/openapi.yaml'), 'utf8'));

  it('documents every endpoint of the contract', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/admission-items',
      '/api/v1/business-apps',
      '/api/v1/collected-values',
      '/api/v1/terminals',
      '/healthz',
    ]);
    for (const p of ['/api/v1/business-apps', '/api/v1/terminals', '/api/v1/collected-values']) {
      expect(doc.paths[p].get.parameters.map((x: any) => x.$ref.split('/').pop()).sort()).toEqual(['communityCodes', 'cursor', 'pageSize', 'updatedSince']);
      expect(Object.keys(doc.paths[p].get.responses)).toEqual(expect.arrayContaining(['200', '401', '429', '5XX']));
    }
    expect(doc.components.parameters.pageSize.schema.maximum).toBe(1000);
  });

  it.each<[RecordKind, string]>([
    ['business-apps', 'BusinessApp'],
    ['terminals', 'Terminal'],
    ['collected-values', 'CollectedValue'],
  ])('the %s records served have exactly the fields of schema %s', (kind, schema) => {
    const s = doc.components.schemas[schema];
    const record = sim.dataset.records(kind)[0];
    expect(Object.keys(record).sort()).toEqual([...s.required].sort());
    expect(Object.keys(s.properties).sort()).toEqual([...s.required, 'deleted'].sort());
    for (const [name, prop] of Object.entries<any>(s.properties)) expect([name, prop.description]).toEqual([name, expect.stringMatching(/[\u4e00-\u9fff]/)]);
  });

  it('the push schema has the fields of PlatformAdmissionPush', () => {
    expect([...doc.components.schemas.AdmissionPush.required].sort()).toEqual(Object.keys(PUSH).sort());
  });
});
