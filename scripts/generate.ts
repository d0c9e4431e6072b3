/**
 * `npm run db:generate -- --scale province [--seed zhunru] [--force]`
 *
 * Fills the database at DATABASE_URL with a province's worth of realistic, skewed data,
 * deterministically from a seed (and the current day), then refreshes the statistics:
 *
 *   regions      the simulator's made-up province (integrations/simulator/dataset.ts):
 *                20 cities, ~180 counties, ~3,000 townships, ~30,000 communities, the demo
 *                county 青衣县 among them
 *   departments  ~39 per county (the demo county's list, renamed), 3 per city: ~7,000
 *   users        one department user per department; analyst_province, analyst_city
 *   applications 25,000 over the last 12 months in every workflow state, skewed by county
 *                (activity) and department (a few push most), with rules findings,
 *                burden estimates and approval documents
 *   ledgers      ~150,000 requirements registered from the approved applications' ledger
 *                demands (scoped to their communities), a third abolished or merged in the
 *                clean-up, some on 一表通; filings of the monthly ones (a sample)
 *   terminals    the simulator's ~4,500 apps and ~200,000 terminals (same external ids, so
 *                a sync against the simulator updates them), with consolidation plans
 *   events       plaques, certificate requests, refusals and reports, funding allocations,
 *                data requirements served once — a year of them
 *
 * Bulk inserts: multi-row INSERT … SELECT FROM unnest($1::int[], …) in batches, and
 * generate_series with hashtext() for the large event tables. It refuses a database that
 * already holds the demo county unless --force (then it builds around it), and refuses
 * one it already filled.
 *
 * Scales: province (default), city (雅安市 only), demo (only a year of activity for the
 * demo county, in an existing database; implies --force).
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/prepare';
import { seedDemoCounty, DEMO_PASSWORD } from '../src/db/seed/seed';
import { DEMO_COUNTY, DEMO_DEPARTMENTS } from '../src/db/seed/demo-county';
import { DEMO_DATA_ELEMENTS } from '../src/db/seed/demo-data-elements';
import { hashPassword } from '../src/auth/credentials';
import { estimateBurden } from '../src/admission/burden';
import { ApplicationKind, ApplicationStatus as S, LedgerFormat, LedgerFrequency, ScopeType } from '../src/admission/enums';
import { WorkCategory } from '../src/catalogue/entity/work-category';
import { provinceGeography, buildDataset, type SimGeography } from '../integrations/simulator/dataset';
import { Prng } from '../integrations/simulator/prng';
import { refreshStatistics } from '../src/statistics/service/refresh';

type Scale = 'province' | 'city' | 'demo';
const DAY = 86_400_000;
const CST = 8 * 3600_000;

// ------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const scale = (get('scale') ?? 'province') as Scale;
  if (!['province', 'city', 'demo'].includes(scale)) throw new Error(`--scale must be province, city or demo (not ${scale})`);
  return {
    scale,
    seed: get('seed') ?? 'zhunru',
    force: argv.includes('--force') || scale === 'demo',
    applications: Number(get('applications') ?? (scale === 'province' ? 25_000 : scale === 'city' ? 1_300 : 150)),
    filingShare: Number(get('filing-share') ?? 35),
    skipRefresh: argv.includes('--no-refresh'),
  };
}

// ------------------------------------------------------------------------------------------
// Bulk insert helper: INSERT … SELECT … FROM unnest($1::type[], …), in batches

type Col = [name: string, arrayType: string, cast?: string];

async function insertRows(
  db: Client,
  table: string,
  cols: Col[],
  rows: unknown[][],
  opts: { batch?: number; suffix?: string; returning?: string } = {},
): Promise<any[]> {
  const batch = opts.batch ?? 5_000;
  const out: any[] = [];
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const arrays = cols.map((_, i) => slice.map((r) => (r[i] === undefined ? null : r[i])));
    const sql = `insert into ${table} (${cols.map((c) => c[0]).join(', ')})
      select ${cols.map((c, i) => `u.c${i}${c[2] ? `::${c[2]}` : ''}`).join(', ')}
        from unnest(${cols.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')}) as u(${cols.map((_, i) => `c${i}`).join(', ')})
      ${opts.suffix ?? ''} ${opts.returning ? `returning ${opts.returning}` : ''}`;
    const res = await db.query(sql, arrays);
    out.push(...res.rows);
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** YYYY-MM-DD of a time, in China. */
const cnDate = (ms: number) => new Date(ms + CST).toISOString().slice(0, 10);

// ------------------------------------------------------------------------------------------
// Templates

const WORK_TITLES: Array<{ title: string; category: WorkCategory; desc: string; basis: string }> = [
  {
    title: '协助开展困难群众动态排查',
    category: WorkCategory.SOCIAL_ASSISTANCE,
    desc: '每月入户排查困难群众生活状况，及时发现并报告。',
    basis: '《社会救助暂行办法》',
  },
  { title: '协助开展高龄津贴资格认证', category: WorkCategory.ELDERLY_CARE, desc: '每季度核实高龄老人生存状况。', basis: '《中华人民共和国老年人权益保障法》' },
  {
    title: '协助开展城乡居民医保参保动员',
    category: WorkCategory.HEALTH,
    desc: '动员辖区居民参加城乡居民基本医疗保险。',
    basis: '《中华人民共和国社会保险法》',
  },
  {
    title: '协助开展城乡居民养老保险待遇资格认证',
    category: WorkCategory.EMPLOYMENT_SOCIAL_SECURITY,
    desc: '协助核对待遇领取人员资格。',
    basis: '《中华人民共和国社会保险法》',
  },
  {
    title: '协助开展退役军人信息采集',
    category: WorkCategory.VETERANS,
    desc: '核对、补充退役军人和其他优抚对象基础信息。',
    basis: '《中华人民共和国退役军人保障法》',
  },
  {
    title: '协助开展残疾人两项补贴审核',
    category: WorkCategory.DISABILITY,
    desc: '协助核实困难残疾人生活补贴和重度残疾人护理补贴对象。',
    basis: '《残疾人保障法》',
  },
  { title: '协助开展流动人口登记', category: WorkCategory.POPULATION, desc: '协助登记辖区流动人口信息。', basis: '《居住证暂行条例》' },
  {
    title: '协助开展矛盾纠纷排查化解',
    category: WorkCategory.DISPUTE_MEDIATION,
    desc: '每月排查化解矛盾纠纷并报送台账。',
    basis: '《中华人民共和国人民调解法》',
  },
  { title: '协助开展森林防火宣传巡查', category: WorkCategory.EMERGENCY_MANAGEMENT, desc: '防火期协助开展宣传和巡查。', basis: '《森林防火条例》' },
  { title: '协助开展汛期地质灾害巡查', category: WorkCategory.EMERGENCY_MANAGEMENT, desc: '主汛期巡查地质灾害隐患点。', basis: '《地质灾害防治条例》' },
  {
    title: '协助开展农业经营主体信息统计',
    category: WorkCategory.AGRICULTURE_RURAL,
    desc: '协助统计家庭农场、合作社基本情况。',
    basis: '《中华人民共和国统计法》',
  },
  {
    title: '协助开展农村人居环境整治评估',
    category: WorkCategory.AGRICULTURE_RURAL,
    desc: '协助开展农村人居环境整治情况评估。',
    basis: '《农村人居环境整治提升五年行动方案》',
  },
  {
    title: '协助开展适龄儿童入学摸底',
    category: WorkCategory.CULTURE_EDUCATION,
    desc: '协助摸底辖区适龄儿童入学情况。',
    basis: '《中华人民共和国义务教育法》',
  },
  {
    title: '协助开展基本公共卫生服务宣传',
    category: WorkCategory.HEALTH,
    desc: '协助乡镇卫生院通知居民参加健康体检。',
    basis: '《中华人民共和国基本医疗卫生与健康促进法》',
  },
  {
    title: '协助开展公共文化活动组织',
    category: WorkCategory.CULTURE_EDUCATION,
    desc: '协助组织村（社区）文化活动。',
    basis: '《中华人民共和国公共文化服务保障法》',
  },
  { title: '协助开展人口抽样调查', category: WorkCategory.STATISTICS_SURVEY, desc: '协助开展年度人口变动情况抽样调查。', basis: '《中华人民共和国统计法》' },
  { title: '购买村（社区）养老助餐服务', category: WorkCategory.ELDERLY_CARE, desc: '由村（社区）提供老年助餐服务。', basis: '《政府购买服务管理办法》' },
  {
    title: '协助开展就业困难人员帮扶',
    category: WorkCategory.EMPLOYMENT_SOCIAL_SECURITY,
    desc: '登记就业困难人员并协助推荐岗位。',
    basis: '《中华人民共和国就业促进法》',
  },
  { title: '协助开展安全隐患排查', category: WorkCategory.PUBLIC_SAFETY, desc: '协助排查辖区公共安全隐患。', basis: '《中华人民共和国突发事件应对法》' },
  { title: '协助开展拆违控违巡查', category: WorkCategory.DEMOLITION, desc: '要求村（社区）巡查并配合拆除违法建筑。', basis: '' },
];

const LEDGER_NAMES = [
  '工作台账',
  '月报表',
  '走访登记表',
  '情况统计表',
  '排查记录表',
  '信息采集表',
  '工作日志',
  '季度报表',
  '年度汇总表',
  '签到表',
  '宣传记录',
  '会议记录',
];
const FREQ_WEIGHTS: Array<[LedgerFrequency, number]> = [
  [LedgerFrequency.MONTHLY, 35],
  [LedgerFrequency.QUARTERLY, 20],
  [LedgerFrequency.YEARLY, 15],
  [LedgerFrequency.WEEKLY, 12],
  [LedgerFrequency.HALF_YEARLY, 8],
  [LedgerFrequency.AD_HOC, 7],
  [LedgerFrequency.DAILY, 3],
];
const COLLECTED = DEMO_DATA_ELEMENTS.filter((e) => e.collectedOnPlatform).map((e) => e.code);
const NOT_COLLECTED = DEMO_DATA_ELEMENTS.filter((e) => !e.collectedOnPlatform).map((e) => e.code);

/** Status of an application created `ageDays` ago (younger ones are still in the pipeline). */
function drawStatus(prng: Prng, ageDays: number): S {
  const table: Array<[S, number]> =
    ageDays < 14
      ? [
          [S.DRAFT, 30],
          [S.SUBMITTED, 25],
          [S.IN_REVIEW, 22],
          [S.COMMITTEE, 5],
          [S.RETURNED, 5],
          [S.APPROVED, 6],
          [S.WITHDRAWN, 2],
          [S.REJECTED, 5],
        ]
      : ageDays < 45
        ? [
            [S.DRAFT, 6],
            [S.SUBMITTED, 4],
            [S.IN_REVIEW, 6],
            [S.COMMITTEE, 3],
            [S.RETURNED, 4],
            [S.APPROVED, 8],
            [S.IN_EFFECT, 45],
            [S.WITHDRAWN, 4],
            [S.REJECTED, 12],
            [S.REVOKED, 3],
            [S.COMPLETED, 5],
          ]
        : [
            [S.DRAFT, 2],
            [S.RETURNED, 1],
            [S.IN_REVIEW, 1],
            [S.APPROVED, 1],
            [S.IN_EFFECT, 44],
            [S.COMPLETED, 22],
            [S.REVOKED, 10],
            [S.WITHDRAWN, 5],
            [S.REJECTED, 14],
          ];
  return prng.weighted(table, (x) => x[1])[0];
}

// ------------------------------------------------------------------------------------------

interface Ctx {
  db: Client;
  prng: Prng;
  seed: string;
  now: number;
  yearStart: number;
  geo: SimGeography;
  counties: string[];
  log: (msg: string) => void;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('set DATABASE_URL to the database to fill (the generator does not write into the embedded default)');
  const started = Date.now();
  const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}`);

  const database = await openDatabase(config, { migrate: true });
  const db = new Client({ connectionString: database.url, application_name: 'zhunru-generate' });
  await db.connect();
  try {
    await db.query(`set synchronous_commit = off`);
    const { rows: existing } = await db.query(`select code from region where code in ($1, '510100')`, [DEMO_COUNTY.code]);
    if (existing.some((r) => r.code === '510100') && args.scale !== 'demo')
      throw new Error('this database already holds generated data; generate into a fresh database');
    if (existing.some((r) => r.code === DEMO_COUNTY.code) && !args.force) {
      throw new Error(
        `this database already holds the demo county ${DEMO_COUNTY.code}; generating adds a province around it — pass --force if that is what you want`,
      );
    }
    if (!existing.length) {
      await seedDemoCounty(database.orm.em.fork());
      log('demo county seeded (migrations applied)');
    }
    if (args.scale === 'demo') {
      const { rows } = await db.query(
        `select count(*)::int as n from admission_application a join region r on r.id = a.county_id where r.code = $1 and a.number like 'G%'`,
        [DEMO_COUNTY.code],
      );
      if (rows[0].n > 0) throw new Error('the demo county already has generated activity');
    }

    // The reference time: the start of today in China, so a day's runs are identical.
    const today = new Date(Date.now() + CST);
    const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - CST;
    const yearStart = now - 365 * DAY;
    const geoAll = provinceGeography(args.seed);
    const counties = geoAll.counties
      .filter((c) => (args.scale === 'province' ? true : args.scale === 'city' ? c.cityCode === '511800' : c.code === DEMO_COUNTY.code))
      .map((c) => c.code);
    const ctx: Ctx = { db, prng: new Prng(`${args.seed}:generate`), seed: args.seed, now, yearStart, geo: geoAll, counties, log };

    if (args.scale !== 'demo') {
      await generateRegions(ctx);
      await generateDepartments(ctx);
    }
    await generateUsers(ctx);
    const apps = await generateApplications(ctx, args.applications);
    await generateLedgers(ctx, apps, args.filingShare);
    await generateTerminals(ctx);
    await generateEvents(ctx);
    await db.query(`analyze`);
    log('analyzed');
    // Baseline: the first whole month of the generated year, for the province (every region inherits it).
    const baseline = new Date(yearStart + CST);
    baseline.setUTCDate(1);
    baseline.setUTCMonth(baseline.getUTCMonth() + 1);
    await db.query(
      `insert into statistics_baseline (region_id, code_prefix, month, note) select id, '51', $1, '生成数据：统计期首个整月' from region where code = '510000' on conflict (region_id) do nothing`,
      [baseline.toISOString().slice(0, 7)],
    );
    await db.query(
      `insert into burden_budget (county_id, year, ceiling_hours, note)
       select r.id, $1, round((coalesce(sum((a.burden->>'hoursPerYear')::float8), 0) * 0.9)::numeric, 0), '生成数据：按过去一年批准事项测算负担的九成设上限'
         from region r left join admission_application a on a.county_id = r.id and a.decided_at is not null
              and exists (select 1 from approval_document d where d.application_id = a.id and not d.provisional)
        where r.level = 'COUNTY' and r.code = any($2::text[]) group by r.id
       on conflict (county_id, year) do nothing`,
      [new Date(now + CST).getUTCFullYear(), counties],
    );
    if (!args.skipRefresh) {
      const result = await refreshStatistics(database.orm.em.fork());
      log(`statistics refreshed: ${JSON.stringify(result)}`);
    }
    const counts = await db.query(`select
      (select count(*) from region where level = 'CITY') as cities, (select count(*) from region where level = 'COUNTY') as counties,
      (select count(*) from region where level = 'TOWNSHIP') as townships, (select count(*) from community) as communities,
      (select count(*) from department) as departments, (select count(*) from app_user) as users,
      (select count(*) from admission_application) as applications, (select count(*) from approval_document) as documents,
      (select count(*) from ledger_requirement) as ledger_requirements, (select count(*) from ledger_filing) as ledger_filings,
      (select count(*) from business_app) as business_apps, (select count(*) from terminal) as terminals,
      (select count(*) from plaque) as plaques, (select count(*) from certificate_issuance) as certificate_issuances,
      (select count(*) from refusal) as refusals, (select count(*) from funding_allocation) as funding_allocations,
      (select count(*) from data_requirement) as data_requirements,
      pg_size_pretty(pg_database_size(current_database())) as database_size`);
    log(`done: ${JSON.stringify(counts.rows[0])}`);
  } finally {
    await db.end();
    await database.close();
  }
}

// ------------------------------------------------------------------------------------------
// Regions and departments

async function generateRegions(ctx: Ctx): Promise<void> {
  const { db, geo } = ctx;
  const wanted = new Set(ctx.counties);
  const cities = geo.cities.filter((c) => geo.counties.some((k) => k.cityCode === c.code && wanted.has(k.code)));
  const counties = geo.counties.filter((c) => wanted.has(c.code));
  const townships = geo.townships.filter((t) => wanted.has(t.countyCode));
  const communities = geo.communities.filter((c) => wanted.has(c.countyCode));
  // parent given by code: resolve in SQL
  const insertLevel = async (rows: Array<[string, string, string, string | null, string]>) => {
    for (let i = 0; i < rows.length; i += 5000) {
      const s = rows.slice(i, i + 5000);
      await db.query(
        `insert into region (code, name, level, kind, parent_id)
         select u.code, u.name, u.level::region_level, u.kind::township_kind, p.id
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as u(code, name, level, kind, parent)
           join region p on p.code = u.parent
         on conflict (code) do nothing`,
        [s.map((r) => r[0]), s.map((r) => r[1]), s.map((r) => r[2]), s.map((r) => r[3]), s.map((r) => r[4])],
      );
    }
  };
  await insertLevel(cities.map((c) => [c.code, c.name, 'CITY', null, geo.province.code]));
  await insertLevel(counties.map((c) => [c.code, c.name, 'COUNTY', null, c.cityCode]));
  await insertLevel(townships.map((t) => [t.code, t.name, 'TOWNSHIP', t.kind, t.countyCode]));
  for (let i = 0; i < communities.length; i += 5000) {
    const s = communities.slice(i, i + 5000);
    await db.query(
      `insert into community (code, name, type, township_id, county_id, population, households)
       select u.code, u.name, u.type::community_type, t.id, t.parent_id, u.pop, u.hh
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) as u(code, name, type, township, pop, hh)
         join region t on t.code = u.township
       on conflict (code) do nothing`,
      [s.map((c) => c.code), s.map((c) => c.name), s.map((c) => c.type), s.map((c) => c.townshipCode), s.map((c) => c.population), s.map((c) => c.households)],
    );
  }
  ctx.log(`regions: ${cities.length} cities, ${counties.length} counties, ${townships.length} townships, ${communities.length} communities`);
}

async function generateDepartments(ctx: Ctx): Promise<void> {
  const { db, geo } = ctx;
  const countyDepts = DEMO_DEPARTMENTS.filter((d) => d.regionCode === DEMO_COUNTY.code);
  const cityDepts = DEMO_DEPARTMENTS.filter((d) => d.regionCode === '511800');
  const extra = [
    { name: '青衣县乡村振兴局', shortName: '县乡村振兴局', category: '政府工作部门' },
    { name: '青衣县科学技术局', shortName: '县科技局', category: '政府工作部门' },
  ];
  const rows: Array<[string, string, string, string]> = [];
  const cityNames = new Map(geo.cities.map((c) => [c.code, c.name]));
  for (const county of geo.counties) {
    if (county.code === DEMO_COUNTY.code || !ctx.counties.includes(county.code)) continue;
    const short = county.name.replace(/(县|区)$/, '');
    for (const d of [...countyDepts, ...extra]) {
      const name = d.name.startsWith('雅安市青衣')
        ? `${cityNames.get(county.cityCode)}${short}${d.name.slice('雅安市青衣'.length)}`
        : d.name.replace(/青衣县/g, county.name);
      rows.push([name, d.shortName, d.category ?? '政府工作部门', county.code]);
    }
  }
  for (const city of geo.cities) {
    if (city.code === '511800' || !geo.counties.some((k) => k.cityCode === city.code && ctx.counties.includes(k.code))) continue;
    for (const d of cityDepts) rows.push([d.name.replace('雅安市', city.name), d.shortName, d.category ?? '政府工作部门', city.code]);
  }
  for (let i = 0; i < rows.length; i += 5000) {
    const s = rows.slice(i, i + 5000);
    await db.query(
      `insert into department (name, short_name, category, region_id)
       select u.name, u.short, u.cat, r.id from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(name, short, cat, region) join region r on r.code = u.region`,
      [s.map((r) => r[0]), s.map((r) => r[1]), s.map((r) => r[2]), s.map((r) => r[3])],
    );
  }
  ctx.log(`departments: ${rows.length} added`);
}

async function generateUsers(ctx: Ctx): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.query(
    `insert into app_user (username, display_name, role, password_hash, department_id)
     select 'g' || d.id, d.short_name || ' 经办人', 'DEPARTMENT_USER', $1, d.id
       from department d join region r on r.id = d.region_id
      where r.code = any($2::text[]) and not exists (select 1 from app_user u where u.username = 'g' || d.id)`,
    [hash, ctx.counties],
  );
  await ctx.db.query(
    `insert into app_user (username, display_name, role, password_hash, region_id)
     select u.name, u.display, 'ANALYST', $1, r.id from (values ('analyst_province', '省委社会工作部 统计分析员', '510000'), ('analyst_city', '雅安市委社会工作部 统计分析员', '511800')) u(name, display, code)
       join region r on r.code = u.code
     on conflict (username) do nothing`,
    [hash],
  );
  ctx.log('users: one department user per department; analyst_province, analyst_city');
}

// ------------------------------------------------------------------------------------------
// Applications

interface GenApp {
  id?: number;
  countyCode: string;
  countyId: number;
  departmentId: number;
  communityIds: number[];
  status: S;
  kind: ApplicationKind;
  ledgers: Array<{
    name: string;
    frequency: LedgerFrequency;
    expectedPerYear: number | null;
    minutesPerFiling: number;
    format: LedgerFormat;
    dataElementCodes: string[];
  }>;
  enteredAt: number | null;
  decidedAt: number | null;
  leftAt: number | null;
  approved: boolean;
  funding: number;
  /** Already in communities when the generated year began. */
  stock: boolean;
}

async function generateApplications(ctx: Ctx, total: number): Promise<GenApp[]> {
  const { db, prng, now, yearStart } = ctx;
  const { rows: countyRows } = await db.query(`select id, code, name from region where level = 'COUNTY' and code = any($1::text[]) order by code`, [
    ctx.counties,
  ]);
  const { rows: deptRows } = await db.query(
    `select d.id, d.region_id, d.short_name from department d join region r on r.id = d.region_id where r.level = 'COUNTY' and r.code = any($1::text[]) order by d.id`,
    [ctx.counties],
  );
  const { rows: commRows } = await db.query(`select id, township_id, county_id from community c where county_id = any($1::int[]) order by code`, [
    countyRows.map((r) => r.id),
  ]);
  const { rows: userRows } = await db.query(`select id, department_id from app_user where username like 'g%' and department_id is not null`);
  const userOf = new Map(userRows.map((u) => [u.department_id, u.id]));
  const byCounty = new Map<number, { communities: number[]; townships: Map<number, number[]>; departments: Array<{ id: number; w: number }> }>();
  for (const c of countyRows) byCounty.set(c.id, { communities: [], townships: new Map(), departments: [] });
  for (const c of commRows) {
    const k = byCounty.get(c.county_id)!;
    k.communities.push(c.id);
    const t = k.townships.get(c.township_id) ?? [];
    t.push(c.id);
    k.townships.set(c.township_id, t);
  }
  // A few departments push most of the work (Zipf), the usual suspects more often at the top.
  const heavy = ['县民政局', '县农业农村局', '县卫生健康局', '县应急管理局', '县人力资源社会保障局', '县委政法委', '县退役军人事务局', '县自然资源局'];
  for (const c of countyRows) {
    const list = deptRows.filter((d) => d.region_id === c.id);
    const order = prng
      .shuffle(list.slice())
      .sort((a, b) => Number(heavy.includes(b.short_name)) - Number(heavy.includes(a.short_name)) + (prng.next() - 0.5) * 0.8);
    if (c.code === DEMO_COUNTY.code) order.sort((a, b) => Number(b.short_name === '县民政局') - Number(a.short_name === '县民政局'));
    byCounty.get(c.id)!.departments = order.map((d, r) => ({ id: d.id, w: 1 / (r + 1) ** 0.9 }));
  }
  // Counties differ: activity factor, log-normal-ish; the demo county is among the busiest, its 民政局 the heaviest (the demo accounts see a full screen).
  const factors = countyRows.map((c) => (c.code === DEMO_COUNTY.code ? Math.exp(0.9) : Math.exp(prng.float(-0.9, 0.9))));
  const factorSum = factors.reduce((a, b) => a + b, 0);
  const apps: GenApp[] = [];
  const rows: unknown[][] = [];
  const docs: Array<{
    app: number;
    countyId: number;
    countyCode: string;
    number: string;
    year: number;
    serial: number;
    issuedAt: number;
    validFrom: string;
    validUntil: string | null;
    communityIds: number[];
    provisional: boolean;
    revokedAt: number | null;
    reason: string | null;
  }> = [];
  const serials = new Map<string, number>();
  countyRows.forEach((county, ci) => {
    const k = byCounty.get(county.id)!;
    const n = Math.max(1, Math.round((total * factors[ci]) / factorSum));
    const townshipIds = [...k.townships.keys()];
    for (let i = 0; i < n; i++) {
      // A third are the stock (存量) already in communities when the year began; the rest arrive
      // during the year, fewer as it goes on (the policy works): weight 1.3 → 0.7.
      const stock = prng.chance(0.5);
      let created = 0;
      if (stock) created = yearStart - prng.float(40, 900) * DAY;
      else
        for (;;) {
          const x = prng.next();
          if (prng.next() < 1.3 - 0.6 * x) {
            created = yearStart + x * (now - yearStart - 3600_000);
            break;
          }
        }
      const dept = prng.weighted(k.departments, (d) => d.w);
      const work = prng.pick(WORK_TITLES);
      const negative = work.category === WorkCategory.DEMOLITION;
      const kind = work.title.startsWith('购买')
        ? ApplicationKind.PURCHASE_OF_SERVICE
        : prng.weighted(
            [
              [ApplicationKind.TEMPORARY, 50],
              [ApplicationKind.LISTED_ASSISTANCE, 33],
              [ApplicationKind.NEW_REGULAR, 17],
            ] as const,
            (x) => x[1],
          )[0];
      const scopeRoll = prng.next();
      let scopeType: ScopeType;
      let scopeTownships: number[] = [];
      let communityIds: number[];
      if (scopeRoll < 0.2) {
        scopeType = ScopeType.COUNTY;
        communityIds = k.communities;
      } else if (scopeRoll < 0.6) {
        scopeType = ScopeType.TOWNSHIPS;
        scopeTownships = prng.shuffle(townshipIds.slice()).slice(0, prng.int(1, 2));
        communityIds = scopeTownships.flatMap((t) => k.townships.get(t)!);
      } else {
        scopeType = ScopeType.COMMUNITIES;
        communityIds = prng
          .shuffle(k.communities.slice())
          .slice(0, prng.int(1, 8))
          .sort((a, b) => a - b);
      }
      // Ledger demands: many for narrow items, few for county-wide ones.
      const nLedgers = Math.round(
        (scopeType === ScopeType.COMMUNITIES ? prng.int(8, 18) : scopeType === ScopeType.TOWNSHIPS ? prng.int(3, 8) : prng.int(1, 2)) * (stock ? 1.3 : 0.75),
      );
      const ledgers = Array.from({ length: nLedgers }, () => {
        const frequency = prng.weighted(FREQ_WEIGHTS, (x) => x[1])[0];
        const oneForm = prng.chance(0.3);
        return {
          name: `${work.title.replace(/^协助开展|^购买村（社区）/, '')}${prng.pick(LEDGER_NAMES)}`,
          frequency,
          expectedPerYear: frequency === LedgerFrequency.AD_HOC ? prng.int(2, 12) : null,
          minutesPerFiling: Math.round(10 + 170 * prng.next() ** 2.2),
          format: prng.chance(0.25) ? LedgerFormat.PAPER : LedgerFormat.ELECTRONIC,
          dataElementCodes: oneForm ? prng.shuffle(COLLECTED.slice()).slice(0, prng.int(1, 3)) : [prng.pick([...COLLECTED, ...NOT_COLLECTED])],
        };
      });
      const meeting = prng.int(0, 6);
      const burden = estimateBurden({
        ledgers,
        meetingHoursPerYear: meeting,
        inspectionHoursPerYear: prng.int(0, 4),
        dataEntryHoursPerYear: 0,
        communities: communityIds.length,
      });
      const assistance = kind !== ApplicationKind.PURCHASE_OF_SERVICE;
      const funding = !assistance || prng.chance(0.78) ? communityIds.length * prng.pick([200, 300, 500, 800, 1000, 2000]) : 0;
      const emergency = !negative && prng.chance(0.05);
      const ageDays = (now - created) / DAY;
      // Reviewers grow stricter through the year: the later, the more rejections.
      let status = negative
        ? prng.weighted(
            [
              [S.DRAFT, 6],
              [S.REJECTED, 4],
            ] as const,
            (x) => x[1],
          )[0]
        : stock
          ? prng.weighted(
              [
                [S.IN_EFFECT, 42],
                [S.COMPLETED, 30],
                [S.REVOKED, 20],
                [S.REJECTED, 8],
              ] as const,
              (x) => x[1],
            )[0]
          : drawStatus(prng, ageDays);
      if (!stock && status === S.IN_EFFECT && prng.chance(0.25 * (1 - ageDays / 365))) status = S.REJECTED;
      const findings: object[] = [];
      if (negative)
        findings.push({
          code: 'NEGATIVE_LIST',
          severity: 'BLOCKING',
          message: '属于工作负面清单事项（拆迁拆违），不得转嫁村（社区）。',
          messageEn: 'Negative-list work.',
          evidence: [],
        });
      if (assistance && funding === 0)
        findings.push({
          code: 'NO_FUNDING',
          severity: 'WARNING',
          message: '未安排下沉村（社区）的工作经费，不符合“费随事转”原则。',
          messageEn: 'No funding reaches communities.',
          evidence: [],
        });
      if (ledgers.some((l) => l.format === LedgerFormat.PAPER))
        findings.push({
          code: 'LEDGER_PAPER',
          severity: 'WARNING',
          message: '台账报表要求纸质填报，能电子化的不再要求纸质。',
          messageEn: 'Paper ledger.',
          evidence: [],
        });
      if (prng.chance(0.12))
        findings.push({
          code: 'DATA_ALREADY_COLLECTED',
          severity: 'WARNING',
          message: '所需数据平台已采集，应共享复用。',
          messageEn: 'Data already collected.',
          evidence: [],
        });
      // Timeline.
      const submitted = created + prng.float(0.1, 3) * DAY;
      let decided: number | null = null;
      let entered: number | null = null;
      let completed: number | null = null;
      let revoked: number | null = null;
      let approvedInTime: boolean | null = null;
      let deadline: number | null = null;
      let overdue: number | null = null;
      let approved = false;
      if (emergency) {
        entered = submitted;
        deadline = entered + 7 * DAY;
        const r = prng.next();
        if (ageDays < 7) status = S.EMERGENCY_IN_EFFECT;
        else if (r < 0.72) {
          decided = entered + prng.float(1, 6.5) * DAY;
          approvedInTime = true;
          approved = true;
          status = S.IN_EFFECT;
        } else if (r < 0.84) {
          decided = entered + prng.float(8, 20) * DAY;
          overdue = deadline + 600_000;
          approvedInTime = false;
          approved = true;
          status = S.IN_EFFECT;
        } else if (r < 0.96) {
          decided = entered + prng.float(2, 7) * DAY;
          revoked = decided;
          approvedInTime = false;
          status = S.REVOKED;
        } else {
          overdue = deadline + 600_000;
          approvedInTime = false;
          status = S.EMERGENCY_IN_EFFECT;
        }
        if (decided && decided > now - 3600_000) {
          decided = null;
          revoked = null;
          approved = false;
          approvedInTime = overdue ? false : null;
          status = S.EMERGENCY_IN_EFFECT;
        }
        if (approved && status === S.IN_EFFECT && prng.chance(0.3)) {
          const end = decided! + prng.float(20, 120) * DAY;
          if (end < now) {
            completed = end;
            status = S.COMPLETED;
          }
        }
      } else if ([S.APPROVED, S.IN_EFFECT, S.COMPLETED, S.REVOKED, S.REJECTED].includes(status)) {
        decided = submitted + prng.float(3, 25) * DAY;
        if (decided > now - 3600_000) {
          decided = null;
          status = S.IN_REVIEW;
        }
      }
      if (!emergency && decided) {
        if (status === S.REJECTED) {
          /* decided, not approved */
        } else {
          approved = true;
          if (status !== S.APPROVED) {
            entered = decided + prng.float(1, 10) * DAY;
            if (entered > now - 3600_000) {
              entered = null;
              status = S.APPROVED;
            }
          }
          // Stock items mostly leave during the year (completed, or cancelled in the clean-up).
          const leave = () =>
            stock ? Math.max(entered ?? decided, yearStart - 60 * DAY) + prng.next() * (now - Math.max(entered ?? decided, yearStart - 60 * DAY)) : 0;
          if (entered && status === S.COMPLETED) {
            completed = stock ? leave() : entered + prng.float(30, 200) * DAY;
            if (completed > now) {
              completed = null;
              status = S.IN_EFFECT;
            }
          }
          if (status === S.REVOKED) {
            revoked = stock ? leave() : (entered ?? decided) + prng.float(20, 250) * DAY;
            if (revoked > now) {
              revoked = null;
              status = entered ? S.IN_EFFECT : S.APPROVED;
            }
          }
        }
      }
      const periodStart = cnDate(entered ?? submitted);
      const periodEnd =
        kind === ApplicationKind.TEMPORARY || emergency
          ? cnDate((entered ?? submitted) + prng.int(60, 400) * DAY)
          : prng.chance(0.5)
            ? null
            : cnDate((entered ?? submitted) + 3 * 365 * DAY);
      const number = `G${county.code}-${String(i + 1).padStart(5, '0')}`;
      const acknowledged = approved ? findings.filter((f: any) => f.severity === 'WARNING').map((f: any) => f.code) : [];
      const app: GenApp = {
        countyCode: county.code,
        countyId: county.id,
        departmentId: dept.id,
        communityIds,
        status,
        kind,
        ledgers,
        enteredAt: entered,
        decidedAt: decided,
        leftAt: completed ?? revoked,
        approved,
        funding,
        stock,
      };
      apps.push(app);
      rows.push([
        number,
        county.id,
        dept.id,
        userOf.get(dept.id) ?? null,
        work.title,
        work.desc,
        kind,
        work.category,
        JSON.stringify(work.basis ? [work.basis] : []),
        scopeType,
        JSON.stringify(scopeTownships),
        JSON.stringify(scopeType === ScopeType.COMMUNITIES ? communityIds : []),
        JSON.stringify(communityIds),
        periodStart,
        periodEnd,
        funding.toFixed(2),
        funding ? '按村（社区）数量拨付至村（社区）工作经费账户' : null,
        JSON.stringify(ledgers),
        JSON.stringify([...new Set(ledgers.flatMap((l) => l.dataElementCodes))]),
        meeting,
        emergency,
        emergency ? '突发情况需立即开展' : null,
        status,
        JSON.stringify(findings),
        findings.some((f: any) => f.severity === 'BLOCKING'),
        iso(created),
        JSON.stringify(acknowledged),
        JSON.stringify(burden),
        status === S.DRAFT ? null : iso(submitted),
        decided ? iso(decided) : null,
        entered ? iso(entered) : null,
        completed ? iso(completed) : null,
        revoked ? iso(revoked) : null,
        revoked ? (emergency && !approved ? '紧急事项补批未获同意，立即退出' : '事项撤销，退出村（社区）') : null,
        deadline ? iso(deadline) : null,
        overdue ? iso(overdue) : null,
        approvedInTime,
        iso(created),
        iso(Math.max(created, decided ?? 0, entered ?? 0, completed ?? 0, revoked ?? 0)),
      ]);
      if (approved || emergency) {
        const issuedAt = emergency ? entered! : decided!;
        const year = new Date(issuedAt + CST).getUTCFullYear();
        const key = `${county.code}:${year}`;
        const serial = (serials.get(key) ?? 0) + 1;
        serials.set(key, serial);
        docs.push({
          app: apps.length - 1,
          countyId: county.id,
          countyCode: county.code,
          number: `${county.name.slice(0, 1)}社工准〔${year}〕${serial}号·G${county.code}`,
          year,
          serial,
          issuedAt,
          validFrom: cnDate(issuedAt),
          validUntil: periodEnd,
          communityIds,
          provisional: emergency && !approved,
          revokedAt: revoked,
          reason: revoked ? '事项撤销' : null,
        });
      }
    }
  });
  const cols: Col[] = [
    ['number', 'text'],
    ['county_id', 'int'],
    ['department_id', 'int'],
    ['applicant_id', 'int'],
    ['title', 'text'],
    ['description', 'text'],
    ['kind', 'text', 'application_kind'],
    ['category', 'text', 'work_category'],
    ['legal_basis', 'text', 'jsonb'],
    ['scope_type', 'text', 'scope_type'],
    ['scope_township_ids', 'text', 'jsonb'],
    ['scope_community_ids', 'text', 'jsonb'],
    ['community_ids', 'text', 'jsonb'],
    ['period_start', 'date'],
    ['period_end', 'date'],
    ['funding_amount', 'numeric'],
    ['funding_flow', 'text'],
    ['ledgers', 'text', 'jsonb'],
    ['data_element_codes', 'text', 'jsonb'],
    ['meeting_hours_per_year', 'real'],
    ['emergency', 'bool'],
    ['emergency_reason', 'text'],
    ['status', 'text', 'application_status'],
    ['findings', 'text', 'jsonb'],
    ['has_blocking_findings', 'bool'],
    ['checked_at', 'timestamptz'],
    ['acknowledged_warnings', 'text', 'jsonb'],
    ['burden', 'text', 'jsonb'],
    ['submitted_at', 'timestamptz'],
    ['decided_at', 'timestamptz'],
    ['entered_at', 'timestamptz'],
    ['completed_at', 'timestamptz'],
    ['revoked_at', 'timestamptz'],
    ['revoke_reason', 'text'],
    ['approval_deadline', 'timestamptz'],
    ['overdue_flagged_at', 'timestamptz'],
    ['approved_in_time', 'bool'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ];
  // Certificates and the rest of the not-null jsonb columns take their defaults below.
  const inserted = await insertRows(
    db,
    'admission_application',
    [...cols, ['certificates', 'text', 'jsonb']],
    rows.map((r) => [...r, '[]']),
    { batch: 2_000, returning: 'id' },
  );
  inserted.forEach((r, i) => (apps[i].id = r.id));
  await insertRows(
    db,
    'approval_document',
    [
      ['number', 'text'],
      ['application_id', 'int'],
      ['county_id', 'int'],
      ['year', 'int'],
      ['serial', 'int'],
      ['issued_at', 'timestamptz'],
      ['valid_from', 'date'],
      ['valid_until', 'date'],
      ['community_ids', 'text', 'jsonb'],
      ['provisional', 'bool'],
      ['revoked_at', 'timestamptz'],
      ['revoke_reason', 'text'],
    ],
    docs.map((d) => [
      d.number,
      apps[d.app].id,
      d.countyId,
      d.year,
      10_000 + d.serial,
      iso(d.issuedAt),
      d.validFrom,
      d.validUntil,
      JSON.stringify(d.communityIds),
      d.provisional,
      d.revokedAt ? iso(d.revokedAt) : null,
      d.reason,
    ]),
  );
  const byStatus = new Map<string, number>();
  for (const a of apps) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  ctx.log(`applications: ${apps.length} (${[...byStatus].map(([k, v]) => `${k} ${v}`).join(', ')}), approval documents: ${docs.length}`);
  return apps;
}

// ------------------------------------------------------------------------------------------
// Ledger requirements (from the approved applications' demands) and filings

async function generateLedgers(ctx: Ctx, apps: GenApp[], filingShare: number): Promise<void> {
  const { db, prng, now } = ctx;
  const rows: unknown[][] = [];
  for (const a of apps) {
    if (!a.approved || !a.id) continue;
    const created = a.enteredAt ?? a.decidedAt!;
    for (const l of a.ledgers) {
      let status = 'KEPT';
      let changed: number | null = null;
      let reason: string | null = null;
      // Items that left take most of their ledgers with them; the clean-up abolishes or merges others, more of them lately.
      if (a.leftAt && prng.chance(0.7)) {
        status = 'ABOLISHED';
        changed = a.leftAt;
        reason = '事项已退出村（社区），台账报表随之取消';
      } else {
        const r = prng.next();
        const share = a.stock ? 0.6 : 0.15;
        if (r < share) {
          // The clean-up campaign: during the generated year, more of it in the later months.
          const from = Math.max(created + 20 * DAY, ctx.yearStart);
          const at = from + Math.sqrt(prng.next()) * (now - from);
          if (at < now) {
            status = r < share * 0.65 ? 'ABOLISHED' : 'MERGED';
            changed = at;
            reason = status === 'ABOLISHED' ? '清理规范：无法律法规依据，予以取消' : '清理规范：与同类台账字段重复，予以合并';
          }
        }
      }
      const oneForm = status === 'KEPT' && l.dataElementCodes.length > 0 && l.dataElementCodes.every((c) => COLLECTED.includes(c)) && prng.chance(0.6);
      rows.push([
        a.countyId,
        a.departmentId,
        l.name,
        JSON.stringify(l.dataElementCodes),
        l.frequency,
        l.expectedPerYear,
        l.format,
        l.format === LedgerFormat.PAPER && prng.chance(0.5) ? '一体化政务服务平台' : null,
        l.minutesPerFiling,
        JSON.stringify([]),
        a.id,
        status,
        changed ? cnDate(changed) : null,
        reason,
        oneForm,
        iso(created),
        iso(changed ?? created),
      ]);
    }
  }
  await insertRows(
    db,
    'ledger_requirement',
    [
      ['county_id', 'int'],
      ['department_id', 'int'],
      ['name', 'text'],
      ['data_element_codes', 'text', 'jsonb'],
      ['frequency', 'text', 'ledger_frequency'],
      ['expected_per_year', 'int'],
      ['format', 'text', 'ledger_format'],
      ['electronic_channel', 'text'],
      ['minutes_per_filing', 'int'],
      ['legal_basis', 'text', 'jsonb'],
      ['application_id', 'int'],
      ['status', 'text', 'ledger_status'],
      ['status_changed_on', 'date'],
      ['status_reason', 'text'],
      ['one_form', 'bool'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    rows,
    { batch: 10_000 },
  );
  ctx.log(`ledger requirements: ${rows.length}`);
  // Filings of monthly requirements, one per community and month while in force (a sample: filingShare % of the pairs).
  const { rowCount } = await db.query(
    `insert into ledger_filing (requirement_id, community_id, county_id, period, method, filed_at, minutes_spent, values)
     select l.id, c.v::int, l.county_id, to_char(m, 'YYYY-MM'),
            (case when l.one_form then 'GENERATED' else 'MANUAL' end)::filing_method,
            m + interval '1 month' + ((abs(hashtext(l.id || ':' || c.v || ':' || m)) % 9) || ' days')::interval + interval '9 hours',
            case when l.one_form then null else l.minutes_per_filing end, '{}'::jsonb
       from ledger_requirement l
       join admission_application a on a.id = l.application_id
       cross join lateral jsonb_array_elements_text(a.community_ids) c(v)
       cross join lateral generate_series(date_trunc('month', greatest(l.created_at, to_timestamp($4 / 1000.0)) at time zone 'Asia/Shanghai'),
                                          date_trunc('month', coalesce(l.status_changed_on::timestamp, (to_timestamp($1 / 1000.0) at time zone 'Asia/Shanghai')) - interval '1 month'),
                                          interval '1 month') m
      where l.frequency = 'MONTHLY' and abs(hashtext($2 || l.id || ':' || c.v)) % 100 < $3
        and m + interval '1 month' + interval '9 days' < to_timestamp($1 / 1000.0) at time zone 'Asia/Shanghai'`,
    [now, ctx.seed, filingShare, ctx.yearStart],
  );
  ctx.log(`ledger filings: ${rowCount} (a year of them)`);
}

// ------------------------------------------------------------------------------------------
// Apps and terminals (the simulator's data set)

async function generateTerminals(ctx: Ctx): Promise<void> {
  const { db, prng, now } = ctx;
  const dataset = buildDataset({ scale: 'province', seed: ctx.seed, now });
  const wanted = new Set(ctx.counties);
  const apps = dataset.apps.records.filter((a) => wanted.has(a.countyCode));
  await insertRows(
    db,
    'business_app',
    [
      ['external_id', 'text'],
      ['name', 'text'],
      ['department_name', 'text'],
      ['department_uscc', 'text'],
      ['integrated', 'bool'],
      ['used_by_communities', 'bool'],
      ['platform_updated_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    apps.map((a) => [
      a.externalId,
      a.name,
      a.departmentName,
      a.departmentUscc,
      a.integrated,
      a.usedByCommunities,
      iso(a.u),
      iso(Math.min(a.u, now - 400 * DAY)),
    ]),
    { suffix: 'on conflict (external_id) do nothing' },
  );
  await db.query(
    `update business_app b set department_id = d.id from department d join region r on r.id = d.region_id
      where b.department_id is null and r.code = substr(b.external_id, 5, 6) and d.name = b.department_name`,
  );
  const integrated = new Map(apps.map((a) => [a.externalId, a.integrated]));
  const terms = dataset.terminals.records.filter((t) => wanted.has(t.communityCode.slice(0, 6)));
  const rows: unknown[][] = [];
  for (const t of terms) {
    // Installed years ago mostly; a few this year.
    const installed = prng.chance(0.02) ? now - prng.int(20, 360) * DAY : now - prng.int(400, 1800) * DAY;
    const created = Math.min(installed, t.u - DAY);
    let status: string = t.status;
    let updated = t.u;
    let consolidatedAt: number | null = t.status === 'CONSOLIDATED' ? t.u : null;
    if (t.status === 'ACTIVE' && t.appExternalIds.every((id) => integrated.get(id))) {
      // Every app it serves is on the platform: consolidated here this year (the platform may still list it as active), or planned.
      const r = prng.next();
      if (r < 0.45) {
        status = 'CONSOLIDATED';
        consolidatedAt = ctx.yearStart + Math.sqrt(prng.next()) * (now - ctx.yearStart - DAY);
        updated = consolidatedAt;
      } else if (r < 0.85) {
        status = 'PLANNED_FOR_CONSOLIDATION';
        updated = now - prng.int(1, 100) * DAY;
      }
    }
    rows.push([
      t.externalId,
      t.communityCode,
      t.model,
      status,
      t.status,
      t.lastSeen ? iso(t.lastSeen) : null,
      iso(t.u),
      consolidatedAt ? iso(consolidatedAt) : null,
      iso(created),
      iso(Math.max(updated, created)),
    ]);
  }
  for (let i = 0; i < rows.length; i += 10_000) {
    const s = rows.slice(i, i + 10_000);
    const col = (k: number) => s.map((r) => r[k]);
    await db.query(
      `insert into terminal (external_id, community_id, model, status, platform_status, last_seen_at, platform_updated_at, consolidated_at, consolidated_by_username, created_at, updated_at)
       select u.ext, c.id, u.model, u.status::terminal_status, u.pstatus::terminal_status, u.seen, u.pu, u.cons, case when u.cons is not null then 'platform' end, u.created, u.updated
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
              as u(ext, community, model, status, pstatus, seen, pu, cons, created, updated)
         join community c on c.code = u.community
       on conflict (external_id) do nothing`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9)],
    );
  }
  const links = terms.flatMap((t) => t.appExternalIds.map((a) => [t.externalId, a]));
  for (let i = 0; i < links.length; i += 20_000) {
    const s = links.slice(i, i + 20_000);
    await db.query(
      `insert into terminal_app (terminal_id, business_app_id)
       select t.id, b.id from unnest($1::text[], $2::text[]) as u(t, a) join terminal t on t.external_id = u.t join business_app b on b.external_id = u.a
       on conflict do nothing`,
      [s.map((l) => l[0]), s.map((l) => l[1])],
    );
  }
  ctx.log(`business apps: ${apps.length}, terminals: ${rows.length}, terminal-app links: ${links.length} (simulator data set built in ${dataset.buildMs} ms)`);
}

// ------------------------------------------------------------------------------------------
// A year of events, in SQL (hashtext gives deterministic pseudo-random numbers)

async function generateEvents(ctx: Ctx): Promise<void> {
  const { db, now, yearStart, seed } = ctx;
  const params = [ctx.counties, seed, yearStart, now];
  // h(x, n): a deterministic number in [0, n) from the seed and x.
  const h = (x: string, n: number | string) => `(abs(hashtext($2 || ':' || ${x})) % ${n})`;
  const ts = (ms: string) => `to_timestamp(${ms} / 1000.0)`;
  const scope = `c.county_id in (select id from region where code = any($1::text[]))`;
  /** Declares the four parameters' types, so a statement need not use all of them. */
  const PARAMS = `with zz_params as (select $1::text[] as counties, $2::text as seed, $3::float8 as year_start, $4::float8 as now_ms)`;

  // Plaques: 2–8 per community, installed years ago; those without central or provincial basis mostly ordered removed this year, many removed.
  let r = await db.query(
    `${PARAMS} insert into plaque (county_id, community_id, department_id, name, authority, authorizing_document, installed_on, status, removal_ordered_on, removed_on, status_reason, created_at)
     select c.county_id, c.id, d.id, d.short_name || '工作站', a.auth::plaque_authority,
            case when a.auth in ('CENTRAL', 'PROVINCIAL') then '省委办公厅〔2019〕' || ${h("c.id || 'doc' || k", 90)} || '号' end,
            (${ts('$4')} at time zone 'Asia/Shanghai')::date - (400 + ${h("c.id || 'inst' || k", 3000)}),
            (case when o.ordered is null then 'KEPT' when o.removed is null then 'TO_REMOVE' else 'REMOVED' end)::plaque_status,
            o.ordered, o.removed, case when o.ordered is not null then '无中央或省级依据，应撤尽撤' end,
            ${ts('$3')} - interval '400 days'
       from community c
       cross join lateral generate_series(1, 2 + ${h("c.id || 'n'", 7)}) k
       cross join lateral (select (array['CENTRAL','PROVINCIAL','LOCAL','LOCAL','NONE','NONE','LOCAL','PROVINCIAL','NONE','CENTRAL'])[1 + ${h("c.id || 'a' || k", 10)}] as auth) a
       cross join lateral (select dd.id, dd.short_name from department dd where dd.region_id = c.county_id order by dd.id offset ${h("c.id || 'd' || k", 30)} limit 1) d
       cross join lateral (
         select ord.ordered, case when ord.ordered is not null and ${h("c.id || 'rm' || k", 100)} < 62
                                   and ord.ordered + (10 + ${h("c.id || 'rd' || k", 80)}) < (${ts('$4')} at time zone 'Asia/Shanghai')::date
                                  then ord.ordered + (10 + ${h("c.id || 'rd' || k", 80)}) end as removed
           from (select case when a.auth in ('LOCAL', 'NONE') and ${h("c.id || 'o' || k", 100)} < 75
                             then (${ts('$3')} at time zone 'Asia/Shanghai')::date + (sqrt(${h("c.id || 'od' || k", 10000)} / 10000.0) * 350)::int end as ordered) ord
       ) o
      where ${scope}`,
    params,
  );
  ctx.log(`plaques: ${r.rowCount}`);

  // Certificate requests: 0–3 per community and month; abolished certificates still asked for, less as the year goes on.
  r = await db.query(
    `${PARAMS} insert into certificate_issuance (county_id, community_id, certificate_name, requester_kind, purpose, for_enterprise_business, requiring_department_id, outcome, refusal_reason, handled_at)
     select c.county_id, c.id, x.name, (array['RESIDENT','RESIDENT','RESIDENT','ENTERPRISE','GOVERNMENT'])[1 + ${h("c.id || 'rk' || m || k", 5)}]::requester_kind,
            x.purpose, x.enterprise, x.dept, x.outcome::issuance_outcome, x.reason::certificate_refusal_reason,
            ${ts('$3')} + (m * 30 + ${h("c.id || 'day' || m || k", 30)}) * interval '1 day' + interval '10 hours'
       from community c
       cross join generate_series(0, 11) m
       cross join lateral generate_series(1, ${h("c.id || 'cn' || m", 4)}) k
       cross join lateral (select case when ${h("c.id || 'ab' || m || k", 1000)} < 90 - m * 6 then 'ABOLISHED' when ${h("c.id || 'en' || m || k", 100)} < 3 then 'ENTERPRISE' else 'OK' end as kind) q
       cross join lateral (select
            case q.kind when 'ABOLISHED' then '亲属关系证明' when 'ENTERPRISE' then '企业经营场所证明' else (array['居住证明','困难情况证明','无犯罪记录情况说明','死亡证明','出生证明'])[1 + ${h("c.id || 'nm' || m || k", 5)}] end as name,
            case q.kind when 'ENTERPRISE' then '办理企业贷款' else '办理相关业务' end as purpose,
            q.kind = 'ENTERPRISE' as enterprise,
            case when q.kind = 'ABOLISHED' then (select dd.id from department dd where dd.region_id = c.county_id order by dd.id offset ${h("c.id || 'rq' || m || k", 30)} limit 1) end as dept,
            case q.kind when 'OK' then 'ISSUED' else 'REFUSED' end as outcome,
            case q.kind when 'ABOLISHED' then 'ABOLISHED' when 'ENTERPRISE' then 'ENTERPRISE_OWN_BUSINESS' end as reason) x
      where ${scope}`,
    params,
  );
  ctx.log(`certificate requests: ${r.rowCount}`);

  // Refusals and reports: rare, ~6 % of community-months, against a department of the county.
  r = await db.query(
    `${PARAMS} insert into refusal (number, county_id, community_id, kind, anonymous, department_id, task_title, task_description, task_received_on, reasons, evidence, status, created_at)
     select 'G' || c.code || '-' || lpad(m::text, 2, '0'), c.county_id, c.id, x.kind::refusal_kind, x.kind = 'REPORT',
            (select dd.id from department dd where dd.region_id = c.county_id order by dd.id offset ${h("c.id || 'rd' || m", 30)} limit 1),
            (array['要求填报未经准入的统计报表','要求协助开展拆违巡查','要求无偿承担入户调查','要求在村（社区）加挂牌子'])[1 + ${h("c.id || 'rt' || m", 4)}],
            '任务未持批准文书，无工作经费。', (${ts('$3')} + (m * 30) * interval '1 day')::date,
            (array['["NO_ADMISSION"]','["NO_ADMISSION","NO_FUNDING"]','["NEGATIVE_LIST"]','["NO_LEGAL_BASIS"]'])[1 + ${h("c.id || 'rr' || m", 4)}]::jsonb, '[]'::jsonb,
            (array['RECEIVED','VERIFIED','VERIFIED','DISMISSED','DEPARTMENT_INTERVIEWED'])[1 + ${h("c.id || 'rs' || m", 5)}]::refusal_status,
            ${ts('$3')} + (m * 30 + ${h("c.id || 'rday' || m", 30)}) * interval '1 day' + interval '15 hours'
       from community c cross join generate_series(0, 11) m
       cross join lateral (select case when ${h("c.id || 'rk' || m", 10)} < 7 then 'REFUSAL' else 'REPORT' end as kind) x
      where ${scope} and ${h("c.id || 'r' || m", 100)} < 6`,
    params,
  );
  ctx.log(`refusals and reports: ${r.rowCount}`);

  // Funding: most funded assistance items pay each community within two months of entering.
  r = await db.query(
    `${PARAMS} insert into funding_allocation (application_id, community_id, county_id, amount, allocated_on, reference, received_confirmed_at)
     select a.id, c.v::int, a.county_id, round(a.funding_amount / greatest(jsonb_array_length(a.community_ids), 1), 2),
            ((a.entered_at + (5 + ${h("a.id || 'f'", 55)}) * interval '1 day') at time zone 'Asia/Shanghai')::date,
            '拨付凭证 ' || a.id, case when ${h("a.id || ':' || c.v", 10)} < 8 then a.entered_at + (20 + ${h("a.id || 'fc'", 40)}) * interval '1 day' end
       from admission_application a cross join lateral jsonb_array_elements_text(a.community_ids) c(v)
      where a.county_id in (select id from region where code = any($1::text[])) and a.funding_amount > 0 and a.entered_at is not null
        and a.kind <> 'PURCHASE_OF_SERVICE' and ${h("a.id || 'fa'", 100)} < 85
        and a.entered_at + (5 + ${h("a.id || 'f'", 55)}) * interval '1 day' < ${ts('$4')}`,
    params,
  );
  ctx.log(`funding allocations: ${r.rowCount}`);

  // Data requirements: each county's departments need some data elements for the county or a township; many served by one collection.
  r = await db.query(
    `${PARAMS} insert into data_requirement (department_id, data_element_id, region_id, period, frequency, source, source_ref, active, collect_once, collect_once_at)
     select d.id, e.id, case when ${h("d.id || 'rg' || e.id", 3)} = 0 then t.id else d.region_id end, to_char(${ts('$4')}, 'YYYY'),
            'MONTHLY', (array['LEDGER','APPLICATION','APP'])[1 + ${h("d.id || 'src' || e.id", 3)}]::data_requirement_source, 'G-' || d.id || '-' || e.id, true,
            x.once, case when x.once then ${ts('$3')} + (sqrt(${h("d.id || 'co' || e.id", 10000)} / 10000.0) * 360) * interval '1 day' end
       from department d join region r on r.id = d.region_id and r.level = 'COUNTY' and r.code = any($1::text[])
       cross join lateral (select de.id from data_element de order by de.id offset ${h("d.id || 'e'", 8)} limit 2) e
       cross join lateral (select tt.id from region tt where tt.parent_id = d.region_id order by tt.id offset ${h("d.id || 't'", 5)} limit 1) t
       cross join lateral (select ${h("d.id || 'o' || e.id", 100)} < 45 as once) x
     on conflict do nothing`,
    params,
  );
  ctx.log(`data requirements: ${r.rowCount}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  if (process.env.DEBUG) console.error(err);
  process.exit(1);
});
