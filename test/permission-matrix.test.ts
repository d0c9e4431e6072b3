/**
 * The permission matrix (issue 7): every role × every query and mutation, and every role ×
 * every record type × records inside and outside its jurisdiction.
 *
 *  1. Coverage: every query and mutation of the schema has a rule in OPERATIONS, every
 *     entity a rule in READ_RULES — adding one without a rule fails here.
 *  2. Operations: each of them is called by an anonymous client and by a user of every
 *     role, with arguments generated from the schema. Roles outside the rule are refused
 *     (UNAUTHENTICATED / FORBIDDEN with reason ROLE) and nothing is written; roles inside
 *     it are never refused for their role.
 *  3. Records: users of every role in the demo county (青衣县) and in a second county
 *     (示范县), plus a city analyst, ask `nodes(ids)` for samples of every record type —
 *     for each user, records inside and outside its jurisdiction. What comes back must be
 *     exactly what the oracle below says the user may see; the oracle restates the rules
 *     in terms of where each record lives, independently of src/auth/permissions.ts.
 *  4. Lists and nested fields: every list query, and every nested field that leads to a
 *     record, returns only records the oracle lets the user see.
 */
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from './support/api';
import { createTestCounty, TEST_PASSWORD } from './support/county';
import { OPERATIONS, READ_RULES, mayCall, ADMITTED_STATES } from '../src/auth/permissions';
import { Role } from '../src/kernel/roles';
import { ENTITIES } from '../src/db/entities';
import { fromGlobalId, toGlobalId } from '../src/kernel/global-id';
import { User } from '../src/auth/user.entity';
import { Region } from '../src/geography/region.entity';
import { Community } from '../src/geography/community.entity';
import { hashPassword } from '../src/auth/credentials';

/** MATRIX_REPORT=1 prints the number of cases of each part. */
const report = (line: string) => process.env.MATRIX_REPORT && process.stdout.write(`${line}\n`);
const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
const ROOTS = ['Query', 'Mutation'] as const;
const rootFields = (root: 'Query' | 'Mutation') => Object.values((root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields());

let t: TestApi;
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js and the driver type these loosely
const sql = (q: string, p: unknown[] = []) => t.orm.em.getConnection().execute(q, p) as Promise<any[]>;

// ---------------------------------------------------------------------------------------
// Who is asking
// ---------------------------------------------------------------------------------------

interface Person {
  key: string;
  username: string;
  role: Role | null;
  token?: string;
  userId: number;
  /** Counties inside the jurisdiction. */
  counties: number[];
  townshipId: number | null;
  communityId: number | null;
  departmentId: number | null;
}
const people: Person[] = [];
const HOME = '511828';
const AWAY = '511829';

async function person(key: string, username: string, password?: string): Promise<Person> {
  const [u] = await sql(
    `select u.id, u.role, r.code as region_code, r.level as region_level, r.id as region_id, r.parent_id as region_parent,
            u.department_id, d.region_id as department_region, u.community_id, c.county_id as community_county, c.township_id as community_township
       from app_user u left join region r on r.id = u.region_id left join department d on d.id = u.department_id left join community c on c.id = u.community_id
      where u.username = ?`,
    [username],
  );
  let counties: number[] = [];
  let townshipId: number | null = null;
  if (u.community_id) [counties, townshipId] = [[u.community_county], u.community_township];
  else if (u.department_id) counties = [u.department_region];
  else if (u.region_level === 'TOWNSHIP') [counties, townshipId] = [[u.region_parent], u.region_id];
  else if (u.region_level === 'COUNTY') counties = [u.region_id];
  else if (u.region_code)
    counties = (
      await sql(`select id from region where level = 'COUNTY' and code like ?`, [`${u.region_code.slice(0, u.region_level === 'CITY' ? 4 : 2)}%`])
    ).map((r) => r.id);
  const token = u.role === Role.INTEGRATION ? await integrationToken(u.id) : await t.signIn(username, password);
  return { key, username, role: u.role, token, userId: u.id, counties, townshipId, communityId: u.community_id, departmentId: u.department_id };
}

async function integrationToken(userId: number): Promise<string> {
  const admin = await t.signIn('admin');
  const r = await t.gql(
    `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
    { i: { userId: toGlobalId('User', userId), name: '权限矩阵测试' } },
    { token: admin },
  );
  return r.body.data.createApiToken.token;
}

// ---------------------------------------------------------------------------------------
// Where records live, and the oracle
// ---------------------------------------------------------------------------------------

interface Place {
  id: number;
  county: number | null;
  department?: number | null;
  community?: number | null;
  /** For application-bound records: the application's status and communities. */
  status?: string;
  communities?: number[];
  /** For records whose visibility follows a published state. */
  published?: boolean;
  /** Audit events: the record they are about. */
  entityType?: string;
  entityId?: string;
  /** Terminals: departments of their apps; users: where the user works. */
  departments?: number[];
  userCounty?: number | null;
}

const townshipOf = new Map<number, number>();
const countyOfDepartment = new Map<number, number>();
const STAFF = [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.ANALYST];
const inCounty = (p: Person, county: number | null | undefined) => county != null && p.counties.includes(county);
const admittedInto = (p: Person, r: Place) =>
  ADMITTED_STATES.includes(r.status!) &&
  (p.role === Role.COMMUNITY_USER ? r.communities!.includes(p.communityId!) : r.communities!.some((c) => townshipOf.get(c) === p.townshipId));

/** Community-bound records: staff their counties, township/community their place, departments their own. */
function communityRecord(p: Person, r: Place, staff: Role[] = STAFF): boolean {
  if (staff.includes(p.role!)) return inCounty(p, r.county);
  if (p.role === Role.TOWNSHIP_USER) return townshipOf.get(r.community!) === p.townshipId;
  if (p.role === Role.COMMUNITY_USER) return r.community === p.communityId;
  if (p.role === Role.DEPARTMENT_USER) return r.department === p.departmentId;
  return false;
}
function application(p: Person, r: Place): boolean {
  if (STAFF.includes(p.role!)) return inCounty(p, r.county);
  if (p.role === Role.DEPARTMENT_USER) return r.department === p.departmentId;
  if (p.role === Role.TOWNSHIP_USER || p.role === Role.COMMUNITY_USER) return inCounty(p, r.county) && admittedInto(p, r);
  return false;
}

interface Kind {
  /** Where each record lives. */
  places: string;
  visible(p: Person, r: Place): boolean;
}
const APP_PLACE = `a.county_id as county, a.department_id as department, a.status::text, a.community_ids as communities`;

/** The oracle: for every restricted type, where its records live and who may see them (admins see all). */
const KINDS: Record<string, Kind> = {
  AdmissionApplication: { places: `select a.id, ${APP_PLACE} from admission_application a`, visible: application },
  ApprovalDocument: {
    places: `select d.id, ${APP_PLACE} from approval_document d join admission_application a on a.id = d.application_id`,
    visible: application,
  },
  Review: {
    places: `select v.id, ${APP_PLACE} from review v join admission_application a on a.id = v.application_id`,
    visible: (p, r) => [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.DEPARTMENT_USER].includes(p.role!) && application(p, r),
  },
  CommitteeDecision: {
    places: `select v.id, ${APP_PLACE} from committee_decision v join admission_application a on a.id = v.application_id`,
    visible: (p, r) => [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.DEPARTMENT_USER].includes(p.role!) && application(p, r),
  },
  FindingReview: {
    places: `select v.id, ${APP_PLACE} from finding_review v join admission_application a on a.id = v.application_id`,
    visible: (p, r) => [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.DEPARTMENT_USER].includes(p.role!) && application(p, r),
  },
  ListChange: {
    places: `select id, county_id as county, status = 'PUBLISHED' as published from list_change`,
    visible: (p, r) => r.published! || ([Role.REVIEWER, Role.COMMITTEE_SECRETARY].includes(p.role!) && inCounty(p, r.county)),
  },
  LedgerRequirement: {
    places: `select l.id, l.county_id as county, l.department_id as department, a.status::text, coalesce(a.community_ids, 'null') as communities
               from ledger_requirement l left join admission_application a on a.id = l.application_id`,
    visible: (p, r) => {
      if (STAFF.includes(p.role!)) return inCounty(p, r.county);
      if (p.role === Role.DEPARTMENT_USER) return r.department === p.departmentId;
      if (p.role === Role.TOWNSHIP_USER) return inCounty(p, r.county);
      if (p.role === Role.COMMUNITY_USER)
        return inCounty(p, r.county) && (r.communities == null || (ADMITTED_STATES.includes(r.status!) && r.communities.includes(p.communityId!)));
      return false;
    },
  },
  LedgerFiling: {
    places: `select f.id, f.county_id as county, f.community_id as community, l.department_id as department from ledger_filing f join ledger_requirement l on l.id = f.requirement_id`,
    visible: (p, r) => communityRecord(p, r),
  },
  Plaque: {
    places: `select id, county_id as county, community_id as community, department_id as department from plaque`,
    visible: (p, r) => communityRecord(p, r),
  },
  CertificateIssuance: {
    places: `select id, county_id as county, community_id as community, requiring_department_id as department from certificate_issuance`,
    visible: (p, r) => communityRecord(p, r),
  },
  Refusal: {
    places: `select id, county_id as county, community_id as community, department_id as department from refusal`,
    visible: (p, r) => communityRecord(p, r, [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR]),
  },
  ServiceContract: {
    places: `select id, county_id as county, community_id as community, department_id as department from service_contract`,
    visible: (p, r) => communityRecord(p, r),
  },
  ServiceContractEvaluation: {
    places: `select e.id, s.county_id as county, s.community_id as community, s.department_id as department from service_contract_evaluation e join service_contract s on s.id = e.contract_id`,
    visible: (p, r) => communityRecord(p, r),
  },
  FundingAllocation: {
    places: `select f.id, f.county_id as county, f.community_id as community, a.department_id as department from funding_allocation f join admission_application a on a.id = f.application_id`,
    visible: (p, r) => communityRecord(p, r),
  },
  Inspection: { places: `select id, county_id as county from inspection`, visible: (p, r) => STAFF.includes(p.role!) && inCounty(p, r.county) },
  SupervisionFinding: {
    places: `select id, county_id as county, department_id as department from supervision_finding`,
    visible: (p, r) => (STAFF.includes(p.role!) && inCounty(p, r.county)) || (p.role === Role.DEPARTMENT_USER && r.department === p.departmentId),
  },
  Interview: {
    places: `select id, county_id as county, department_id as department from interview`,
    visible: (p, r) => (STAFF.includes(p.role!) && inCounty(p, r.county)) || (p.role === Role.DEPARTMENT_USER && r.department === p.departmentId),
  },
  PublicCriticism: {
    places: `select id, county_id as county from public_criticism`,
    visible: (p, r) => p.role != null && p.role !== Role.INTEGRATION && inCounty(p, r.county),
  },
  Terminal: {
    places: `select t.id, c.county_id as county, t.community_id as community,
                    coalesce((select json_agg(b.department_id) from terminal_app ta join business_app b on b.id = ta.business_app_id where ta.terminal_id = t.id), '[]') as departments
               from terminal t join community c on c.id = t.community_id`,
    visible: (p, r) => {
      if (p.role === Role.INTEGRATION) return true;
      if (p.role === Role.DEPARTMENT_USER) return r.departments!.includes(p.departmentId!);
      return communityRecord(p, r);
    },
  },
  CollectedValue: {
    places: `select v.id, c.county_id as county, v.community_id as community from collected_value v join community c on c.id = v.community_id`,
    visible: (p, r) => p.role === Role.INTEGRATION || (p.role === Role.DEPARTMENT_USER ? inCounty(p, r.county) : communityRecord(p, r)),
  },
  DataRequirement: {
    places: `select q.id, d.region_id as county, q.department_id as department from data_requirement q join department d on d.id = q.department_id`,
    visible: (p, r) =>
      p.role === Role.INTEGRATION || (STAFF.includes(p.role!) && inCounty(p, r.county)) || (p.role === Role.DEPARTMENT_USER && r.department === p.departmentId),
  },
  SyncRun: { places: `select id, null as county from sync_run`, visible: (p) => p.role != null },
  SyncRejectedRecord: { places: `select id, null as county from sync_rejected_record`, visible: (p) => p.role === Role.INTEGRATION },
  // The county's trail for county staff but analysts; for everyone else (and them) the history of the records they may read.
  AuditEvent: {
    places: `select id, county_id as county, entity_type as "entityType", entity_id as "entityId" from audit_event`,
    visible: (p, r) => {
      if ([Role.ANALYST, Role.INTEGRATION].includes(p.role!) || p.role == null) return false;
      if ([Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR].includes(p.role) && inCounty(p, r.county)) return true;
      if (!TRAILED.includes(r.entityType!)) return false;
      const record = recordPlaces.get(r.entityType!)?.get(Number(r.entityId));
      return !!record && KINDS[r.entityType!].visible(p, record);
    },
  },
  User: {
    places: `select u.id, coalesce(c.county_id, d.region_id, case r.level when 'COUNTY' then r.id when 'TOWNSHIP' then r.parent_id end) as "userCounty", null as county
               from app_user u left join region r on r.id = u.region_id left join department d on d.id = u.department_id left join community c on c.id = u.community_id`,
    visible: (p, r) =>
      r.id === p.userId ||
      ([Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.DEPARTMENT_USER, Role.TOWNSHIP_USER, Role.COMMUNITY_USER].includes(p.role!) &&
        inCounty(p, r.userCounty)),
  },
  ApiToken: {
    places: `select id, user_id as "userCounty", null as county from api_token`,
    visible: (p, r) => p.role === Role.INTEGRATION && r.userCounty === p.userId,
  },
};

/** Records whose audit trail their readers see (restated from the README, not imported). */
const TRAILED = [
  'AdmissionApplication',
  'LedgerRequirement',
  'LedgerFiling',
  'Plaque',
  'CertificateIssuance',
  'Refusal',
  'ServiceContract',
  'FundingAllocation',
  'SupervisionFinding',
  'Interview',
  'PublicCriticism',
];
const recordPlaces = new Map<string, Map<number, Place>>();
async function loadRecordPlaces(): Promise<void> {
  for (const type of TRAILED) recordPlaces.set(type, await placesOf(type));
}

const mayRead = (p: Person, type: string, r: Place) => p.role === Role.ADMIN || (READ_RULES[type] === 'PUBLIC' ? true : KINDS[type].visible(p, r));

async function placesOf(type: string): Promise<Map<number, Place>> {
  const rows = await sql(KINDS[type].places);
  return new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id) } as Place]));
}

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

beforeAll(async () => {
  // Thousands of requests from one address: the shared rate limits are tested elsewhere (test/limits.test.ts).
  t = await startTestApi({ RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_ACCOUNT: '0' });
  const away = await createTestCounty(t.orm, AWAY);
  const em = t.orm.em.fork();
  const hash = await hashPassword(TEST_PASSWORD);
  const awayCounty = await em.findOneOrFail(Region, { code: AWAY });
  const awayTownship = await em.findOneOrFail(Region, { parent: awayCounty });
  const awayCommunity = await em.findOneOrFail(Community, { township: awayTownship });
  const city = await em.findOneOrFail(Region, { code: '511800' });
  const add = (username: string, role: Role, binding: object) => em.create(User, { username, displayName: username, role, passwordHash: hash, ...binding });
  add('away_township', Role.TOWNSHIP_USER, { region: awayTownship });
  add('away_community', Role.COMMUNITY_USER, { community: awayCommunity });
  add('away_analyst', Role.ANALYST, { region: awayCounty });
  add('away_inspector', Role.INSPECTOR, { region: awayCounty });
  add('city_analyst', Role.ANALYST, { region: city });
  await em.flush();

  // Records the demo seed has none of: terminals and apps, collected values, a review and
  // a committee decision, a sync run with a dead letter — in both counties.
  const [home] = await sql(`select id from region where code = ?`, [HOME]);
  const [civil] = await sql(`select department_id as id from app_user where username = 'dept_civil'`);
  const [other] = await sql(`select id from department where region_id = ? and id <> ? order by id limit 1`, [home.id, civil.id]);
  const [mine] = await sql(`select community_id as id from app_user where username = 'community'`);
  const [elsewhere] = await sql(
    `select c.id from community c where c.county_id = ? and c.township_id <> (select township_id from community where id = ?) order by c.id limit 1`,
    [home.id, mine.id],
  );
  const awayCivil = fromGlobalId(away.departments.civil).id;
  const awayC = awayCommunity.id;
  const apps = await sql(
    `insert into business_app (external_id, name, department_name, department_id, integrated, used_by_communities, platform_updated_at, created_at, updated_at)
     values ('M-1', '民政应用', '县民政局', ?, true, true, now(), now(), now()), ('M-2', '其他应用', '其他局', ?, false, true, now(), now(), now()), ('M-3', '示范县应用', '示范县民政局', ?, false, true, now(), now(), now()) returning id`,
    [civil.id, other.id, awayCivil],
  );
  const terminals = await sql(
    `insert into terminal (external_id, community_id, model, status, platform_status, platform_updated_at, created_at, updated_at)
     values ('T-1', ?, '一体机', 'ACTIVE', 'ACTIVE', now(), now(), now()), ('T-2', ?, '一体机', 'ACTIVE', 'ACTIVE', now(), now(), now()), ('T-3', ?, '一体机', 'ACTIVE', 'ACTIVE', now(), now(), now()) returning id`,
    [mine.id, elsewhere.id, awayC],
  );
  await sql(`insert into terminal_app (terminal_id, business_app_id) values (?, ?), (?, ?), (?, ?)`, [
    terminals[0].id,
    apps[0].id,
    terminals[1].id,
    apps[1].id,
    terminals[2].id,
    apps[2].id,
  ]);
  const [element] = await sql(`select id from data_element order by id limit 1`);
  await sql(
    `insert into collected_value (external_id, data_element_id, community_id, period, value, source, platform_updated_at, created_at, updated_at)
     values ('V-1', ?, ?, '2026-10', '1', '平台', now(), now(), now()), ('V-2', ?, ?, '2026-10', '2', '平台', now(), now(), now()), ('V-3', ?, ?, '2026-10', '3', '平台', now(), now(), now())`,
    [element.id, mine.id, element.id, elsewhere.id, element.id, awayC],
  );
  const [app] = await sql(`select id from admission_application where county_id = ? order by id limit 1`, [home.id]);
  const [reviewer] = await sql(`select id from app_user where username = 'reviewer'`);
  await sql(
    `insert into review (application_id, reviewer_id, legality, feasibility, reasonableness, recommendation, acknowledged_warnings, comment, created_at, updated_at)
     values (?, ?, 'PASS', 'PASS', 'PASS', 'APPROVE', '[]', '同意', now(), now())`,
    [app.id, reviewer.id],
  );
  await sql(
    `insert into committee_decision (application_id, meeting, meeting_date, decision, recorded_by_id, created_at, updated_at) values (?, '县委常委会', '2026-10-01', 'APPROVE', ?, now(), now())`,
    [app.id, reviewer.id],
  );
  // Reviewers' decisions on findings: on the civil affairs bureau's application and on another department's.
  const [otherApp] = await sql(
    `select id from admission_application where county_id = ? and department_id <> (select department_id from admission_application where id = ?) order by id limit 1`,
    [home.id, app.id],
  );
  for (const target of [app, otherApp].filter(Boolean)) {
    await sql(
      `insert into finding_review (application_id, county_id, kind, finding_code, reason, excerpt, text_hash, reviewer_id, created_at, updated_at)
       values (?, ?, 'OVERRIDE', 'NEGATIVE_LIST', '误判复核', '摘录', repeat('0', 64), ?, now(), now())`,
      [target.id, home.id, reviewer.id],
    );
  }
  const [run] = await sql(
    `insert into sync_run (kind, mode, status, created_at, updated_at) values ('TERMINALS', 'FULL', 'SUCCEEDED', now(), now()) returning id`,
  );
  await sql(
    `insert into sync_rejected_record (sync_run_id, kind, code, reason, created_at, updated_at) values (?, 'TERMINALS', 'MALFORMED', '格式错误', now(), now())`,
    [run.id],
  );

  for (const c of await sql(`select id, township_id from community`)) townshipOf.set(c.id, c.township_id);
  for (const d of await sql(`select id, region_id from department`)) countyOfDepartment.set(d.id, d.region_id);

  const home9: Array<[string, string]> = [
    ['admin', 'admin'],
    ['reviewer', 'reviewer'],
    ['secretary', 'secretary'],
    ['department', 'dept_civil'],
    ['township', 'township'],
    ['community', 'community'],
    ['analyst', 'analyst'],
    ['inspector', 'inspector'],
    ['integration', 'integration'],
  ];
  for (const [key, username] of home9) people.push(await person(`青衣县 ${key}`, username));
  const awayUsers: Array<[string, string]> = [
    ['reviewer', away.users.reviewer],
    ['secretary', away.users.secretary],
    ['department', away.users.civil],
    ['township', 'away_township'],
    ['community', 'away_community'],
    ['analyst', 'away_analyst'],
    ['inspector', 'away_inspector'],
  ];
  for (const [key, username] of awayUsers) people.push(await person(`示范县 ${key}`, username, TEST_PASSWORD));
  people.push(await person('雅安市 analyst', 'city_analyst', TEST_PASSWORD));
  people.push({ key: 'anonymous', username: '', role: null, userId: 0, counties: [], townshipId: null, communityId: null, departmentId: null });
}, 120_000);
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------
// 1. Coverage
// ---------------------------------------------------------------------------------------

describe('every operation and every entity has a rule', () => {
  it.each(ROOTS)('%s: the OPERATIONS table names exactly the schema’s fields', (root) => {
    const inSchema = rootFields(root)
      .map((f) => f.name)
      .sort();
    expect(Object.keys(OPERATIONS[root]).sort()).toEqual(inSchema);
  });

  it('READ_RULES classifies every entity; every restricted GraphQL type has an oracle here', () => {
    const names = ENTITIES.map((e) => e.name).sort();
    expect(Object.keys(READ_RULES).sort()).toEqual(names);
    const restricted = Object.entries(READ_RULES)
      .filter(([, r]) => r !== 'PUBLIC' && r !== 'INTERNAL')
      .map(([n]) => n);
    expect(restricted.sort()).toEqual(Object.keys(KINDS).sort());
  });
});

// ---------------------------------------------------------------------------------------
// 2. Operations × roles
// ---------------------------------------------------------------------------------------

const ID_TYPES: Record<string, string> = {
  county: 'Region',
  region: 'Region',
  township: 'Region',
  community: 'Community',
  department: 'Department',
  user: 'User',
  application: 'AdmissionApplication',
  requirement: 'LedgerRequirement',
  item: 'ListItem',
  templateItem: 'ListItem',
  from: 'ListVersion',
  to: 'ListVersion',
  contract: 'ServiceContract',
  certificateType: 'CertificateType',
  inspection: 'Inspection',
  refusal: 'Refusal',
  finding: 'SupervisionFinding',
  record: 'AdmissionApplication',
  mergeInto: 'LedgerRequirement',
};
/** A value of the right shape that names nothing that exists. */
function dummy(type: GraphQLInputType, name: string, owner: string): unknown {
  if (isNonNullType(type)) return dummy(type.ofType, name, owner);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = dummy(f.type, f.name, owner);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTimeISO':
        return '2026-01-01T00:00:00Z';
      case 'LocalDate':
        return '2026-01-01';
      case 'Month':
        return '2026-01';
      case 'ID': {
        const stem = name === 'id' ? owner : name.replace(/Ids?$/, '');
        return toGlobalId(ID_TYPES[stem] ?? stem.charAt(0).toUpperCase() + stem.slice(1), 987654321);
      }
      default:
        return name.toLowerCase().includes('month') ? '2026-01' : '权限矩阵测试说明';
    }
  }
  return null;
}

/** `op(args…) { selection }` with variables for every required argument. */
function operation(root: 'Query' | 'Mutation', f: GraphQLField<unknown, unknown>): { text: string; variables: Record<string, unknown> } {
  const required = f.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const owner = getNamedType(f.type).name.replace(/(Connection|Payload)$/, '');
  const variables = Object.fromEntries(required.map((a) => [a.name, dummy(a.type, a.name, owner)]));
  // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- a GraphQL type prints as its SDL name
  const decl = required.length ? `(${required.map((a) => `$${a.name}: ${a.type}`).join(', ')})` : '';
  const args = required.length ? `(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = getNamedType(f.type);
  const selection = isObjectType(named) ? ` { __typename }` : '';
  return { text: `${root === 'Query' ? 'query' : 'mutation'} M${decl} { ${f.name}${args}${selection} }`, variables };
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = (
    await sql(`select tablename from pg_tables where schemaname = 'public' and tablename not in ('rate_limit_counter', 'mikro_orm_migrations')`)
  ).map((r) => r.tablename);
  const rows = await sql(tables.map((x) => `select '${x}' as t, count(*)::int as n from "${x}"`).join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

describe('operations × roles', () => {
  const refusedCases: Array<[string, string]> = [];
  const allowedCases: Array<[string, string]> = [];
  for (const root of ROOTS) {
    for (const f of rootFields(root)) {
      const rule = OPERATIONS[root][f.name];
      for (const key of ['anonymous', ...Object.values(Role)]) {
        const role = key === 'anonymous' ? null : (key as Role);
        (rule && mayCall(rule, role) ? allowedCases : refusedCases).push([`${root}.${f.name}`, key]);
      }
    }
  }

  const callAs = async (op: string, key: string) => {
    const [root, name] = op.split('.') as ['Query' | 'Mutation', string];
    const f = rootFields(root).find((x) => x.name === name)!;
    const { text, variables } = operation(root, f);
    const who = key === 'anonymous' ? people.find((p) => p.role === null)! : people.find((p) => p.role === key && p.key.startsWith('青衣县'))!;
    // Signing out or ending every session would end the matrix's own sessions: use a fresh one.
    const token =
      who.role && ['signOut', 'revokeAllSessions', 'changePassword'].includes(name) && who.role !== Role.INTEGRATION ? await t.signIn(who.username) : who.token;
    const r = await t.gql(text, variables, { token });
    return { status: r.status, errors: (r.body.errors ?? []) as Array<{ extensions: { code: string; reason?: string } }> };
  };

  it(`refuses every role an operation does not name (${refusedCases.length} cases), writing nothing`, async () => {
    expect(refusedCases.length).toBeGreaterThan(400);
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const [op, key] of refusedCases) {
      const { errors } = await callAs(op, key);
      const code = errors[0]?.extensions.code;
      const expected = key === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      if (code !== expected || (expected === 'FORBIDDEN' && errors[0].extensions.reason !== 'ROLE'))
        wrong.push(`${op} as ${key}: ${code ?? 'no error'} ${errors[0]?.extensions.reason ?? ''}`);
    }
    expect(wrong).toEqual([]);
    const after = await rowCounts();
    expect(after).toEqual(before);
  }, 120_000);

  it(`lets every role an operation names past the role gate (${allowedCases.length} cases)`, async () => {
    const wrong: string[] = [];
    for (const [op, key] of allowedCases) {
      const { status, errors } = await callAs(op, key);
      const e = errors.find((x) => x.extensions.code === 'UNAUTHENTICATED' || x.extensions.reason === 'ROLE' || x.extensions.reason === 'NO_RULE');
      // signIn with made-up credentials answers 401 UNAUTHENTICATED by design.
      if ((e || status >= 500) && op !== 'Mutation.signIn') wrong.push(`${op} as ${key}: ${status} ${e?.extensions.code} ${e?.extensions.reason ?? ''}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------
// 3. Records × users: node(id)
// ---------------------------------------------------------------------------------------

const nodeTypes = () =>
  Object.values(schema.getTypeMap())
    .filter((x): x is GraphQLObjectType => isObjectType(x) && x.getInterfaces().some((i) => i.name === 'Node'))
    .map((x) => x.name)
    .filter((n) => !['ApiToken', 'CollectedValue', 'SyncRejectedRecord'].includes(n)); // not reachable by node(id): checked through their lists

describe('records × users', () => {
  it('node(id) answers exactly the records each user may see, in and out of its jurisdiction', async () => {
    const samples: Array<{ type: string; id: number; place: Place }> = [];
    for (const type of nodeTypes().filter((n) => KINDS[n])) {
      const places = await placesOf(type);
      const chosen = new Set<number>();
      // For every user, one record it may see and one it may not (where there are such).
      for (const p of people) {
        const seen = [...places.values()].find((r) => !chosen.has(r.id) && mayRead(p, type, r));
        const hidden = [...places.values()].find((r) => !chosen.has(r.id) && !mayRead(p, type, r));
        for (const r of [seen, hidden]) if (r) chosen.add(r.id);
      }
      for (const id of chosen) samples.push({ type, id, place: places.get(id)! });
      expect(chosen.size).toBeGreaterThan(0); // every restricted type is exercised
    }
    // Public reference data: one of each, seen by everyone.
    for (const [type, table] of [
      ['Region', 'region'],
      ['Community', 'community'],
      ['Department', 'department'],
      ['ListItem', 'list_item'],
      ['DataElement', 'data_element'],
    ] as const) {
      const [r] = await sql(`select id from ${table} order by id limit 1`);
      samples.push({ type, id: r.id, place: { id: r.id, county: null } });
    }
    let cases = 0;
    const wrong: string[] = [];
    for (const p of people) {
      for (let from = 0; from < samples.length; from += 100) {
        const batch = samples.slice(from, from + 100);
        const r = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: batch.map((s) => toGlobalId(s.type, s.id)) }, { token: p.token });
        expect(r.body.errors).toBeUndefined();
        r.body.data.nodes.forEach((n: { id: string } | null, i: number) => {
          const s = batch[i];
          const expected = mayRead(p, s.type, s.place);
          cases += 1;
          if (!!n !== expected) wrong.push(`${p.key} ${s.type}:${s.id} expected ${expected ? 'visible' : 'hidden'}`);
        });
      }
    }
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(1000);
    report(`node(id): ${cases} cases (${people.length} users × ${samples.length} records)`);
  });
});

// ---------------------------------------------------------------------------------------
// 4. Lists and nested fields
// ---------------------------------------------------------------------------------------

/** `{ id }` selections for every field of `type` that leads to records (depth 1), for the no-leak check. */
function nestedSelection(type: GraphQLObjectType): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(f.type);
    if (!isObjectType(named)) continue;
    if (named.getInterfaces().some((i) => i.name === 'Node') || KINDS[named.name])
      parts.push(`${f.name} { __typename ${'id' in named.getFields() ? 'id' : ''} }`);
    else if (named.name.endsWith('Connection')) {
      const node = getNamedType(named.getFields().nodes.type) as GraphQLObjectType;
      const firstArg = f.args.some((a) => a.name === 'first') ? '(first: 50)' : '';
      parts.push(`${f.name}${firstArg} { nodes { __typename ${'id' in node.getFields() ? 'id' : ''} } }`);
    }
  }
  return parts.join(' ');
}

/** Every (typename, global id) in a response. */
function idsIn(value: unknown, out: Array<{ type: string; id: number }> = []): Array<{ type: string; id: number }> {
  if (Array.isArray(value)) value.forEach((v) => idsIn(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.__typename === 'string' && KINDS[o.__typename]) out.push({ type: o.__typename, id: fromGlobalId(o.id).id });
    Object.values(o).forEach((v) => idsIn(v, out));
  }
  return out;
}

describe('lists and nested fields', () => {
  /** Connection queries a user can call without arguments (plus collectedValues with its element). */
  const lists = () =>
    rootFields('Query').filter(
      (f) => getNamedType(f.type).name.endsWith('Connection') && f.args.every((a) => !isNonNullType(a.type) || a.name === 'dataElementCode'),
    );

  it('every list, and every field nested one level inside it, returns only records the user may see', async () => {
    await loadRecordPlaces();
    const places = new Map<string, Map<number, Place>>();
    for (const type of Object.keys(KINDS)) places.set(type, await placesOf(type));
    const [element] = await sql(`select code from data_element order by id limit 1`);
    let checked = 0;
    let seen = 0;
    const wrong: string[] = [];
    for (const f of lists()) {
      const node = getNamedType((getNamedType(f.type) as GraphQLObjectType).getFields().nodes.type) as GraphQLObjectType;
      const extra = f.name === 'collectedValues' ? `, dataElementCode: "${element.code}"` : f.name === 'listVersions' ? `, countyCode: "${HOME}"` : '';
      const args = `(first: 100${extra})`;
      const q = `{ ${f.name}${args} { nodes { __typename ${'id' in node.getFields() ? 'id' : ''} ${nestedSelection(node)} } } }`;
      for (const p of people) {
        const rule = OPERATIONS.Query[f.name];
        if (!mayCall(rule, p.role)) continue;
        const r = await t.gql(q, {}, { token: p.token });
        if (r.body.errors?.length) {
          // A list may still refuse a user by its own finer rule (e.g. data outside a sharing scope): never with someone else's data.
          for (const e of r.body.errors)
            if (!['FORBIDDEN', 'NOT_FOUND'].includes(e.extensions.code))
              wrong.push(`${p.key} ${f.name}: ${e.extensions.code} ${e.message} ${JSON.stringify(e.path)}`);
          continue;
        }
        for (const { type, id } of idsIn(r.body.data)) {
          checked += 1;
          const place = places.get(type)!.get(id);
          if (!place || !mayRead(p, type, place)) wrong.push(`${p.key} got ${type}:${id} from ${f.name}`);
          else if (!['User', 'SyncRun'].includes(type)) seen += 1;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    report(`lists and nested fields: ${lists().length} lists, ${checked} records returned and checked`);
    expect(seen).toBeGreaterThan(100); // the lists are not trivially empty
  }, 120_000);

  it('out-of-jurisdiction places in arguments are FORBIDDEN (reason JURISDICTION), inside them answered', async () => {
    const [away] = await sql(`select id from region where code = ?`, [AWAY]);
    const [home] = await sql(`select id from region where code = ?`, [HOME]);
    const q = `query($c: ID!) { ledgerSummary(countyId: $c) { __typename } }`;
    for (const p of people.filter((x) => x.role && mayCall(OPERATIONS.Query.ledgerSummary, x.role))) {
      for (const county of [home.id, away.id]) {
        const r = await t.gql(q, { c: toGlobalId('Region', county) }, { token: p.token });
        const inside = p.role === Role.ADMIN || p.counties.includes(county);
        if (inside) expect(r.body.errors?.[0]?.extensions.reason).not.toBe('JURISDICTION');
        else expect([p.key, r.body.errors?.[0]?.extensions]).toEqual([p.key, expect.objectContaining({ code: 'FORBIDDEN', reason: 'JURISDICTION' })]);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------
// 5. Reads on the system's behalf stay whole
// ---------------------------------------------------------------------------------------

describe('what the filter must not hide', () => {
  it('the rules engine compares a department’s application with every department’s admitted items', async () => {
    const civil = people.find((p) => p.key === '青衣县 department')!;
    // 县卫生健康局's item is in effect across the county; 民政局 cannot see it, the rules engine must.
    const input = {
      title: '协助开展65岁以上老年人健康管理随访',
      description: '协助随访辖区老年人健康状况。',
      kind: 'TEMPORARY',
      category: 'HEALTH',
      legalBasis: ['《基本公共卫生服务规范》'],
      scopeType: 'COUNTY',
      periodStart: '2026-12-01',
      fundingAmount: 1000,
      ledgers: [],
    };
    const r = await t.gql(
      `mutation($i: ApplicationInput!) { createApplication(input: $i) { findings { code evidence { label } } } }`,
      { i: input },
      { token: civil.token },
    );
    expect(r.body.errors).toBeUndefined();
    const overlap = r.body.data.createApplication.findings.find((f: any) => f.code === 'OVERLAPS_EXISTING_ITEM');
    expect(overlap.evidence[0].label).toContain('协助开展65岁以上老年人健康管理随访');
    // … while the department itself still cannot read that item.
    const [health] = await sql(`select a.id from admission_application a join department d on d.id = a.department_id where d.short_name = '县卫生健康局'`);
    expect(
      (await t.gql(`query($id: ID!) { application(id: $id) { id } }`, { id: toGlobalId('AdmissionApplication', health.id) }, { token: civil.token })).body.data
        .application,
    ).toBeNull();
  });

  it('anyone may verify a printed approval document, signed in anywhere or not at all — and only its holders see its code', async () => {
    const [doc] = await sql(
      `select d.number, d.county_id, a.department_id, c.code from approval_document d join admission_application a on a.id = d.application_id join community c on c.id = (d.community_ids->>0)::int order by d.id limit 1`,
    );
    for (const p of people) {
      const r = await t.gql(
        `query($n: String!, $c: String!) { verifyApprovalDocument(number: $n, communityCode: $c) { result document { verificationCode signature payload pdfUrl } } }`,
        { n: doc.number, c: doc.code },
        { token: p.token },
      );
      // Without the printed code or signature nothing is VALID: the state is told, the authenticity needs the paper.
      expect([p.key, r.body.data?.verifyApprovalDocument.result]).toEqual([
        p.key,
        expect.stringMatching(/^(CODE_REQUIRED|NOT_YET_VALID|EXPIRED|NOT_IN_EFFECT|COMPLETED|REVOKED|EMERGENCY_OVERDUE)$/),
      ]);
      const holder =
        p.role === Role.ADMIN ||
        ([Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR].includes(p.role as Role) && p.counties.includes(doc.county_id)) ||
        (p.role === Role.DEPARTMENT_USER && p.departmentId === doc.department_id);
      const secrets = r.body.data.verifyApprovalDocument.document;
      expect([p.key, secrets.verificationCode !== null, secrets.signature !== null, secrets.payload !== null, secrets.pdfUrl !== null]).toEqual([
        p.key,
        holder,
        holder,
        holder,
        holder,
      ]);
    }
  });
});

// ---------------------------------------------------------------------------------------
// 6. Acting on records outside the jurisdiction
// ---------------------------------------------------------------------------------------

/** Every table's content, to prove a run of refused calls changed nothing (tokens' last use and rate counters aside). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (
    await sql(
      `select tablename from pg_tables where schemaname = 'public' and tablename not in ('rate_limit_counter', 'mikro_orm_migrations', 'api_token', 'revoked_token')`,
    )
  ).map((r) => r.tablename);
  const rows = await sql(
    tables.map((x) => `select '${x}' as t, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as h from "${x}" r`).join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

describe('acting on records outside the jurisdiction', () => {
  const OWNER: Record<string, string> = { evaluateServiceContract: 'ServiceContract' };
  // API tokens belong to accounts, not counties: rotating or revoking another's is tested in test/signin.test.ts.
  const ACCOUNT_OPS = ['rotateApiToken', 'revokeApiToken'];
  const PUBLIC_PLACES: Record<string, string> = { CertificateType: `select id, county_id as county from certificate_type` };

  it('every mutation on one record, by every role it allows, from the other county: refused, and nothing changes', async () => {
    const actors = people.filter((p) => p.key.startsWith('示范县') || p.key === '雅安市 analyst');
    const [home] = await sql(`select id from region where code = ?`, [HOME]);
    const cases: Array<{ op: GraphQLField<unknown, unknown>; who: Person; id: string }> = [];
    for (const f of rootFields('Mutation').filter((x) => x.args.some((a) => a.name === 'id') && !ACCOUNT_OPS.includes(x.name))) {
      const type = OWNER[f.name] ?? getNamedType(f.type).name;
      const rows = PUBLIC_PLACES[type] ? await sql(PUBLIC_PLACES[type]) : [...(await placesOf(type)).values()];
      const record = rows.find((r: Place) => r.county === home.id);
      expect([f.name, !!record]).toEqual([f.name, true]);
      for (const who of actors) {
        if (!mayCall(OPERATIONS.Mutation[f.name], who.role)) continue;
        cases.push({ op: f, who, id: toGlobalId(type, Number(record.id)) });
      }
    }
    expect(cases.length).toBeGreaterThan(40);
    const before = await fingerprint();
    const wrong: string[] = [];
    let conclusive = 0;
    for (const { op, who, id } of cases) {
      const { text, variables } = operation('Mutation', op);
      const r = await t.gql(text, { ...variables, id }, { token: who.token });
      const code = r.body.errors?.[0]?.extensions.code;
      if (!code || !['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT', 'CONFLICT'].includes(code)) wrong.push(`${op.name} by ${who.key}: ${code ?? 'succeeded'}`);
      // A record of another county is refused for where it is: FORBIDDEN says so (reason JURISDICTION), like a place argument.
      if (code === 'FORBIDDEN' && r.body.errors[0].extensions.reason !== 'JURISDICTION')
        wrong.push(`${op.name} by ${who.key}: FORBIDDEN with reason ${r.body.errors[0].extensions.reason}`);
      if (code === 'NOT_FOUND' || code === 'FORBIDDEN') conclusive += 1;
    }
    expect(wrong).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    // Most are refused for the record itself (the rest fail validation of made-up input first).
    expect(conclusive / cases.length).toBeGreaterThan(0.6);
    report(`records of another county: ${cases.length} mutation calls, ${conclusive} refused as NOT_FOUND / FORBIDDEN, the rest as BAD_USER_INPUT / CONFLICT`);
  }, 60_000);
});

describe('history', () => {
  it('a department reads the history of its own application, not another department’s; analysts read none', async () => {
    const civil = people.find((p) => p.key === '青衣县 department')!;
    const reviewer = people.find((p) => p.key === '青衣县 reviewer')!;
    const [own] = await sql(`select a.id from admission_application a where a.department_id = ? order by a.id limit 1`, [civil.departmentId]);
    expect(
      (await t.gql(`mutation($id: ID!) { checkApplication(id: $id) { id } }`, { id: toGlobalId('AdmissionApplication', own.id) }, { token: civil.token })).body
        .errors,
    ).toBeUndefined();
    const [other] = await sql(`select a.id from admission_application a where a.department_id <> ? and a.county_id = ? order by a.id limit 1`, [
      civil.departmentId,
      civil.counties[0],
    ]);
    // Give the other department's application a history: the reviewer re-checks it.
    expect(
      (await t.gql(`mutation($id: ID!) { checkApplication(id: $id) { id } }`, { id: toGlobalId('AdmissionApplication', other.id) }, { token: reviewer.token }))
        .body.errors,
    ).toBeUndefined();
    const trail = async (id: string, token?: string) =>
      (await t.gql(`query($r: ID!) { auditTrail(recordId: $r) { action } }`, { r: id }, { token })).body.data.auditTrail;
    const mine = await trail(toGlobalId('AdmissionApplication', own.id), civil.token);
    expect(mine.length).toBeGreaterThan(0);
    expect(
      (
        await t.gql(
          `query($id: ID!) { application(id: $id) { history { action } } }`,
          { id: toGlobalId('AdmissionApplication', own.id) },
          { token: civil.token },
        )
      ).body.data.application.history,
    ).toEqual(mine);
    expect((await trail(toGlobalId('AdmissionApplication', other.id), reviewer.token)).length).toBeGreaterThan(0);
    expect(await trail(toGlobalId('AdmissionApplication', other.id), civil.token)).toEqual([]);
    expect((await trail(toGlobalId('AdmissionApplication', own.id), reviewer.token)).length).toBe(mine.length);
    expect(await trail(toGlobalId('AdmissionApplication', own.id), people.find((p) => p.key === '青衣县 analyst')!.token)).toEqual([]);
  });
});

describe('a city analyst', () => {
  it('reads the registry of every county under the city, like a county analyst reads one', async () => {
    const city = people.find((p) => p.key === '雅安市 analyst')!;
    const county = people.find((p) => p.key === '青衣县 analyst')!;
    const [{ n }] = await sql(`select count(*)::int as n from plaque p join region r on r.id = p.county_id where r.code like '5118%'`);
    expect(n).toBeGreaterThan(0);
    const plaques = async (p: Person) => (await t.gql(`{ plaques(first: 1) { totalCount } }`, {}, { token: p.token })).body.data.plaques.totalCount;
    expect(await plaques(city)).toBe(n);
    expect(await plaques(county)).toBe((await sql(`select count(*)::int as n from plaque where county_id = ?`, [county.counties[0]]))[0].n);
    const unfunded = await t.gql(`{ unfundedAssistanceItems(first: 5) { totalCount } }`, {}, { token: city.token });
    expect(unfunded.body.errors).toBeUndefined();
  });
});
