/**
 * Who may see and do what — the permission model in one place.
 *
 * Two tables decide everything:
 *
 *  - `READ_RULES`: for every entity, which rows each role may read. It is applied at the
 *    data layer as a MikroORM filter (`jurisdiction`) on the request's EntityManager, so
 *    lists, `node(id)`, nested fields, DataLoaders, counts and exports all see the same
 *    rows; a row outside the actor's jurisdiction simply does not exist for the request
 *    (NOT_FOUND, or missing from a connection).
 *  - `OPERATIONS`: for every query and mutation, which roles may call it and which of its
 *    arguments name a region, county, community or department that must lie inside the
 *    actor's jurisdiction (else NOT_FOUND). The `authChecker` (src/schema.ts) consults it
 *    for every root field; a root field missing from it is refused, and the permission
 *    matrix test fails.
 *
 * Finer rules that depend on a record's state (who may act on an application in which
 * status) stay with their module (e.g. src/admission/workflow.ts), over rows this filter
 * has already bounded. Jurisdictions come from the user (src/auth/role.ts ROLE_BINDING).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { COUNTY_STAFF, PEOPLE, Role, SUPERVISORS } from '../kernel/roles';
import { AppError } from '../kernel/errors';
import { fromGlobalId } from '../kernel/global-id';
import type { Actor, Context, Scope } from '../kernel/context';
import { Community } from '../geography';

// ---------------------------------------------------------------------------------------
// Scope: the actor's jurisdiction, resolved once per request
// ---------------------------------------------------------------------------------------

export type { Scope } from '../kernel/context';
export { COUNTY_STAFF, SUPERVISORS, PEOPLE } from '../kernel/roles';
/** Application states in which a work item is, or was, admitted into communities. */
export const ADMITTED_STATES = ['APPROVED', 'IN_EFFECT', 'EMERGENCY_IN_EFFECT', 'COMPLETED', 'REVOKED'];

const PREFIX_LENGTH: Record<string, number> = { PROVINCE: 2, CITY: 4, COUNTY: 6, TOWNSHIP: 9 };
const COUNTIES_TTL_MS = 60_000;
const countiesUnder = new Map<number, { at: number; ids: number[] }>();

/**
 * The jurisdiction of an actor (null → anonymous). Built from what authentication read
 * with the user (no statement of its own), except the county list of a city or province
 * analyst (one statement, kept for a minute) and API-token actors bound to a place.
 */
export async function resolveScope(em: EntityManager, actor: Actor | null): Promise<Scope> {
  const empty = { regionId: null, regionPrefix: null, countyId: null, townshipId: null, communityId: null, departmentId: null, countyIds: [] as number[] };
  if (!actor) return { role: null, userId: 0, ...empty };
  const base = { role: actor.role, userId: actor.userId };
  if (actor.role === Role.ADMIN || actor.role === Role.INTEGRATION) return { ...base, ...empty, regionPrefix: '' };
  const conn = em.getConnection();
  const j = actor.jurisdiction ?? (await readJurisdiction(em, actor));
  const scope: Scope = { ...base, ...empty, communityId: actor.communityId, departmentId: actor.departmentId };
  if (actor.role === Role.COMMUNITY_USER) {
    return actor.communityId && j.countyId ? { ...scope, countyId: j.countyId, townshipId: j.townshipId, countyIds: [j.countyId] } : { ...base, ...empty };
  }
  if (!j.regionId || !j.regionCode || !j.regionLevel) return { ...base, ...empty };
  const prefix = j.regionCode.slice(0, PREFIX_LENGTH[j.regionLevel] ?? 6);
  const placed = { ...scope, regionId: j.regionId, regionPrefix: prefix, countyId: j.countyId, townshipId: j.townshipId };
  switch (actor.role) {
    case Role.TOWNSHIP_USER:
      return j.regionLevel === 'TOWNSHIP' ? { ...placed, countyIds: [j.countyId!] } : { ...base, ...empty };
    case Role.REVIEWER:
    case Role.COMMITTEE_SECRETARY:
    case Role.INSPECTOR:
      return j.regionLevel === 'COUNTY' ? { ...placed, countyIds: [j.regionId] } : { ...base, ...empty };
    case Role.DEPARTMENT_USER:
      // A county's department works in its county; a city's or province's has no communities of its own.
      return { ...placed, countyId: j.regionId, countyIds: [j.regionId] };
    default: {
      // Analysts: any level.
      if (j.regionLevel === 'COUNTY') return { ...placed, countyIds: [j.regionId] };
      if (j.regionLevel === 'TOWNSHIP') return { ...placed, countyIds: j.countyId ? [j.countyId] : [] };
      let hit = countiesUnder.get(j.regionId);
      if (!hit || Date.now() - hit.at > COUNTIES_TTL_MS) {
        const rows: Array<{ id: number }> = await conn.execute(`select id from region where level = 'COUNTY' and code like ?`, [`${prefix}%`]);
        hit = { at: Date.now(), ids: rows.map((x) => x.id) };
        countiesUnder.set(j.regionId, hit);
      }
      return { ...placed, countyIds: hit.ids };
    }
  }
}

/**
 * Where a user (alias `u`) works, as columns `zr_region_id` … `zr_township_id` over the
 * joins below: authentication reads them in the statement that loads the user.
 */
export const JURISDICTION_COLUMNS = `coalesce(r.id, dr.id) as zr_region_id, coalesce(r.code, dr.code) as zr_region_code, coalesce(r.level, dr.level)::text as zr_region_level,
  coalesce(c.county_id, dr.id, case r.level when 'TOWNSHIP' then r.parent_id when 'COUNTY' then r.id end) as zr_county_id,
  coalesce(c.township_id, case r.level when 'TOWNSHIP' then r.id end) as zr_township_id`;
export const JURISDICTION_JOINS = `left join region r on r.id = u.region_id left join community c on c.id = u.community_id
  left join department d on d.id = u.department_id left join region dr on dr.id = d.region_id`;

/** The jurisdiction from a row holding JURISDICTION_COLUMNS. */
export function jurisdictionOf(row: Record<string, unknown> | undefined): NonNullable<Actor['jurisdiction']> {
  const v = <T>(k: string) => (row?.[k] as T | null | undefined) ?? null;
  return {
    regionId: v('zr_region_id'),
    regionCode: v('zr_region_code'),
    regionLevel: v('zr_region_level'),
    countyId: v('zr_county_id'),
    townshipId: v('zr_township_id'),
  };
}

/** Where an actor works, for actors that did not come through JWT authentication. */
async function readJurisdiction(em: EntityManager, actor: Actor): Promise<NonNullable<Actor['jurisdiction']>> {
  const [row] = await em.getConnection().execute(`select ${JURISDICTION_COLUMNS} from app_user u ${JURISDICTION_JOINS} where u.id = ?`, [actor.userId]);
  return jurisdictionOf(row);
}

// ---------------------------------------------------------------------------------------
// READ_RULES: which rows of each entity a role may read
// ---------------------------------------------------------------------------------------

/** A row predicate in SQL over the entity's table alias; `true` = every row. */
type Predicate = (a: string, s: Scope) => string | true;
/** Per role; `ANYONE` (also the anonymous) is or-ed with the role's own predicate. */
type ReadRule = 'PUBLIC' | 'INTERNAL' | Partial<Record<Role | 'ANYONE', Predicate>>;

const ids = (list: Array<number | null>): string => {
  const clean = list.filter((x): x is number => Number.isSafeInteger(x));
  return clean.length ? `(${clean.join(',')})` : '(null)';
};
const int = (x: number | null): string => (Number.isSafeInteger(x) ? String(x) : 'null');
const all: Predicate = () => true;
const inCounties: Predicate = (a, s) => `${a}.county_id in ${ids(s.countyIds)}`;
const communityInTownship = (col: string, s: Scope) => `${col} in (select c.id from community c where c.township_id = ${int(s.townshipId)})`;
const communityInCounties = (col: string, s: Scope) => `${col} in (select c.id from community c where c.county_id in ${ids(s.countyIds)})`;
const STATES = ADMITTED_STATES.map((x) => `'${x}'`).join(',');

/** Applications: the rule other entities reuse through their `application_id`. */
const APPLICATION: Partial<Record<Role, Predicate>> = {
  [Role.REVIEWER]: inCounties,
  [Role.COMMITTEE_SECRETARY]: inCounties,
  [Role.INSPECTOR]: inCounties,
  [Role.ANALYST]: inCounties,
  [Role.DEPARTMENT_USER]: (a, s) => `${a}.department_id = ${int(s.departmentId)}`,
  [Role.TOWNSHIP_USER]: (a, s) =>
    `${a}.county_id = ${int(s.countyId)} and ${a}.status in (${STATES}) and exists (select 1 from community c where c.township_id = ${int(s.townshipId)} and ${a}.community_ids @> jsonb_build_array(c.id))`,
  [Role.COMMUNITY_USER]: (a, s) =>
    `${a}.county_id = ${int(s.countyId)} and ${a}.status in (${STATES}) and ${a}.community_ids @> '[${int(s.communityId)}]'::jsonb`,
};

/** Rows bound to an application: readable when the application is (for the given roles). */
function viaApplication(col: string, roles: Role[] = Object.keys(APPLICATION) as Role[]): Partial<Record<Role, Predicate>> {
  return Object.fromEntries(
    roles.map((role) => [role, (a: string, s: Scope) => `${a}.${col} in (select x.id from admission_application x where ${APPLICATION[role]!('x', s)})`]),
  );
}

/**
 * Records bound to a community (refusals, filings, plaques, issuances, contracts, funding):
 * county staff their counties, township users their township's communities, community
 * workers their own, department users those naming their department (`departmentSql`).
 */
function communityRecord(departmentSql: ((a: string, s: Scope) => string) | null, staff: Role[] = COUNTY_STAFF): Partial<Record<Role, Predicate>> {
  const rule: Partial<Record<Role, Predicate>> = {
    [Role.TOWNSHIP_USER]: (a, s) => communityInTownship(`${a}.community_id`, s),
    [Role.COMMUNITY_USER]: (a, s) => `${a}.community_id = ${int(s.communityId)}`,
  };
  for (const r of staff) rule[r] = inCounties;
  if (departmentSql) rule[Role.DEPARTMENT_USER] = departmentSql;
  return rule;
}

const sameCountyUsers: Predicate = (a, s) =>
  `(${a}.id = ${int(s.userId)} or ${a}.region_id in (select r.id from region r where r.id in ${ids(s.countyIds)} or r.parent_id in ${ids(s.countyIds)})` +
  ` or ${a}.department_id in (select d.id from department d where d.region_id in ${ids(s.countyIds)}) or ${communityInCounties(`${a}.community_id`, s)})`;
const self: Predicate = (a, s) => `${a}.id = ${int(s.userId)}`;

/**
 * The read rule of every entity. PUBLIC: reference data any reader may see (the
 * administrative tree, departments, the published lists, the data-element catalogue,
 * certificate lists, business apps, baselines and budgets). INTERNAL: not exposed over
 * GraphQL. Otherwise a predicate per role; a role not named sees no row. Admins see
 * every row (no filter is installed for them).
 */
export const READ_RULES: Record<string, ReadRule> = {
  Region: 'PUBLIC',
  UserSession: 'INTERNAL',
  Community: 'PUBLIC',
  Department: 'PUBLIC',
  DataElement: 'PUBLIC',
  BusinessApp: 'PUBLIC',
  ListItem: 'PUBLIC',
  ListVersion: 'PUBLIC',
  ListVersionItem: 'PUBLIC',
  CertificateType: 'PUBLIC',
  StatisticsBaseline: 'PUBLIC',
  BurdenBudget: 'PUBLIC',
  // Counties' public keys for approval documents: published, for anyone to verify with.
  DocumentSigningKey: 'PUBLIC',

  User: {
    [Role.REVIEWER]: sameCountyUsers,
    [Role.COMMITTEE_SECRETARY]: sameCountyUsers,
    [Role.INSPECTOR]: sameCountyUsers,
    [Role.DEPARTMENT_USER]: sameCountyUsers,
    [Role.TOWNSHIP_USER]: sameCountyUsers,
    [Role.COMMUNITY_USER]: sameCountyUsers,
    [Role.ANALYST]: self, // statistics, not people
    [Role.INTEGRATION]: self,
  },
  ApiToken: { [Role.INTEGRATION]: (a, s) => `${a}.user_id = ${int(s.userId)}` },
  // The county's whole trail for its reviewers, secretaries and inspectors; everyone else the
  // history of the records they may read (a department its applications', a community its refusals').
  // Analysts and service accounts: none (it names people).
  AuditEvent: {
    [Role.REVIEWER]: (a, s) => `${inCounties(a, s)} or ${trailOfReadable(Role.REVIEWER, a, s)}`,
    [Role.COMMITTEE_SECRETARY]: (a, s) => `${inCounties(a, s)} or ${trailOfReadable(Role.COMMITTEE_SECRETARY, a, s)}`,
    [Role.INSPECTOR]: (a, s) => `${inCounties(a, s)} or ${trailOfReadable(Role.INSPECTOR, a, s)}`,
    [Role.DEPARTMENT_USER]: (a, s) => trailOfReadable(Role.DEPARTMENT_USER, a, s),
    [Role.TOWNSHIP_USER]: (a, s) => trailOfReadable(Role.TOWNSHIP_USER, a, s),
    [Role.COMMUNITY_USER]: (a, s) => trailOfReadable(Role.COMMUNITY_USER, a, s),
  },

  AdmissionApplication: APPLICATION,
  ApprovalDocument: viaApplication('application_id'),
  Review: viaApplication('application_id', [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.DEPARTMENT_USER]),
  CommitteeDecision: viaApplication('application_id', [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.DEPARTMENT_USER]),
  // Reviewers' decisions on findings: county staff who handle applications, and the department whose application it is.
  FindingReview: viaApplication('application_id', [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR, Role.DEPARTMENT_USER]),
  // Published changes are part of a published version; pending and discarded ones are the county's working papers.
  ListChange: { ANYONE: (a) => `${a}.status = 'PUBLISHED'`, [Role.REVIEWER]: inCounties, [Role.COMMITTEE_SECRETARY]: inCounties },

  LedgerRequirement: {
    [Role.REVIEWER]: inCounties,
    [Role.COMMITTEE_SECRETARY]: inCounties,
    [Role.INSPECTOR]: inCounties,
    [Role.ANALYST]: inCounties,
    [Role.DEPARTMENT_USER]: (a, s) => `${a}.department_id = ${int(s.departmentId)}`,
    [Role.TOWNSHIP_USER]: (a, s) => `${a}.county_id = ${int(s.countyId)}`,
    // County-wide requirements, and those of an item admitted into the community.
    [Role.COMMUNITY_USER]: (a, s) =>
      `${a}.county_id = ${int(s.countyId)} and (${a}.application_id is null or ${a}.application_id in (select x.id from admission_application x where ${APPLICATION[Role.COMMUNITY_USER]!('x', s)}))`,
  },
  LedgerFiling: communityRecord((a, s) => `${a}.requirement_id in (select l.id from ledger_requirement l where l.department_id = ${int(s.departmentId)})`),
  Plaque: communityRecord((a, s) => `${a}.department_id = ${int(s.departmentId)}`),
  CertificateIssuance: communityRecord((a, s) => `${a}.requiring_department_id = ${int(s.departmentId)}`),
  // Reports name people: not for analysts.
  Refusal: communityRecord((a, s) => `${a}.department_id = ${int(s.departmentId)}`, [Role.REVIEWER, Role.COMMITTEE_SECRETARY, Role.INSPECTOR]),
  ServiceContract: communityRecord((a, s) => `${a}.department_id = ${int(s.departmentId)}`),
  ServiceContractEvaluation: Object.fromEntries(
    Object.entries(communityRecord((a, s) => `${a}.department_id = ${int(s.departmentId)}`)).map(([role, p]) => [
      role,
      (a: string, s: Scope) => `${a}.contract_id in (select sc.id from service_contract sc where ${p('sc', s)})`,
    ]),
  ),
  FundingAllocation: communityRecord(
    (a, s) => `${a}.application_id in (select x.id from admission_application x where x.department_id = ${int(s.departmentId)})`,
  ),
  // Supervision: county staff; a department sees what is held against it (not inspections — unannounced visits stay unannounced).
  Inspection: { [Role.REVIEWER]: inCounties, [Role.COMMITTEE_SECRETARY]: inCounties, [Role.INSPECTOR]: inCounties, [Role.ANALYST]: inCounties },
  SupervisionFinding: {
    ...Object.fromEntries(COUNTY_STAFF.map((r) => [r, inCounties])),
    [Role.DEPARTMENT_USER]: (a, s) => `${a}.department_id = ${int(s.departmentId)}`,
  },
  Interview: {
    ...Object.fromEntries(COUNTY_STAFF.map((r) => [r, inCounties])),
    [Role.DEPARTMENT_USER]: (a, s) => `${a}.department_id = ${int(s.departmentId)}`,
  },
  // Public criticism is published: everyone working in the county.
  PublicCriticism: Object.fromEntries(PEOPLE.filter((r) => r !== Role.ADMIN).map((r) => [r, (a: string, s: Scope) => `${a}.county_id in ${ids(s.countyIds)}`])),

  Terminal: {
    ...Object.fromEntries(COUNTY_STAFF.map((r) => [r, (a: string, s: Scope) => communityInCounties(`${a}.community_id`, s)])),
    [Role.TOWNSHIP_USER]: (a, s) => communityInTownship(`${a}.community_id`, s),
    [Role.COMMUNITY_USER]: (a, s) => `${a}.community_id = ${int(s.communityId)}`,
    [Role.DEPARTMENT_USER]: (a, s) =>
      `exists (select 1 from terminal_app ta join business_app b on b.id = ta.business_app_id where ta.terminal_id = ${a}.id and b.department_id = ${int(s.departmentId)})`,
    [Role.INTEGRATION]: all,
  },
  // Values of collected data: within the jurisdiction; a department additionally only within each element's sharing scope (checked by collectedValues).
  CollectedValue: {
    ...Object.fromEntries([...COUNTY_STAFF, Role.DEPARTMENT_USER].map((r) => [r, (a: string, s: Scope) => communityInCounties(`${a}.community_id`, s)])),
    [Role.TOWNSHIP_USER]: (a, s) => communityInTownship(`${a}.community_id`, s),
    [Role.COMMUNITY_USER]: (a, s) => `${a}.community_id = ${int(s.communityId)}`,
    [Role.INTEGRATION]: all,
  },
  DataRequirement: {
    ...Object.fromEntries(
      COUNTY_STAFF.map((r) => [r, (a: string, s: Scope) => `${a}.department_id in (select d.id from department d where d.region_id in ${ids(s.countyIds)})`]),
    ),
    [Role.DEPARTMENT_USER]: (a, s) => `${a}.department_id = ${int(s.departmentId)}`,
    [Role.INTEGRATION]: all,
  },
  // Sync runs are counts and cursors, no county's data: any account.
  SyncRun: Object.fromEntries(Object.values(Role).map((r) => [r, all])),
  SyncRejectedRecord: { [Role.INTEGRATION]: all },

  DocumentSequence: 'INTERNAL',
  RevokedToken: 'INTERNAL',
  AuditChainHead: 'INTERNAL',
  DocumentRevocationList: 'INTERNAL',
  RateLimitCounter: 'INTERNAL',
  StatCommunityMonth: 'INTERNAL',
  StatRegionMonth: 'INTERNAL',
  StatDepartmentMonth: 'INTERNAL',
  StatRefresh: 'INTERNAL',
};

/** Records whose audit trail follows their own visibility: entity type → table. */
export const AUDITED_RECORDS: Record<string, string> = {
  AdmissionApplication: 'admission_application',
  FindingReview: 'finding_review',
  LedgerRequirement: 'ledger_requirement',
  LedgerFiling: 'ledger_filing',
  Plaque: 'plaque',
  CertificateIssuance: 'certificate_issuance',
  Refusal: 'refusal',
  ServiceContract: 'service_contract',
  FundingAllocation: 'funding_allocation',
  SupervisionFinding: 'supervision_finding',
  Interview: 'interview',
  PublicCriticism: 'public_criticism',
};

/** Audit events about records of AUDITED_RECORDS the role may read. */
function trailOfReadable(role: Role, a: string, s: Scope): string {
  const parts: string[] = [];
  for (const [type, table] of Object.entries(AUDITED_RECORDS)) {
    const rule = READ_RULES[type] as Partial<Record<Role, Predicate>>;
    const p = rule[role]?.('x', s);
    if (p === true) parts.push(`${a}.entity_type = '${type}'`);
    else if (p) parts.push(`(${a}.entity_type = '${type}' and ${a}.entity_id in (select x.id::text from ${table} x where ${p}))`);
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/** The SQL predicate an actor's reads of `entity` get (alias `a`), or null when every row is readable. */
export function readPredicate(entity: string, scope: Scope, alias = 'a'): string | null {
  const rule = READ_RULES[entity];
  if (rule === undefined) throw new Error(`no read rule for entity ${entity} (src/auth/permissions.ts READ_RULES)`);
  if (rule === 'PUBLIC' || rule === 'INTERNAL') return null;
  if (scope.role === Role.ADMIN) return null;
  const parts = [rule.ANYONE, scope.role ? rule[scope.role] : undefined].filter((p): p is Predicate => !!p).map((p) => p(alias, scope));
  if (parts.includes(true)) return null;
  return parts.length ? parts.map((p) => `(${p})`).join(' or ') : 'false';
}

export const JURISDICTION_FILTER = 'jurisdiction';

/**
 * Installs the jurisdiction filter on a request's EntityManager: every read of a
 * restricted entity through it (and through its forks and transactions) gets the actor's
 * predicate. Admins get none. Code that must read across jurisdictions on the actor's
 * behalf (rules engine context, duplicate detection) passes `filters: false`.
 */
export function applyJurisdiction(em: EntityManager, scope: Scope): void {
  if (scope.role === Role.ADMIN) return;
  const restricted = Object.entries(READ_RULES)
    .filter(([, r]) => r !== 'PUBLIC' && r !== 'INTERNAL')
    .map(([name]) => name);
  em.addFilter(
    JURISDICTION_FILTER,
    (args: { scope: Scope }, type: string, _em: unknown, _opts: unknown, entityName?: string) => {
      if (type !== 'read' || !entityName) return {};
      const sql = readPredicate(entityName, args.scope, '__alias__');
      if (sql == null) return {};
      // Parenthesised: MikroORM joins it to the query's own conditions without adding any.
      const aliased = (a: string) => `(${sql.split('__alias__').join(a)})`;
      return { [rawPredicate(aliased)]: [] };
    },
    restricted,
  );
  em.setFilterParams(JURISDICTION_FILTER, { scope });
}

// `raw` is loaded lazily so this file stays importable where MikroORM's core is not needed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { raw } = require('@mikro-orm/core') as typeof import('@mikro-orm/core');
function rawPredicate(sql: (alias: string) => string): string {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- MikroORM types raw() as its own fragment; filters take it where a string goes
  return raw((alias: string) => sql(alias)) as unknown as string;
}

// ---------------------------------------------------------------------------------------
// OPERATIONS: who may call each query and mutation, and which arguments must be in scope
// ---------------------------------------------------------------------------------------

/** An argument naming something that must lie inside the actor's jurisdiction. */
type Within = 'region' | 'county' | 'community' | 'department' | 'user';
export interface OperationRule {
  /** PUBLIC: also without signing in; SIGNED_IN: any account; else these roles (admins always). */
  roles: 'PUBLIC' | 'SIGNED_IN' | Role[];
  /** argument name → what it names (global ID or code, per the argument's name). */
  within?: Record<string, Within>;
}

const R = Role;
const STAFF = COUNTY_STAFF;
const STATS_READERS = [R.ANALYST, R.REVIEWER, R.INSPECTOR, R.COMMITTEE_SECRETARY, R.DEPARTMENT_USER, R.TOWNSHIP_USER];
const op = (roles: OperationRule['roles'], within?: OperationRule['within']): OperationRule => ({ roles, within });
const region = { regionId: 'region', regionCode: 'region' } as const;
const county = { countyId: 'county', countyCode: 'county' } as const;

export const OPERATIONS: Record<'Query' | 'Mutation', Record<string, OperationRule>> = {
  Query: {
    // Reference data and the published lists (公开): also without signing in.
    region: op('PUBLIC'),
    regions: op('PUBLIC'),
    community: op('PUBLIC'),
    communities: op('PUBLIC'),
    department: op('PUBLIC'),
    departments: op('PUBLIC'),
    listItem: op('PUBLIC'),
    listItems: op('PUBLIC'),
    guidanceListItems: op('PUBLIC'),
    listVersion: op('PUBLIC'),
    listVersions: op('PUBLIC'),
    listVersionDiff: op('PUBLIC'),
    burdenIndicators: op('PUBLIC'),
    // A community checks a document before doing a task; the answer names no one and never
    // shows the document's code or signature (those only to its holders, src/admission/verification.ts).
    verifyApprovalDocument: op('PUBLIC'),
    verifyApprovalPayload: op('PUBLIC'),
    documentSigningKeys: op('PUBLIC'),
    approvalRevocationList: op('PUBLIC'),
    // Anonymous readers get only what READ_RULES leaves public (null for any other node).
    node: op('PUBLIC'),
    nodes: op('PUBLIC'),
    dataElements: op('PUBLIC'),
    businessApps: op('PUBLIC'),

    me: op('SIGNED_IN'),
    users: op(PEOPLE),
    terminals: op('SIGNED_IN'),
    collectedValues: op('SIGNED_IN'),

    application: op(PEOPLE),
    applications: op(PEOPLE),
    admissionRules: op('SIGNED_IN'),
    findingReviews: op([R.REVIEWER, R.COMMITTEE_SECRETARY, R.INSPECTOR, R.DEPARTMENT_USER], county),
    approvalDocument: op(PEOPLE),
    unfundedAssistanceItems: op([R.DEPARTMENT_USER, ...STAFF]),
    pendingListChanges: op([R.REVIEWER, R.COMMITTEE_SECRETARY], county),
    auditEvents: op([R.REVIEWER, R.INSPECTOR, R.COMMITTEE_SECRETARY]),
    auditTrail: op(PEOPLE),
    // Scoped like the trail: an inspector verifies their county's chain (the default), admins every chain.
    verifyAuditChain: op([R.INSPECTOR], { countyId: 'county' }),

    ledgerRequirement: op(PEOPLE),
    ledgerRequirements: op(PEOPLE),
    ledgerFilings: op(PEOPLE),
    ledgerSummary: op([R.DEPARTMENT_USER, ...STAFF], { countyId: 'county', departmentId: 'department' }),
    ledgerCleanupReview: op([R.DEPARTMENT_USER, ...STAFF], { countyId: 'county', departmentId: 'department' }),
    plaques: op(PEOPLE),
    plaqueCleanupReview: op([R.DEPARTMENT_USER, ...STAFF], { countyId: 'county', departmentId: 'department' }),
    certificateTypes: op(PEOPLE),
    certificateIssuances: op(PEOPLE),
    certificateStatistics: op([R.DEPARTMENT_USER, R.TOWNSHIP_USER, R.COMMUNITY_USER, ...STAFF], { countyId: 'county', communityId: 'community' }),
    fundingAllocations: op(PEOPLE),
    unpaidCommunities: op(PEOPLE),
    serviceContracts: op(PEOPLE),
    checkServiceContract: op([R.DEPARTMENT_USER, R.REVIEWER]),
    refusal: op(PEOPLE),
    refusals: op(PEOPLE),
    inspections: op([R.REVIEWER, R.INSPECTOR, R.COMMITTEE_SECRETARY, R.ANALYST]),
    supervisionFindings: op(PEOPLE),
    interviews: op(PEOPLE),
    publicCriticisms: op(PEOPLE),
    repeatOffenders: op([R.REVIEWER, R.INSPECTOR, R.COMMITTEE_SECRETARY, R.ANALYST], { countyId: 'county' }),
    departmentRecord: op([R.DEPARTMENT_USER, ...STAFF], { departmentId: 'department' }),

    dataRequirements: op([R.DEPARTMENT_USER, R.INTEGRATION, ...STAFF]),
    collectOnceOpportunities: op([R.DEPARTMENT_USER, R.TOWNSHIP_USER, R.INTEGRATION, ...STAFF], { regionId: 'region' }),
    consolidationPlan: op([R.DEPARTMENT_USER, R.TOWNSHIP_USER, R.INTEGRATION, ...STAFF], { regionId: 'region' }),
    syncRuns: op('SIGNED_IN'),
    syncRejectedRecords: op([R.INTEGRATION]),
    syncJob: op([R.INTEGRATION]),

    burdenStatistics: op(STATS_READERS, region),
    burdenTrend: op(STATS_READERS, region),
    departmentRanking: op(STATS_READERS, region),
    burdenBudget: op(STATS_READERS, county),
    communityBurdenCard: op([...STATS_READERS, R.COMMUNITY_USER], { communityId: 'community', communityCode: 'community' }),
  },
  Mutation: {
    signIn: op('PUBLIC'),
    // The second sign-in step and enrolment at sign-in carry their own proof (the challenge).
    signInSecondFactor: op('PUBLIC'),
    beginTotpEnrolment: op('PUBLIC'),
    confirmTotpEnrolment: op('PUBLIC'),
    regenerateRecoveryCodes: op(PEOPLE),
    disableTotp: op(PEOPLE),
    resetTotp: op([]),
    signOut: op('SIGNED_IN'),
    changePassword: op(PEOPLE),
    revokeAllSessions: op('SIGNED_IN', { userId: 'user' }),
    createUser: op([]),
    setUserActive: op([]),
    resetPassword: op([]),
    unlockUser: op([]),
    createApiToken: op([]),
    revokeApiToken: op([]),
    rotateApiToken: op([R.INTEGRATION]),
    rotateDocumentSigningKey: op([]),

    createApplication: op([R.DEPARTMENT_USER]),
    updateApplication: op([R.DEPARTMENT_USER]),
    checkApplication: op([R.DEPARTMENT_USER, R.REVIEWER]),
    submitApplication: op([R.DEPARTMENT_USER]),
    declareEmergencyEntry: op([R.DEPARTMENT_USER]),
    withdrawApplication: op([R.DEPARTMENT_USER]),
    startReview: op([R.REVIEWER]),
    reviewApplication: op([R.REVIEWER]),
    recordCommitteeDecision: op([R.COMMITTEE_SECRETARY]),
    enterCommunities: op([R.DEPARTMENT_USER, R.REVIEWER]),
    completeApplication: op([R.DEPARTMENT_USER, R.REVIEWER]),
    revokeApplication: op([R.REVIEWER]),
    recordFindingReview: op([R.REVIEWER]),
    addFindingReviewToExamples: op([R.REVIEWER]),

    importGuidanceLists: op([R.REVIEWER], { countyId: 'county' }),
    stageListChange: op([R.REVIEWER]),
    discardListChange: op([R.REVIEWER]),
    publishListVersion: op([R.REVIEWER]),

    createLedgerRequirement: op([R.DEPARTMENT_USER, R.REVIEWER]),
    updateLedgerRequirement: op([R.DEPARTMENT_USER, R.REVIEWER]),
    mergeLedgerRequirement: op([R.DEPARTMENT_USER, R.REVIEWER]),
    abolishLedgerRequirement: op([R.DEPARTMENT_USER, R.REVIEWER]),
    setLedgerOneForm: op([R.DEPARTMENT_USER, R.REVIEWER]),
    fileLedger: op([R.COMMUNITY_USER]),
    createPlaque: op([R.DEPARTMENT_USER, R.REVIEWER, R.COMMUNITY_USER]),
    orderPlaqueRemoval: op([R.REVIEWER]),
    orderPlaqueRemovals: op([R.REVIEWER], { countyId: 'county', departmentId: 'department' }),
    confirmPlaqueRemoved: op([R.COMMUNITY_USER, R.DEPARTMENT_USER, R.REVIEWER]),
    keepPlaque: op([R.REVIEWER]),
    createCertificateType: op([R.REVIEWER]),
    abolishCertificateType: op([R.REVIEWER]),
    recordCertificateRequest: op([R.COMMUNITY_USER]),
    createServiceContract: op([R.DEPARTMENT_USER]),
    evaluateServiceContract: op([R.DEPARTMENT_USER]),
    closeServiceContract: op([R.DEPARTMENT_USER, R.REVIEWER]),
    recordFundingAllocations: op([R.DEPARTMENT_USER]),
    confirmFundingReceived: op([R.COMMUNITY_USER]),
    submitRefusal: op([R.COMMUNITY_USER]),
    verifyRefusal: op(SUPERVISORS),
    dismissRefusal: op(SUPERVISORS),
    recordInspection: op(SUPERVISORS),
    recordSupervisionFinding: op(SUPERVISORS),
    reportRectification: op([R.DEPARTMENT_USER]),
    closeSupervisionFinding: op(SUPERVISORS),
    scheduleInterview: op(SUPERVISORS),
    recordInterviewHeld: op(SUPERVISORS),
    cancelInterview: op(SUPERVISORS),
    reportInterviewFollowUp: op([R.DEPARTMENT_USER]),
    issuePublicCriticism: op(SUPERVISORS),
    reportCriticismFollowUp: op([R.DEPARTMENT_USER]),

    triggerSync: op([R.INTEGRATION]),
    executeConsolidation: op([R.REVIEWER, R.INTEGRATION]),

    setBaseline: op([R.ANALYST], region),
    setBurdenBudget: op([R.ANALYST, R.REVIEWER], county),
    refreshStatistics: op([R.ANALYST], region),
  },
};

/** Whether `role` (null: anonymous) may call the operation at all. */
export function mayCall(rule: OperationRule, role: Role | null): boolean {
  if (rule.roles === 'PUBLIC') return true;
  if (role == null) return false;
  if (rule.roles === 'SIGNED_IN' || role === Role.ADMIN) return true;
  return rule.roles.includes(role);
}

// ---------------------------------------------------------------------------------------
// Arguments naming places and departments
// ---------------------------------------------------------------------------------------

/**
 * A region, community or department is public reference data: naming one outside the
 * jurisdiction is FORBIDDEN (its records, by contrast, are NOT_FOUND — they do not exist
 * for the actor).
 */
const outside = () => new AppError('FORBIDDEN', '不在您的管辖范围内', 'Outside your jurisdiction', { reason: 'JURISDICTION' });

/** Whether a region (by code) lies inside the jurisdiction. */
export function regionWithin(scope: Scope, code: string): boolean {
  if (scope.role === Role.ADMIN || scope.role === Role.INTEGRATION) return true;
  return scope.regionPrefix != null && code.startsWith(scope.regionPrefix);
}

/** Whether a community lies inside the jurisdiction. */
export function communityWithin(scope: Scope, c: { id: number; county_id: number; township_id: number }): boolean {
  switch (scope.role) {
    case Role.ADMIN:
    case Role.INTEGRATION:
      return true;
    case Role.COMMUNITY_USER:
      return c.id === scope.communityId;
    case Role.TOWNSHIP_USER:
      return c.township_id === scope.townshipId;
    case null:
      return false;
    default:
      return scope.countyIds.includes(c.county_id);
  }
}

/**
 * Checks the arguments of an operation that name a region, county, community, department
 * or user against the jurisdiction: FORBIDDEN when outside it.
 * Malformed IDs are left to the resolver (BAD_USER_INPUT there).
 */
export async function checkWithin(rule: OperationRule, args: Record<string, unknown>, ctx: Context, scope: Scope): Promise<void> {
  if (!rule.within || scope.role === Role.ADMIN) return;
  const conn = ctx.em.getConnection();
  for (const [name, kind] of Object.entries(rule.within)) {
    const value = args[name];
    if (typeof value !== 'string' || value === '') continue;
    const byCode = name.endsWith('Code');
    const id = byCode ? null : safeId(value, kind);
    if (!byCode && id == null) continue;
    if (kind === 'region' || kind === 'county') {
      const [r] = await conn.execute(byCode ? `select code from region where code = ?` : `select code from region where id = ?`, [byCode ? value : id]);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- rows of a raw SQL statement
      if (r && !regionWithin(scope, r.code)) throw outside();
    } else if (kind === 'community') {
      // Through the request's loaders: the resolver's own look-up of the same community is then answered from them.
      const c = byCode ? await ctx.loaders.byUnique(Community, 'code').load(value) : await ctx.loaders.byId(Community).load(id!);
      if (c && !communityWithin(scope, { id: c.id, county_id: c.county.id, township_id: c.township.id })) throw outside();
    } else if (kind === 'department') {
      const [d] = await conn.execute(`select d.id, r.code from department d join region r on r.id = d.region_id where d.id = ?`, [id]);
      if (!d) continue;
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- rows of a raw SQL statement
      const ok = scope.role === Role.DEPARTMENT_USER ? d.id === scope.departmentId : regionWithin(scope, d.code);
      if (!ok) throw outside();
    } else if (kind === 'user') {
      if (id !== scope.userId) throw outside();
    }
  }
}

function safeId(value: string, kind: Within): number | null {
  const type = { region: 'Region', county: 'Region', community: 'Community', department: 'Department', user: 'User' }[kind];
  try {
    return fromGlobalId(value, type).id;
  } catch {
    return null;
  }
}
