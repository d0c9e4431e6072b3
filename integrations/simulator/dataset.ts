/**
 * The simulator's in-memory data: business apps, terminals and collected values, built
 * deterministically from a seed (and a reference time `now`).
 *
 * - `demo`: the demo county 青衣县 (src/db/seed/demo-county.ts): 21 of its departments own
 *   28 business apps (13 integrated into the platform, 23 operated by communities), its
 *   119 communities hold 2–6 terminals each serving 1–3 apps (a few consolidated or
 *   decommissioned), and the 12 data elements the platform collects
 *   (src/db/seed/demo-data-elements.ts, collectedOnPlatform) have a value per community
 *   for each of the last three complete months (Beijing time) before `now`.
 * - `province`: the same generator over a made-up province of 20 cities × ~9 counties ×
 *   ~17 townships × ~10 communities: ~30,000 communities with 3–10 terminals each
 *   (~200,000), ~4,500 apps, ~1.1 million collected values; ~200 MB of heap, built in
 *   2–5 s. The demo county is one of its counties, with the same apps, terminals and
 *   values as in `demo` (every county draws from its own PRNG stream; only the values'
 *   updatedAt differ, being their place in the province-wide monthly load).
 *
 * Made-up codes: cities are Sichuan's real city codes; invented counties take codes
 * xxxx61–xxxx70 under their city (511828 is the demo county), townships and communities
 * follow the demo county's pattern (街道 0xx, 镇 1xx, 乡 2xx; 社区 001–099, 村 200–299).
 */
import { DEMO_CITY, DEMO_COMMUNITIES, DEMO_COUNTY, DEMO_DEPARTMENTS, DEMO_PROVINCE, DEMO_TOWNSHIPS } from '../../src/db/seed/demo-county';
import { DEMO_DATA_ELEMENTS } from '../../src/db/seed/demo-data-elements';
import { USCC_CHARSET, makeUscc } from '../../src/organisation';
import type { PlatformBusinessApp, PlatformCollectedValue, PlatformTerminal, PlatformTerminalStatus } from '../platform/types';
import { Prng } from './prng';
import { SortedStore, type StoredRecord } from './store';

export type Scale = 'demo' | 'province';
export type RecordKind = 'business-apps' | 'terminals' | 'collected-values';
export const RECORD_KINDS: readonly RecordKind[] = ['business-apps', 'terminals', 'collected-values'];

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** China Standard Time offset (periods and load times are Beijing time). */
const CST = 8 * HOUR;

// ---------------------------------------------------------------- geography

export interface SimCity {
  code: string;
  name: string;
}
export interface SimCounty {
  code: string;
  name: string;
  cityCode: string;
}
export interface SimTownship {
  code: string;
  name: string;
  countyCode: string;
  kind: 'TOWN' | 'XIANG' | 'STREET';
}
export interface SimCommunity {
  code: string;
  name: string;
  type: 'VILLAGE' | 'URBAN';
  townshipCode: string;
  countyCode: string;
  population: number;
  households: number;
}
export interface SimGeography {
  province: { code: string; name: string };
  cities: SimCity[];
  counties: SimCounty[];
  townships: SimTownship[];
  communities: SimCommunity[];
}

/** Twenty of Sichuan's cities (real codes and names); counties below them are invented. */
const PROVINCE_CITIES: SimCity[] = [
  ['510100', '成都市'],
  ['510300', '自贡市'],
  ['510400', '攀枝花市'],
  ['510500', '泸州市'],
  ['510600', '德阳市'],
  ['510700', '绵阳市'],
  ['510800', '广元市'],
  ['510900', '遂宁市'],
  ['511000', '内江市'],
  ['511100', '乐山市'],
  ['511300', '南充市'],
  ['511400', '眉山市'],
  ['511500', '宜宾市'],
  ['511600', '广安市'],
  ['511700', '达州市'],
  ['511800', '雅安市'],
  ['511900', '巴中市'],
  ['512000', '资阳市'],
  ['513200', '阿坝藏族羌族自治州'],
  ['513300', '甘孜藏族自治州'],
].map(([code, name]) => ({ code: code, name: name }));

const SYLLABLES = [
  ...'青白石金龙凤云山河溪泉松柏桃李梅竹兰岩坪坝湾桥塘田林峰岭安和平兴隆福寿康宁新华东南西中上大长高明光阳月星花果茶水马鹤鹿红黄玉宝德仁义文武春秋双三五太永丰乐清',
];

function placeName(prng: Prng, suffix: string, taken: Set<string>): string {
  for (let i = 0; i < 20; i++) {
    const name = prng.pick(SYLLABLES) + prng.pick(SYLLABLES) + suffix;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const name = `${prng.pick(SYLLABLES)}${prng.pick(SYLLABLES)}${prng.pick(SYLLABLES)}${suffix}`;
  taken.add(name);
  return name;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function demoGeography(): SimGeography {
  return {
    province: { code: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name },
    cities: [{ code: DEMO_CITY.code, name: DEMO_CITY.name }],
    counties: [{ code: DEMO_COUNTY.code, name: DEMO_COUNTY.name, cityCode: DEMO_CITY.code }],
    townships: DEMO_TOWNSHIPS.map((t) => ({ code: t.code, name: t.name, countyCode: DEMO_COUNTY.code, kind: t.kind! })),
    communities: DEMO_COMMUNITIES.map((c) => ({ ...c, countyCode: DEMO_COUNTY.code })),
  };
}

/** One invented county: 14–20 townships of 6–14 communities. */
function inventCounty(seed: string, county: SimCounty, geo: SimGeography): void {
  const prng = new Prng(`${seed}:geo:${county.code}`);
  const streets = prng.int(1, 4);
  const towns = prng.int(7, 11);
  const xiang = prng.int(14, 20) - streets - towns;
  const townshipNames = new Set<string>();
  const plan: Array<{ kind: SimTownship['kind']; code: string }> = [];
  for (let i = 1; i <= streets; i++) plan.push({ kind: 'STREET', code: `${county.code}${pad(i, 3)}000` });
  for (let i = 0; i < towns; i++) plan.push({ kind: 'TOWN', code: `${county.code}${100 + i}000` });
  for (let i = 0; i < Math.max(0, xiang); i++) plan.push({ kind: 'XIANG', code: `${county.code}${200 + i}000` });
  for (const t of plan) {
    const suffix = t.kind === 'STREET' ? '街道' : t.kind === 'TOWN' ? '镇' : '乡';
    geo.townships.push({ code: t.code, name: placeName(prng, suffix, townshipNames), countyCode: county.code, kind: t.kind });
    const size = prng.int(6, 14);
    const urban = t.kind === 'STREET' ? prng.int(Math.ceil(size / 2), size) : t.kind === 'TOWN' ? prng.int(0, 2) : 0;
    const names = new Set<string>();
    for (let i = 0; i < size; i++) {
      const isUrban = i < urban;
      const code = `${t.code.slice(0, 9)}${isUrban ? pad(i + 1, 3) : String(200 + i - urban)}`;
      const population = isUrban ? prng.int(3000, 12000) : Math.round(t.kind === 'XIANG' ? 600 + 2900 * prng.next() ** 1.6 : prng.int(600, 3500));
      geo.communities.push({
        code,
        name: placeName(prng, isUrban ? '社区' : '村', names),
        type: isUrban ? 'URBAN' : 'VILLAGE',
        townshipCode: t.code,
        countyCode: county.code,
        population,
        households: Math.round(population / prng.float(2.6, 3.2)),
      });
    }
  }
}

/** The made-up province (see the file comment); includes the demo county unchanged. */
export function provinceGeography(seed: string): SimGeography {
  const geo: SimGeography = {
    province: { code: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name },
    cities: PROVINCE_CITIES,
    counties: [],
    townships: [],
    communities: [],
  };
  const demo = demoGeography();
  for (const city of PROVINCE_CITIES) {
    const prng = new Prng(`${seed}:geo:${city.code}`);
    const count = prng.int(8, 10);
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (city.code === DEMO_CITY.code && i === 0) {
        geo.counties.push(demo.counties[0]);
        geo.townships.push(...demo.townships);
        geo.communities.push(...demo.communities);
        continue;
      }
      const county: SimCounty = { code: `${city.code.slice(0, 4)}${61 + i}`, name: placeName(prng, i === 1 ? '区' : '县', names), cityCode: city.code };
      geo.counties.push(county);
      inventCounty(seed, county, geo);
    }
  }
  return geo;
}

// ---------------------------------------------------------------- departments and apps

interface SimDepartment {
  name: string;
  shortName: string;
  uscc: string | null;
}

/** The county departments that own apps, by short name; `full` builds an invented county's name. */
const DEPARTMENT_TEMPLATES: Array<{ shortName: string; full: (county: string) => string; type: '1' | '3' }> = [
  { shortName: '县委组织部', full: (c) => `中共${c}委组织部`, type: '1' },
  { shortName: '县委政法委', full: (c) => `中共${c}委政法委员会`, type: '1' },
  { shortName: '县公安局', full: (c) => `${c}公安局`, type: '1' },
  { shortName: '县民政局', full: (c) => `${c}民政局`, type: '1' },
  { shortName: '县人力资源社会保障局', full: (c) => `${c}人力资源和社会保障局`, type: '1' },
  { shortName: '县自然资源局', full: (c) => `${c}自然资源局`, type: '1' },
  { shortName: '县水利局', full: (c) => `${c}水利局`, type: '1' },
  { shortName: '县农业农村局', full: (c) => `${c}农业农村局`, type: '1' },
  { shortName: '县文化广电旅游局', full: (c) => `${c}文化广播电视和旅游局`, type: '1' },
  { shortName: '县卫生健康局', full: (c) => `${c}卫生健康局`, type: '1' },
  { shortName: '县退役军人事务局', full: (c) => `${c}退役军人事务局`, type: '1' },
  { shortName: '县应急管理局', full: (c) => `${c}应急管理局`, type: '1' },
  { shortName: '县市场监管局', full: (c) => `${c}市场监督管理局`, type: '1' },
  { shortName: '县统计局', full: (c) => `${c}统计局`, type: '1' },
  { shortName: '县医疗保障局', full: (c) => `${c}医疗保障局`, type: '1' },
  { shortName: '县林业局', full: (c) => `${c}林业局`, type: '1' },
  { shortName: '县综合行政执法局', full: (c) => `${c}综合行政执法局`, type: '1' },
  { shortName: '县政务服务和大数据局', full: (c) => `${c}政务服务和大数据管理局`, type: '1' },
  { shortName: '县信访局', full: (c) => `${c}信访局`, type: '1' },
  { shortName: '县妇联', full: (c) => `${c}妇女联合会`, type: '3' },
  { shortName: '县残联', full: (c) => `${c}残疾人联合会`, type: '3' },
];

interface AppTemplate {
  key: string;
  name: string;
  owner: string;
  integrated: boolean;
  usedByCommunities: boolean;
  /** Always present in a county (others: 85 %). */
  core?: boolean;
}

/** The demo county's business apps (and the template of every county's). */
const APP_TEMPLATES: AppTemplate[] = [
  { key: 'ZWFW', name: '基层政务服务一体机管理系统', owner: '县政务服务和大数据局', integrated: true, usedByCommunities: true, core: true },
  { key: 'SHJZ', name: '社会救助信息系统', owner: '县民政局', integrated: true, usedByCommunities: true, core: true },
  { key: 'ZHYL', name: '智慧养老服务平台', owner: '县民政局', integrated: false, usedByCommunities: true },
  { key: 'KJET', name: '困境儿童关爱服务系统', owner: '县民政局', integrated: true, usedByCommunities: true },
  { key: 'TYJR', name: '退役军人服务管理系统', owner: '县退役军人事务局', integrated: true, usedByCommunities: true, core: true },
  { key: 'YB', name: '医保服务平台', owner: '县医疗保障局', integrated: true, usedByCommunities: true, core: true },
  { key: 'WGH', name: '综治网格化管理系统', owner: '县委政法委', integrated: false, usedByCommunities: true, core: true },
  { key: 'XLGC', name: '“雪亮工程”视频监控平台', owner: '县公安局', integrated: false, usedByCommunities: true },
  { key: 'LDRK', name: '流动人口登记管理系统', owner: '县公安局', integrated: false, usedByCommunities: true },
  { key: 'RJHJ', name: '农村人居环境监测App', owner: '县农业农村局', integrated: false, usedByCommunities: true },
  { key: 'SZGL', name: '农村集体“三资”管理平台', owner: '县农业农村局', integrated: true, usedByCommunities: true },
  { key: 'AQSC', name: '安全生产巡查App', owner: '县应急管理局', integrated: false, usedByCommunities: true },
  { key: 'RKPC', name: '人口普查采集终端系统', owner: '县统计局', integrated: false, usedByCommunities: true },
  { key: 'TJZB', name: '统计联网直报平台', owner: '县统计局', integrated: true, usedByCommunities: false },
  { key: 'YLBX', name: '城乡居民养老保险经办系统', owner: '县人力资源社会保障局', integrated: true, usedByCommunities: true, core: true },
  { key: 'JY', name: '公共就业服务信息系统', owner: '县人力资源社会保障局', integrated: true, usedByCommunities: true },
  { key: 'CJBT', name: '残疾人两项补贴管理系统', owner: '县残联', integrated: true, usedByCommunities: true },
  { key: 'GW', name: '基本公共卫生服务系统', owner: '县卫生健康局', integrated: false, usedByCommunities: true },
  { key: 'JTYS', name: '家庭医生签约服务App', owner: '县卫生健康局', integrated: true, usedByCommunities: true },
  { key: 'DZFZ', name: '地质灾害群测群防App', owner: '县自然资源局', integrated: false, usedByCommunities: true },
  { key: 'FXKH', name: '防汛抗旱指挥系统', owner: '县水利局', integrated: false, usedByCommunities: true },
  { key: 'SLFH', name: '森林防火巡护App', owner: '县林业局', integrated: false, usedByCommunities: true },
  { key: 'DYJY', name: '党员远程教育管理系统', owner: '县委组织部', integrated: true, usedByCommunities: true },
  { key: 'WHGX', name: '公共文化服务平台', owner: '县文化广电旅游局', integrated: false, usedByCommunities: true },
  { key: 'SCZT', name: '市场主体信息采集App', owner: '县市场监管局', integrated: false, usedByCommunities: false },
  { key: 'XF', name: '信访事项办理系统', owner: '县信访局', integrated: true, usedByCommunities: false },
  { key: 'CSGL', name: '数字城管平台', owner: '县综合行政执法局', integrated: false, usedByCommunities: false },
  { key: 'FLWQ', name: '妇女儿童维权服务平台', owner: '县妇联', integrated: false, usedByCommunities: false },
];

interface TerminalKind {
  model: string;
  /** The app it is deployed for (skipped when the county has no such app). */
  primary: string;
  /** Other apps it may serve as well. */
  extra: string[];
  urban: number;
  village: number;
}

const TERMINAL_KINDS: TerminalKind[] = [
  { model: '社区综合自助服务一体机 ZW-8600', primary: 'ZWFW', extra: ['SHJZ', 'YB', 'YLBX', 'JY'], urban: 3, village: 2 },
  { model: '网格员手持终端 WG-M3', primary: 'WGH', extra: ['LDRK', 'AQSC'], urban: 3, village: 2 },
  { model: '视频监控终端 XL-220', primary: 'XLGC', extra: [], urban: 1.5, village: 1.2 },
  { model: '党员远程教育终端 DY-5', primary: 'DYJY', extra: ['WHGX'], urban: 1.2, village: 1.5 },
  { model: '社保卡自助服务终端 SB-310', primary: 'YLBX', extra: ['JY', 'YB'], urban: 1.5, village: 1 },
  { model: '医保经办服务终端 YB-200', primary: 'YB', extra: ['CJBT'], urban: 1, village: 0.8 },
  { model: '居家养老呼叫终端 YL-100', primary: 'ZHYL', extra: [], urban: 2, village: 0.8 },
  { model: '健康一体机 JK-A6', primary: 'JTYS', extra: ['GW'], urban: 1.2, village: 1.2 },
  { model: '地质灾害监测预警终端 DZ-2', primary: 'DZFZ', extra: [], urban: 0.1, village: 1.5 },
  { model: '人口普查采集平板 PC-T10', primary: 'RKPC', extra: [], urban: 0.6, village: 0.6 },
  { model: '文化共享服务终端 WH-7', primary: 'WHGX', extra: ['DYJY'], urban: 0.8, village: 0.8 },
  { model: '安全生产巡查平板 AQ-P8', primary: 'AQSC', extra: ['SLFH'], urban: 0.8, village: 0.6 },
  { model: '防汛预警广播终端 FX-9', primary: 'FXKH', extra: [], urban: 0.3, village: 1 },
  { model: '护林员巡护终端 HL-3', primary: 'SLFH', extra: [], urban: 0.05, village: 1 },
  { model: '人居环境监测终端 RJ-4', primary: 'RJHJ', extra: [], urban: 0.1, village: 0.8 },
  { model: '农村“三资”管理终端 SZ-1', primary: 'SZGL', extra: [], urban: 0, village: 0.6 },
  { model: '困境儿童关爱平板 ET-2', primary: 'KJET', extra: ['CJBT'], urban: 0.5, village: 0.5 },
];

// ---------------------------------------------------------------- records

export class AppRecord implements StoredRecord {
  constructor(
    readonly externalId: string,
    public name: string,
    public departmentUscc: string | null,
    public departmentName: string,
    public integrated: boolean,
    public usedByCommunities: boolean,
    public u: number,
    readonly countyCode: string,
  ) {}
}

export class TerminalRecord implements StoredRecord {
  constructor(
    readonly externalId: string,
    public communityCode: string,
    public model: string,
    public appExternalIds: string[],
    public status: PlatformTerminalStatus,
    public lastSeen: number | null,
    public u: number,
  ) {}
}

/** Lookup tables of the compact collected-value records. */
export interface ValueTables {
  communities: string[];
  elements: Array<{ code: string; source: string }>;
  periods: string[];
}

/** A collected value, kept compact (indexes into ValueTables): a province holds about a million. */
export class ValueRecord implements StoredRecord {
  constructor(
    private readonly t: ValueTables,
    readonly c: number,
    readonly e: number,
    readonly p: number,
    public v: number,
    public u: number,
  ) {}

  get externalId(): string {
    return `CV-${this.t.elements[this.e].code}-${this.t.communities[this.c]}-${this.t.periods[this.p]}`;
  }
  get communityCode(): string {
    return this.t.communities[this.c];
  }
  get dataElementCode(): string {
    return this.t.elements[this.e].code;
  }
  get period(): string {
    return this.t.periods[this.p];
  }
  get source(): string {
    return this.t.elements[this.e].source;
  }
}

export type AnyRecord = AppRecord | TerminalRecord | ValueRecord;

const iso = (ms: number) => new Date(ms).toISOString();

export function appToWire(r: AppRecord): PlatformBusinessApp {
  return {
    externalId: r.externalId,
    name: r.name,
    departmentUscc: r.departmentUscc,
    departmentName: r.departmentName,
    integrated: r.integrated,
    usedByCommunities: r.usedByCommunities,
    updatedAt: iso(r.u),
  };
}

export function terminalToWire(r: TerminalRecord): PlatformTerminal {
  return {
    externalId: r.externalId,
    communityCode: r.communityCode,
    model: r.model,
    appExternalIds: r.appExternalIds.slice(),
    status: r.status,
    lastSeenAt: r.lastSeen === null ? null : iso(r.lastSeen),
    updatedAt: iso(r.u),
  };
}

export function valueToWire(r: ValueRecord): PlatformCollectedValue {
  return {
    externalId: r.externalId,
    dataElementCode: r.dataElementCode,
    communityCode: r.communityCode,
    period: r.period,
    value: String(r.v),
    source: r.source,
    updatedAt: iso(r.u),
  };
}

// ---------------------------------------------------------------- collected values

/** Share of the population (or absolute range) per platform-collected data element. */
function baseValue(code: string, c: SimCommunity, prng: Prng): number {
  const p = c.population;
  const village = c.type === 'VILLAGE';
  switch (code) {
    case 'DE.RK.0001':
      return p;
    case 'DE.RK.0002':
      return c.households;
    case 'DE.RK.0003':
      return Math.round(p * prng.float(village ? 0.035 : 0.028, village ? 0.055 : 0.042));
    case 'DE.RK.0004':
      return Math.round(p * prng.float(village ? 0.21 : 0.17, village ? 0.3 : 0.24));
    case 'DE.JZ.0001':
      return Math.round(p * prng.float(village ? 0.025 : 0.008, village ? 0.055 : 0.02));
    case 'DE.JZ.0002':
      return Math.round(p * prng.float(0.002, village ? 0.007 : 0.004));
    case 'DE.JZ.0003':
      return Math.round(p * prng.float(0.0005, 0.003));
    case 'DE.CJ.0001':
      return Math.round(p * prng.float(0.035, 0.058));
    case 'DE.TY.0001':
      return Math.round(p * prng.float(0.008, 0.02));
    case 'DE.YB.0001':
      return Math.round(p * prng.float(village ? 0.86 : 0.55, village ? 0.96 : 0.72));
    case 'DE.SB.0001':
      return Math.round(p * prng.float(village ? 0.45 : 0.25, village ? 0.6 : 0.38));
    case 'DE.FX.0001':
      return village ? prng.int(0, 6) : prng.int(0, 1);
    default:
      return Math.round(p * prng.float(0.01, 0.05));
  }
}

/** Next month's value: population-like figures drift by a few per mille, small counts by ±1 now and then. */
function drift(value: number, code: string, prng: Prng): number {
  if (code === 'DE.FX.0001') return prng.chance(0.05) ? Math.max(0, value + prng.pick([-1, 1])) : value;
  if (value < 50) return prng.chance(0.25) ? Math.max(0, value + prng.pick([-1, 1])) : value;
  return Math.max(0, value + Math.round(value * prng.float(-0.003, 0.004)));
}

/** The three complete months before `now` (Beijing time), oldest first, as `YYYY-MM`, with their first day (ms). */
export function lastThreeMonths(now: number): Array<{ period: string; start: number; next: number }> {
  const local = new Date(now + CST);
  const out = [];
  for (let back = 3; back >= 1; back--) {
    const start = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
    const next = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) - CST;
    out.push({ period: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1, 2)}`, start: start.getTime() - CST, next });
  }
  return out;
}

// ---------------------------------------------------------------- the data set

export interface DatasetOptions {
  scale?: Scale;
  /** Default 'zhunru'. */
  seed?: string;
  /** Reference time (ms): every generated updatedAt lies before it. Default: Date.now(). */
  now?: number;
}

export class Dataset {
  readonly scale: Scale;
  readonly seed: string;
  readonly now: number;
  readonly geography: SimGeography;
  readonly apps: SortedStore<AppRecord>;
  readonly terminals: SortedStore<TerminalRecord>;
  readonly values: SortedStore<ValueRecord>;
  readonly valueTables: ValueTables;
  /** Milliseconds it took to build. */
  readonly buildMs: number;

  constructor(opts: DatasetOptions = {}) {
    const started = Date.now();
    this.scale = opts.scale ?? 'demo';
    this.seed = opts.seed ?? 'zhunru';
    this.now = opts.now ?? Date.now();
    this.geography = this.scale === 'province' ? provinceGeography(this.seed) : demoGeography();

    const elements = DEMO_DATA_ELEMENTS.filter((e) => e.collectedOnPlatform).map((e) => ({
      code: e.code,
      source: e.sourceSystem ?? '四川省一体化政务服务平台',
    }));
    const months = lastThreeMonths(this.now);
    this.valueTables = { communities: this.geography.communities.map((c) => c.code), elements, periods: months.map((m) => m.period) };

    const apps: AppRecord[] = [];
    const terminals: TerminalRecord[] = [];
    const batches: ValueRecord[][] = months.map(() => []);
    const loads = this.loadWindows(months, this.geography.communities.length * elements.length);
    const communitiesByCounty = new Map<string, number[]>();
    this.geography.communities.forEach((c, i) => {
      const list = communitiesByCounty.get(c.countyCode);
      if (list) list.push(i);
      else communitiesByCounty.set(c.countyCode, [i]);
    });
    for (const county of this.geography.counties) {
      this.buildCounty(county, communitiesByCounty.get(county.code) ?? [], loads, apps, terminals, batches);
    }
    const values = batches.flat();
    this.apps = new SortedStore(apps);
    this.terminals = new SortedStore(terminals, (r) => r.communityCode);
    this.values = new SortedStore(values, (r) => r.communityCode);
    this.buildMs = Date.now() - started;
  }

  /**
   * The platform loads each month's values in one batch, from the 3rd of the following
   * month at 08:00 Beijing time over a day and a half (squeezed before `now` when that is
   * sooner), one record after the other. updatedAt thus grows along the batch and the
   * values come out already in listing order (sorting a million records costs seconds).
   */
  private loadWindows(months: ReturnType<typeof lastThreeMonths>, perMonth: number): Array<{ start: number; step: number }> {
    return months.map((m) => {
      let start = m.next + 2 * DAY + 8 * HOUR;
      let end = start + 36 * HOUR;
      if (end > this.now - 60_000) end = this.now - 60_000;
      if (end - start < 7 * HOUR) start = end - 7 * HOUR;
      return { start, step: (end - start) / Math.max(1, perMonth) };
    });
  }

  private departments(county: SimCounty, prng: Prng): Map<string, SimDepartment> {
    const out = new Map<string, SimDepartment>();
    if (county.code === DEMO_COUNTY.code) {
      for (const d of DEMO_DEPARTMENTS) if (d.regionCode === DEMO_COUNTY.code && !out.has(d.shortName)) out.set(d.shortName, d);
      return out;
    }
    for (const t of DEPARTMENT_TEMPLATES) {
      let org = 'MB1';
      for (let i = 0; i < 6; i++) org += USCC_CHARSET[prng.int(0, USCC_CHARSET.length - 1)];
      out.set(t.shortName, { name: t.full(county.name), shortName: t.shortName, uscc: makeUscc('1', t.type, county.code, org) });
    }
    return out;
  }

  private buildCounty(
    county: SimCounty,
    communityIdx: number[],
    loads: Array<{ start: number; step: number }>,
    apps: AppRecord[],
    terminals: TerminalRecord[],
    batches: ValueRecord[][],
  ): void {
    const prng = new Prng(`${this.seed}:county:${county.code}`);
    const demo = county.code === DEMO_COUNTY.code;
    const departments = this.departments(county, prng);

    // Business apps: the demo county has every template as written; others a subset,
    // with their own integration progress.
    const countyApps = new Map<string, AppRecord>();
    for (const t of APP_TEMPLATES) {
      if (!demo && !t.core && !prng.chance(0.85)) continue;
      const dept = departments.get(t.owner)!;
      const integrated = demo ? t.integrated : prng.chance(0.15) ? !t.integrated : t.integrated;
      const u = this.now - prng.int(30, 400) * DAY - prng.int(0, DAY - 1);
      const app = new AppRecord(`APP-${county.code}-${t.key}`, t.name, dept.uscc, dept.name, integrated, t.usedByCommunities, u, county.code);
      countyApps.set(t.key, app);
      apps.push(app);
    }

    const kinds = TERMINAL_KINDS.filter((k) => countyApps.has(k.primary));
    for (const ci of communityIdx) {
      const community = this.geography.communities[ci];
      const village = community.type === 'VILLAGE';
      const count = demo ? prng.int(2, 6) : prng.int(3, 10);
      const pool = kinds.filter((k) => (village ? k.village : k.urban) > 0);
      let seq = 0;
      for (let n = 0; n < count && pool.length; n++) {
        // distinct kinds while there are any left, repeats of the common ones after that
        const kind = prng.weighted(pool, (k) => (village ? k.village : k.urban));
        if (pool.length > 1) pool.splice(pool.indexOf(kind), 1);
        const served = [countyApps.get(kind.primary)!];
        const extras = prng.shuffle(kind.extra.filter((key) => countyApps.has(key))).slice(0, prng.int(0, 2));
        for (const key of extras) served.push(countyApps.get(key)!);
        const allIntegrated = served.every((a) => a.integrated);
        const roll = prng.next();
        const status: PlatformTerminalStatus = allIntegrated
          ? roll < 0.12
            ? 'CONSOLIDATED'
            : roll < 0.16
              ? 'DECOMMISSIONED'
              : 'ACTIVE'
          : roll < 0.05
            ? 'DECOMMISSIONED'
            : 'ACTIVE';
        let u: number;
        let lastSeen: number | null;
        if (status === 'ACTIVE') {
          u = this.now - prng.int(60_000, 45 * DAY);
          lastSeen = u - prng.int(0, HOUR);
        } else if (status === 'CONSOLIDATED') {
          u = this.now - prng.int(20 * DAY, 200 * DAY);
          lastSeen = u - prng.int(DAY, 10 * DAY);
        } else {
          u = this.now - prng.int(60 * DAY, 500 * DAY);
          lastSeen = prng.chance(0.3) ? null : u - prng.int(DAY, 60 * DAY);
        }
        seq++;
        terminals.push(
          new TerminalRecord(
            `TRM-${community.code}-${pad(seq, 2)}`,
            community.code,
            kind.model,
            served.map((a) => a.externalId),
            status,
            lastSeen,
            u,
          ),
        );
      }

      // Collected values: one per platform data element and month, each month loaded in
      // one batch (see loadWindows), so updatedAt grows with the record's place in it.
      for (let e = 0; e < this.valueTables.elements.length; e++) {
        const code = this.valueTables.elements[e].code;
        let v = baseValue(code, community, prng);
        for (let p = 0; p < loads.length; p++) {
          if (p > 0) v = drift(v, code, prng);
          const batch = batches[p];
          const u = Math.floor(loads[p].start + (batch.length + prng.next() * 0.9) * loads[p].step);
          batch.push(new ValueRecord(this.valueTables, ci, e, p, v, u));
        }
      }
    }
  }

  store(kind: RecordKind): SortedStore<AnyRecord> {
    return (kind === 'business-apps' ? this.apps : kind === 'terminals' ? this.terminals : this.values) as SortedStore<AnyRecord>;
  }

  /** A record as the platform serves it. */
  toWire(kind: RecordKind, r: AnyRecord): PlatformBusinessApp | PlatformTerminal | PlatformCollectedValue {
    return kind === 'business-apps' ? appToWire(r as AppRecord) : kind === 'terminals' ? terminalToWire(r as TerminalRecord) : valueToWire(r as ValueRecord);
  }

  /** Every record of a kind, as served, in listing order. */
  records(kind: RecordKind): Array<PlatformBusinessApp | PlatformTerminal | PlatformCollectedValue> {
    return this.store(kind).records.map((r) => this.toWire(kind, r));
  }

  /**
   * Marks records as changed now (moved to the end of the listings). Besides updatedAt,
   * an active terminal's lastSeenAt becomes now and a collected value goes up by one;
   * `set` overrides fields explicitly (see SETTABLE_FIELDS).
   */
  touch(kind: RecordKind, records: readonly AnyRecord[], set?: Record<string, unknown>, now?: number): number {
    return this.store(kind).touch(
      records,
      (r, at) => {
        if (r instanceof TerminalRecord && r.status === 'ACTIVE') r.lastSeen = at;
        if (r instanceof ValueRecord) r.v = set?.value !== undefined ? Number(set.value) : r.v + 1;
        else if (set) Object.assign(r, set);
      },
      now,
    );
  }

  remove(kind: RecordKind, records: readonly AnyRecord[]): void {
    this.store(kind).remove(records);
  }

  /** `count` distinct records chosen at random. */
  pick(kind: RecordKind, count: number, prng: Prng): AnyRecord[] {
    const all = this.store(kind).records;
    const n = Math.min(count, all.length);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(prng.next() * all.length));
    return [...chosen].map((i) => all[i]);
  }

  counts(): Record<RecordKind, number> {
    return { 'business-apps': this.apps.size, terminals: this.terminals.size, 'collected-values': this.values.size };
  }
}

/** Fields `/__sim/touch` may set explicitly, with their JSON type. */
export const SETTABLE_FIELDS: Record<RecordKind, Record<string, 'string' | 'boolean' | 'string[]' | 'status' | 'number'>> = {
  'business-apps': { name: 'string', departmentName: 'string', integrated: 'boolean', usedByCommunities: 'boolean' },
  terminals: { model: 'string', appExternalIds: 'string[]', status: 'status', communityCode: 'string' },
  'collected-values': { value: 'number' },
};

export function buildDataset(opts: DatasetOptions = {}): Dataset {
  return new Dataset(opts);
}
