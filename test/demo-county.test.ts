import { DEMO_CITY, DEMO_COMMUNITIES, DEMO_COUNTY, DEMO_DEPARTMENTS, DEMO_PROVINCE, DEMO_TOWNSHIPS } from '../src/db/seed/demo-county';
import { isValidUscc } from '../src/organisation/uscc';

const townshipByCode = new Map(DEMO_TOWNSHIPS.map((t) => [t.code, t]));

describe('demo county: region tree', () => {
  it('chains province → city → county with six-digit GB/T 2260 codes', () => {
    expect(DEMO_PROVINCE).toMatchObject({ code: '510000', level: 'PROVINCE', parentCode: null });
    expect(DEMO_CITY).toMatchObject({ code: '511800', level: 'CITY', parentCode: DEMO_PROVINCE.code });
    expect(DEMO_COUNTY).toMatchObject({ code: '511828', level: 'COUNTY', parentCode: DEMO_CITY.code });
    for (const r of [DEMO_PROVINCE, DEMO_CITY, DEMO_COUNTY]) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(r.kind).toBeUndefined();
    }
  });

  it('has about ten townships under the county, two of them streets', () => {
    expect(DEMO_TOWNSHIPS.length).toBeGreaterThanOrEqual(8);
    expect(DEMO_TOWNSHIPS.length).toBeLessThanOrEqual(12);
    expect(DEMO_TOWNSHIPS.filter((t) => t.kind === 'STREET').map((t) => t.code)).toEqual(['511828001000', '511828002000']);
    expect(DEMO_TOWNSHIPS.some((t) => t.kind === 'TOWN')).toBe(true);
    expect(DEMO_TOWNSHIPS.some((t) => t.kind === 'XIANG')).toBe(true);
  });

  it.each(DEMO_TOWNSHIPS.map((t) => [t.name, t] as const))('township %s has a 12-digit code matching its kind and suffix', (_n, t) => {
    expect(t.level).toBe('TOWNSHIP');
    expect(t.parentCode).toBe(DEMO_COUNTY.code);
    expect(t.code).toMatch(/^511828\d{3}000$/);
    const range = t.code[6]; // 0 街道, 1 镇, 2 乡
    const expected = { STREET: ['0', '街道'], TOWN: ['1', '镇'], XIANG: ['2', '乡'] }[t.kind!];
    expect(expected).toBeDefined();
    expect(range).toBe(expected[0]);
    expect(t.name.endsWith(expected[1])).toBe(true);
  });

  it('uses every region code once', () => {
    const codes = [DEMO_PROVINCE, DEMO_CITY, DEMO_COUNTY, ...DEMO_TOWNSHIPS].map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const names = DEMO_TOWNSHIPS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('demo county: communities', () => {
  it('has 110–140 communities, mostly villages', () => {
    expect(DEMO_COMMUNITIES.length).toBeGreaterThanOrEqual(110);
    expect(DEMO_COMMUNITIES.length).toBeLessThanOrEqual(140);
    const urban = DEMO_COMMUNITIES.filter((c) => c.type === 'URBAN').length;
    expect(urban).toBeGreaterThan(0);
    expect(urban).toBeLessThan(DEMO_COMMUNITIES.length - urban);
  });

  it('uses every community code once, and no code collides with a region', () => {
    const codes = DEMO_COMMUNITIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(townshipByCode.has(code)).toBe(false);
  });

  it('keeps names unique within each township', () => {
    for (const t of DEMO_TOWNSHIPS) {
      const names = DEMO_COMMUNITIES.filter((c) => c.townshipCode === t.code).map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it.each(DEMO_COMMUNITIES.map((c) => [c.code, c.name, c] as const))('%s %s is well formed', (_code, _name, c) => {
    const township = townshipByCode.get(c.townshipCode);
    expect(township).toBeDefined();
    expect(c.code).toMatch(/^\d{12}$/);
    expect(c.code.slice(0, 9)).toBe(township!.code.slice(0, 9));
    const serial = Number(c.code.slice(9));
    if (c.type === 'URBAN') {
      expect(serial).toBeGreaterThanOrEqual(1);
      expect(serial).toBeLessThanOrEqual(99);
      expect(c.name.endsWith('社区')).toBe(true);
      expect(township!.kind).not.toBe('XIANG'); // 乡 hold only villages
      expect(c.population).toBeGreaterThanOrEqual(3000);
      expect(c.population).toBeLessThanOrEqual(12000);
    } else {
      expect(c.type).toBe('VILLAGE');
      expect(serial).toBeGreaterThanOrEqual(200);
      expect(serial).toBeLessThanOrEqual(299);
      expect(c.name.endsWith('村')).toBe(true);
      expect(c.population).toBeGreaterThanOrEqual(600);
      expect(c.population).toBeLessThanOrEqual(3500);
    }
    expect(Number.isInteger(c.population) && Number.isInteger(c.households)).toBe(true);
    expect(c.households).toBeGreaterThan(0);
    expect(c.households).toBeLessThan(c.population);
    const perHousehold = c.population / c.households;
    expect(perHousehold).toBeGreaterThanOrEqual(2.5);
    expect(perHousehold).toBeLessThanOrEqual(3.3);
  });

  it('gives every township communities, streets mostly 社区 and towns a 社区 at the seat', () => {
    for (const t of DEMO_TOWNSHIPS) {
      const own = DEMO_COMMUNITIES.filter((c) => c.townshipCode === t.code);
      const urban = own.filter((c) => c.type === 'URBAN').length;
      expect(own.length).toBeGreaterThan(0);
      if (t.kind === 'STREET') expect(urban).toBeGreaterThan(own.length / 2);
      if (t.kind === 'TOWN') expect(urban).toBeGreaterThanOrEqual(1);
      if (t.kind === 'XIANG') expect(urban).toBe(0);
    }
  });

  it('is not uniform: populations vary', () => {
    const pops = DEMO_COMMUNITIES.map((c) => c.population);
    expect(new Set(pops).size).toBeGreaterThan(pops.length * 0.9);
  });
});

describe('demo county: departments', () => {
  const CATEGORIES = ['政府工作部门', '党委工作机关', '群团组织', '垂直管理部门', '事业单位'];

  it('has 32–40 departments, at county level and a few at city level', () => {
    expect(DEMO_DEPARTMENTS.length).toBeGreaterThanOrEqual(32);
    expect(DEMO_DEPARTMENTS.length).toBeLessThanOrEqual(40);
    const regions = new Set(DEMO_DEPARTMENTS.map((d) => d.regionCode));
    expect([...regions].sort()).toEqual([DEMO_CITY.code, DEMO_COUNTY.code]);
    const city = DEMO_DEPARTMENTS.filter((d) => d.regionCode === DEMO_CITY.code);
    expect(city.length).toBeGreaterThanOrEqual(2);
    expect(city.length).toBeLessThanOrEqual(3);
    for (const d of city) expect(d.name).toContain('雅安市');
  });

  it('uses unique names and known categories', () => {
    const names = DEMO_DEPARTMENTS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of DEMO_DEPARTMENTS) {
      expect(CATEGORIES).toContain(d.category);
      expect(d.shortName.length).toBeGreaterThan(0);
      expect(d.shortName.length).toBeLessThan(d.name.length);
      if (d.regionCode === DEMO_COUNTY.code) expect(d.name).toContain('青衣');
    }
    for (const cat of CATEGORIES) expect(DEMO_DEPARTMENTS.some((d) => d.category === cat)).toBe(true);
  });

  it('names the county civil-affairs bureau before any other 民政局 (the seed binds users by first match)', () => {
    expect(DEMO_DEPARTMENTS.find((d) => d.name.includes('民政局'))?.name).toBe('青衣县民政局');
  });

  it('has valid, unique USCCs matching region and category, with a few unknown', () => {
    const known = DEMO_DEPARTMENTS.filter((d) => d.uscc !== null);
    const unknown = DEMO_DEPARTMENTS.length - known.length;
    expect(unknown).toBeGreaterThanOrEqual(2);
    expect(unknown).toBeLessThanOrEqual(3);
    const typeByCategory: Record<string, string> = {
      政府工作部门: '11',
      党委工作机关: '11',
      垂直管理部门: '11',
      事业单位: '12',
      群团组织: '13',
    };
    for (const d of known) {
      expect(isValidUscc(d.uscc!)).toBe(true);
      expect(d.uscc!.slice(2, 8)).toBe(d.regionCode);
      expect(d.uscc!.slice(0, 2)).toBe(typeByCategory[d.category]);
    }
    const codes = known.map((d) => d.uscc);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
