/**
 * The simulator's province-scale data set and its sorted store: size and consistency of
 * the generated province, the demo county inside it, and listings by binary search /
 * k-way merge checked against a plain filter of the whole list (also after touches and
 * deletions). Served over real HTTP at the end.
 */
import { HttpPlatformAdapter } from '../integrations/platform/http-adapter';
import { Dataset, buildDataset, type RecordKind } from '../integrations/simulator/dataset';
import { Prng } from '../integrations/simulator/prng';
import { DEFAULT_APP_KEY, DEFAULT_APP_SECRET, startSimulator } from '../integrations/simulator/server';
import { compareRecords, type SortedStore, type StoredRecord } from '../integrations/simulator/store';

const NOW = Date.parse('2026-10-15T04:00:00.000Z');
let province: Dataset;
let buildMs: number;

beforeAll(() => {
  province = buildDataset({ scale: 'province', seed: 'zhunru', now: NOW });
  buildMs = province.buildMs;
});

/** What a listing must return, computed the slow way: one pass over the whole list. */
function naivePage<R extends StoredRecord>(
  all: readonly R[],
  since: number | null,
  after: { u: number; id: string } | null,
  limit: number,
  communityOf: ((r: R) => string) | null,
  communities: string[] | null,
): string[] {
  const set = communities ? new Set(communities) : null;
  const out: string[] = [];
  for (const r of all) {
    if (out.length === limit) break;
    if (since !== null && r.u < since) continue;
    if (after && !(r.u > after.u || (r.u === after.u && r.externalId > after.id))) continue;
    if (set && !set.has(communityOf!(r))) continue;
    out.push(r.externalId);
  }
  return out;
}

const idsOf = (records: readonly StoredRecord[]) => records.map((r) => r.externalId);

const isSorted = (arr: readonly StoredRecord[]) => arr.every((r, i) => i === 0 || compareRecords(arr[i - 1], r) < 0);

describe('province-scale data set', () => {
  it('has ~30,000 communities, ~200,000 terminals and a few thousand apps', () => {
    const g = province.geography;
    expect(g.cities).toHaveLength(20);
    expect(g.counties.length).toBeGreaterThanOrEqual(160);
    expect(g.communities.length).toBeGreaterThan(28_000);
    expect(g.communities.length).toBeLessThan(33_000);
    expect(province.terminals.size).toBeGreaterThan(180_000);
    expect(province.terminals.size).toBeLessThan(220_000);
    expect(province.apps.size).toBeGreaterThan(2_000);
    expect(province.apps.size).toBeLessThan(8_000);
    expect(province.values.size).toBe(g.communities.length * 12 * 3);
    // Build time is a speed figure, printed here and measured by `npm run bench:sync`, not asserted.
    console.log(`province data set built in ${buildMs} ms: ${JSON.stringify(province.counts())}, ${g.communities.length} communities`);
  });

  it('makes its codes up consistently: city → county → township → community', () => {
    const g = province.geography;
    const counties = new Map(g.counties.map((c) => [c.code, c]));
    const townships = new Map(g.townships.map((t) => [t.code, t]));
    const codes = new Set<string>();
    const problems: string[] = [];
    for (const c of g.communities) {
      codes.add(c.code);
      const t = townships.get(c.townshipCode);
      const county = counties.get(c.countyCode);
      const ok =
        /^\d{12}$/.test(c.code) &&
        t !== undefined &&
        /^\d{9}000$/.test(t.code) &&
        c.code.slice(0, 9) === t.code.slice(0, 9) &&
        t.code.slice(0, 6) === c.countyCode &&
        county !== undefined &&
        county.cityCode.slice(0, 4) === c.countyCode.slice(0, 4) &&
        c.population > 0 &&
        c.households > 0;
      if (!ok) problems.push(c.code);
    }
    expect(problems).toEqual([]);
    expect(codes.size).toBe(g.communities.length);
    // terminals sit in known communities and serve 1–3 apps of their own county
    const apps = new Map(province.apps.records.map((a) => [a.externalId, a]));
    for (const t of province.terminals.records) {
      const ok =
        codes.has(t.communityCode) &&
        t.appExternalIds.length >= 1 &&
        t.appExternalIds.length <= 3 &&
        t.appExternalIds.every((id) => apps.get(id)?.countyCode === t.communityCode.slice(0, 6));
      if (!ok) problems.push(t.externalId);
    }
    expect(problems).toEqual([]);
  });

  it('contains the demo county with the same apps, terminals and values as the demo data set', () => {
    const demo = buildDataset({ scale: 'demo', seed: 'zhunru', now: NOW });
    const inCounty = (r: any) => (r.countyCode ?? r.communityCode).startsWith('511828');
    const sortById = (a: any, b: any) => (a.externalId < b.externalId ? -1 : 1);
    const provinceCounty = (kind: RecordKind) =>
      province
        .store(kind)
        .records.filter(inCounty)
        .map((r) => province.toWire(kind, r))
        .sort(sortById);
    expect(provinceCounty('business-apps')).toEqual(demo.records('business-apps').sort(sortById));
    expect(provinceCounty('terminals')).toEqual(demo.records('terminals').sort(sortById));
    // values agree; only the time the platform loaded them differs (their place in the batch)
    const strip = ({ updatedAt, ...rest }: any) => rest;
    expect(provinceCounty('collected-values').map(strip)).toEqual(demo.records('collected-values').map(strip).sort(sortById));
    // and the demo data set is reproducible from its seed
    expect(buildDataset({ scale: 'demo', seed: 'zhunru', now: NOW }).records('terminals')).toEqual(demo.records('terminals'));
    expect(buildDataset({ scale: 'demo', seed: 'other', now: NOW }).records('terminals')).not.toEqual(demo.records('terminals'));
  });
});

describe('sorted store', () => {
  const prng = new Prng('store-test');
  const check = <R extends StoredRecord>(store: SortedStore<R>, communityOf: (r: R) => string, communityCodes: string[]) => {
    const all = store.records;
    expect(isSorted(all)).toBe(true);
    for (let i = 0; i < 10; i++) {
      const pivot = all[prng.int(0, all.length - 1)];
      const after = prng.chance(0.7) ? { u: pivot.u, id: pivot.externalId } : null;
      const since = prng.chance(0.5) ? all[prng.int(0, all.length - 1)].u : null;
      expect(idsOf(store.page(since, after, 500, null))).toEqual(naivePage(all, since, after, 500, null, null));
      const communities = Array.from({ length: prng.int(1, 40) }, () => communityCodes[prng.int(0, communityCodes.length - 1)]);
      expect(idsOf(store.page(since, after, 300, communities))).toEqual(naivePage(all, since, after, 300, communityOf, communities));
    }
  };

  it('pages by binary search and k-way merge exactly like a filter of the whole list', () => {
    const codes = province.geography.communities.map((c) => c.code);
    check(province.terminals, (t) => t.communityCode, codes);
    // a county's communities: some hundreds of per-community lists merged
    const county = province.geography.communities.filter((c) => c.countyCode === '510161').map((c) => c.code);
    const all = province.terminals.records;
    expect(county.length).toBeGreaterThan(60);
    expect(idsOf(province.terminals.page(null, null, 1000, county))).toEqual(naivePage(all, null, null, 1000, (t) => t.communityCode, county));
  });

  it('stays sorted and consistent after touches and deletions', () => {
    const store = province.terminals;
    const before = store.size;
    const touched = province.pick('terminals', 3000, prng);
    const at = province.touch('terminals', touched);
    expect(store.size).toBe(before);
    expect(store.records.slice(-3000).every((r) => r.u === at)).toBe(true);
    expect(new Set(idsOf(store.records.slice(-3000)))).toEqual(new Set(idsOf(touched)));
    const gone = province.pick('terminals', 500, prng);
    province.remove('terminals', gone);
    expect(store.size).toBe(before - new Set(gone).size);
    expect(gone.filter((r) => store.get(r.externalId) !== undefined)).toEqual([]);
    check(
      store,
      (t) => t.communityCode,
      province.geography.communities.map((c) => c.code),
    );
    // a few records: the splice path
    province.touch('terminals', province.pick('terminals', 3, prng));
    expect(isSorted(store.records)).toBe(true);
  });

  it('serves a province page over HTTP', async () => {
    const sim = await startSimulator({ dataset: province });
    try {
      const a = new HttpPlatformAdapter({ baseUrl: sim.url, appKey: DEFAULT_APP_KEY, appSecret: DEFAULT_APP_SECRET });
      const first = await a.listTerminals({ pageSize: 1000 });
      const second = await a.listTerminals({ pageSize: 1000, cursor: first.nextCursor });
      expect(first.items).toHaveLength(1000);
      expect(second.items).toHaveLength(1000);
      expect(second.items[0].externalId).toBe(province.terminals.records[1000].externalId);
      expect(first.rejected).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
