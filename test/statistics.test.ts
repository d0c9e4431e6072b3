/**
 * Burden statistics on small hand-checked data: a test county (示范县, 511829: townships
 * T0 = {c0, c2, c4}, T1 = {c1, c3, c5}; departments civil, housing, emergency) gets a
 * handful of applications, ledgers, filings, terminals, plaques, certificates,
 * refusals and data requirements with dates in January–June 2026. The summary is
 * refreshed by the real service (and once by the job), and every indicator is checked
 * against numbers worked out by hand in the comments below.
 */
import type { Job } from 'bullmq';
import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from './support/api';
import { createTestCounty, type TestCounty } from './support/county';
import { fromGlobalId } from '../src/kernel/global-id';
import { Region } from '../src/geography/region.entity';
import { Community } from '../src/geography/community.entity';
import { Department } from '../src/organisation/department.entity';
import { User } from '../src/auth/user.entity';
import { AdmissionApplication } from '../src/admission/entity/application.entity';
import { ApprovalDocument } from '../src/admission/entity/approval-document.entity';
import { ApplicationKind, ApplicationStatus, LedgerFormat, LedgerFrequency, ScopeType } from '../src/admission/enums';
import { WorkCategory } from '../src/catalogue/entity/work-category';
import { LedgerFiling, LedgerRequirement } from '../src/registry/ledgers/ledger.entity';
import { FilingMethod, LedgerStatus } from '../src/registry/ledgers/ledger.enums';
import { IssuanceOutcome, CertificateRefusalReason, RequesterKind } from '../src/registry/certificates/certificate.enums';
import { PlaqueAuthority, PlaqueStatus } from '../src/registry/plaques/plaque.enums';
import { RefusalKind, RefusalReason } from '../src/registry/refusals/refusal.enums';
import { Plaque } from '../src/registry/plaques/plaque.entity';
import { CertificateIssuance } from '../src/registry/certificates/certificate-issuance.entity';
import { Refusal } from '../src/registry/refusals/refusal.entity';
import { FundingAllocation } from '../src/registry/funding/funding-allocation.entity';
import { BusinessApp } from '../src/platform/entity/business-app.entity';
import { Terminal, TerminalStatus } from '../src/platform/entity/terminal.entity';
import { DataRequirement, CollectionFrequency, DataRequirementSource } from '../src/platform/entity/data-requirement.entity';
import { DataElement } from '../src/platform/entity/data-element.entity';
import { refreshStatistics } from '../src/statistics/service/refresh';
import { refreshStatisticsJob } from '../src/statistics/service/jobs';

const at = (s: string) => new Date(`${s}+08:00`);
const round1 = (n: number) => Math.round(n * 10) / 10;

let t: TestApi;
let county: TestCounty;
let countyId: number;
let c: number[]; // community ids c0..c5
let townships: number[]; // T0, T1
let dept: Record<'civil' | 'housing' | 'emergency', number>;
let admin: string;

/** The six months of the test, January to June 2026. */
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

async function seedTestData(): Promise<void> {
  const em = t.orm.em.fork();
  const countyRef = em.getReference(Region, countyId);
  const applicant = await em.findOneOrFail(User, { username: county.users.civil });
  let serial = 0;
  const app = (o: {
    key: string;
    department: number;
    kind: ApplicationKind;
    communities: number[];
    hoursPerCommunity: number;
    funding?: number;
    status: ApplicationStatus;
    decidedAt?: string;
    enteredAt?: string;
    completedAt?: string;
    revokedAt?: string;
    emergency?: boolean;
    approvedInTime?: boolean | null;
    document?: 'final' | 'provisional';
  }) => {
    const a = Object.assign(new AdmissionApplication(), {
      number: `统测-${o.key}`,
      county: countyRef,
      department: em.getReference(Department, o.department),
      applicant,
      title: `测试事项 ${o.key}`,
      description: '统计测试',
      kind: o.kind,
      category: WorkCategory.SOCIAL_ASSISTANCE,
      legalBasis: ['《测试依据》'],
      scopeType: ScopeType.COMMUNITIES,
      scopeCommunityIds: o.communities,
      communityIds: o.communities,
      periodStart: '2026-01-01',
      fundingAmount: (o.funding ?? 0).toFixed(2),
      ledgers: [],
      burden: {
        communities: o.communities.length,
        ledgerHoursPerCommunity: o.hoursPerCommunity,
        otherHoursPerCommunity: 0,
        hoursPerCommunity: o.hoursPerCommunity,
        hoursPerYear: o.hoursPerCommunity * o.communities.length,
      },
      status: o.status,
      emergency: !!o.emergency,
      emergencyReason: o.emergency ? '测试' : null,
      decidedAt: o.decidedAt ? at(o.decidedAt) : null,
      enteredAt: o.enteredAt ? at(o.enteredAt) : null,
      completedAt: o.completedAt ? at(o.completedAt) : null,
      revokedAt: o.revokedAt ? at(o.revokedAt) : null,
      approvedInTime: o.approvedInTime ?? null,
    });
    em.persist(a);
    if (o.document) {
      serial++;
      em.create(ApprovalDocument, {
        number: `示测准〔2026〕${serial}号`,
        application: a,
        county: countyRef,
        year: 2026,
        serial: 900 + serial,
        issuedAt: at(o.enteredAt ?? o.decidedAt!),
        validFrom: (o.enteredAt ?? o.decidedAt!).slice(0, 10),
        communityIds: o.communities,
        provisional: o.document === 'provisional',
        revokedAt: o.revokedAt ? at(o.revokedAt) : null,
      });
    }
    return a;
  };
  // A1 civil, assistance, c0 c1 c2, no funding, 10 h/community: approved 02-05, entered 02-10, still in effect.
  const a1 = app({
    key: 'A1',
    department: dept.civil,
    kind: ApplicationKind.TEMPORARY,
    communities: [c[0], c[1], c[2]],
    hoursPerCommunity: 10,
    status: ApplicationStatus.IN_EFFECT,
    decidedAt: '2026-02-05T10:00:00',
    enteredAt: '2026-02-10T10:00:00',
    document: 'final',
  });
  // A2 housing, purchase of service (not assistance), c0, 5 h: approved 01-10, entered 01-15, completed 04-03.
  app({
    key: 'A2',
    department: dept.housing,
    kind: ApplicationKind.PURCHASE_OF_SERVICE,
    communities: [c[0]],
    hoursPerCommunity: 5,
    funding: 5000,
    status: ApplicationStatus.COMPLETED,
    decidedAt: '2026-01-10T10:00:00',
    enteredAt: '2026-01-15T10:00:00',
    completedAt: '2026-04-03T10:00:00',
    document: 'final',
  });
  // A3 emergency dept, emergency assistance, c3 c4 c5, funding 3000 (paid to c3 on 04-10), 2 h: entered 03-01, approved in time 03-04.
  const a3 = app({
    key: 'A3',
    department: dept.emergency,
    kind: ApplicationKind.TEMPORARY,
    communities: [c[3], c[4], c[5]],
    hoursPerCommunity: 2,
    funding: 3000,
    status: ApplicationStatus.IN_EFFECT,
    emergency: true,
    approvedInTime: true,
    enteredAt: '2026-03-01T10:00:00',
    decidedAt: '2026-03-04T10:00:00',
    document: 'final',
  });
  // A4 civil, emergency, c5, 4 h: entered 05-02, rejected (and revoked) 05-20.
  app({
    key: 'A4',
    department: dept.civil,
    kind: ApplicationKind.TEMPORARY,
    communities: [c[5]],
    hoursPerCommunity: 4,
    status: ApplicationStatus.REVOKED,
    emergency: true,
    approvedInTime: false,
    enteredAt: '2026-05-02T10:00:00',
    decidedAt: '2026-05-20T10:00:00',
    revokedAt: '2026-05-20T10:00:00',
    document: 'provisional',
  });
  // A5 housing, c0 c1, 8 h: rejected 06-01.
  app({
    key: 'A5',
    department: dept.housing,
    kind: ApplicationKind.LISTED_ASSISTANCE,
    communities: [c[0], c[1]],
    hoursPerCommunity: 8,
    status: ApplicationStatus.REJECTED,
    decidedAt: '2026-06-01T10:00:00',
  });
  await em.flush();
  em.create(FundingAllocation, {
    application: a3,
    community: em.getReference(Community, c[3]),
    county: countyRef,
    amount: '1000.00',
    allocatedOn: '2026-04-10',
  });

  // Ledgers. L1 civil, from A1 (c0 c1 c2), monthly 30 min = 6 h a year per community; kept.
  const ledger = (o: {
    name: string;
    department: number;
    application?: AdmissionApplication;
    frequency: LedgerFrequency;
    minutes: number;
    createdAt: string;
    status?: LedgerStatus;
    changedOn?: string;
  }) =>
    em.create(LedgerRequirement, {
      county: countyRef,
      department: em.getReference(Department, o.department),
      name: o.name,
      frequency: o.frequency,
      format: LedgerFormat.ELECTRONIC,
      minutesPerFiling: o.minutes,
      application: o.application ?? null,
      status: o.status ?? LedgerStatus.KEPT,
      statusChangedOn: o.changedOn ?? null,
      dataElementCodes: [],
      legalBasis: [],
      createdAt: at(o.createdAt),
    });
  const l1 = ledger({
    name: 'L1 困难群众排查台账',
    department: dept.civil,
    application: a1,
    frequency: LedgerFrequency.MONTHLY,
    minutes: 30,
    createdAt: '2026-01-05T09:00:00',
  });
  // L2 housing, county-wide (6 communities), weekly 10 min = 52×10/60 = 8.667 h per community; abolished 04-15.
  ledger({
    name: 'L2 危房巡查周报',
    department: dept.housing,
    frequency: LedgerFrequency.WEEKLY,
    minutes: 10,
    createdAt: '2025-12-20T09:00:00',
    status: LedgerStatus.ABOLISHED,
    changedOn: '2026-04-15',
  });
  // L3 civil, county-wide, quarterly 60 min = 4 h per community; merged 05-10.
  ledger({
    name: 'L3 低保季报',
    department: dept.civil,
    frequency: LedgerFrequency.QUARTERLY,
    minutes: 60,
    createdAt: '2026-01-01T09:00:00',
    status: LedgerStatus.MERGED,
    changedOn: '2026-05-10',
  });
  await em.flush();
  // Filings of L1 by c0: two typed in February, one generated (一表通) in March (30 min saved).
  const filing = (period: string, method: FilingMethod, filedAt: string) =>
    em.create(LedgerFiling, { requirement: l1, community: em.getReference(Community, c[0]), county: countyRef, period, method, filedAt: at(filedAt) });
  filing('2026-01', FilingMethod.MANUAL, '2026-02-03T09:00:00');
  filing('2026-02', FilingMethod.MANUAL, '2026-02-20T09:00:00');
  filing('2026-03', FilingMethod.GENERATED, '2026-03-05T09:00:00');

  // Apps and terminals: B1 civil and B2 housing must be operated by communities, B3 (emergency) not.
  const bApp = (key: string, department: number, usedByCommunities: boolean) =>
    em.create(BusinessApp, {
      externalId: `stat-${key}`,
      name: key,
      department: em.getReference(Department, department),
      departmentName: key,
      integrated: false,
      usedByCommunities,
      platformUpdatedAt: at('2026-01-01T00:00:00'),
    });
  const b1 = bApp('B1', dept.civil, true);
  const b2 = bApp('B2', dept.housing, true);
  const b3 = bApp('B3', dept.emergency, false);
  const terminal = (key: string, community: number, status: TerminalStatus, createdAt: string, extra: Partial<Terminal> = {}) => {
    const term = em.create(Terminal, {
      externalId: `stat-${key}`,
      community: em.getReference(Community, community),
      model: key,
      status,
      platformStatus: status === TerminalStatus.CONSOLIDATED ? TerminalStatus.CONSOLIDATED : TerminalStatus.ACTIVE,
      platformUpdatedAt: at(createdAt),
      createdAt: at(createdAt),
      ...extra,
    });
    return term;
  };
  // T1 c0 in use since January (B1, B3); T2 c0 since January, consolidated 03-15 (B1); T3 c1 since February, planned 04-02 (B2).
  terminal('T1', c[0], TerminalStatus.ACTIVE, '2026-01-05T09:00:00').apps.set([b1, b3]);
  terminal('T2', c[0], TerminalStatus.CONSOLIDATED, '2026-01-05T09:00:00', { consolidatedAt: at('2026-03-15T09:00:00') }).apps.set([b1]);
  terminal('T3', c[1], TerminalStatus.PLANNED_FOR_CONSOLIDATION, '2026-02-01T09:00:00', { updatedAt: at('2026-04-02T09:00:00') }).apps.set([b2]);

  // Plaques: P1 c2 civil since 2025 (kept); P2 c3 housing since 01-10, ordered removed 03-01, removed 05-05.
  em.create(Plaque, {
    county: countyRef,
    community: em.getReference(Community, c[2]),
    department: em.getReference(Department, dept.civil),
    name: 'P1',
    authority: PlaqueAuthority.NONE,
    installedOn: '2025-06-01',
  });
  em.create(Plaque, {
    county: countyRef,
    community: em.getReference(Community, c[3]),
    department: em.getReference(Department, dept.housing),
    name: 'P2',
    authority: PlaqueAuthority.LOCAL,
    installedOn: '2026-01-10',
    status: PlaqueStatus.REMOVED,
    removalOrderedOn: '2026-03-01',
    removedOn: '2026-05-05',
  });

  // Certificates at c4 in February: one issued, one refused as abolished (asked for by housing), one refused for another reason.
  const cert = (outcome: IssuanceOutcome, reason: CertificateRefusalReason | null, handledAt: string, department: number | null) =>
    em.create(CertificateIssuance, {
      county: countyRef,
      community: em.getReference(Community, c[4]),
      certificateName: '测试证明',
      requesterKind: RequesterKind.RESIDENT,
      purpose: '测试',
      forEnterpriseBusiness: false,
      outcome,
      refusalReason: reason,
      handledAt: at(handledAt),
      requiringDepartment: department ? em.getReference(Department, department) : null,
    });
  cert(IssuanceOutcome.ISSUED, null, '2026-02-03T09:00:00', null);
  cert(IssuanceOutcome.REFUSED, CertificateRefusalReason.ABOLISHED, '2026-02-10T09:00:00', dept.housing);
  cert(IssuanceOutcome.REFUSED, CertificateRefusalReason.ENTERPRISE_OWN_BUSINESS, '2026-02-11T09:00:00', null);

  // c5 in March: a refusal of a civil task and an anonymous report.
  const refusal = (n: string, kind: RefusalKind, createdAt: string, department: number | null) =>
    em.create(Refusal, {
      number: `统测拒-${n}`,
      county: countyRef,
      community: em.getReference(Community, c[5]),
      kind,
      anonymous: kind === RefusalKind.REPORT,
      department: department ? em.getReference(Department, department) : null,
      taskTitle: '未经准入的任务',
      taskDescription: '测试',
      reasons: [RefusalReason.NO_ADMISSION],
      evidence: [],
      createdAt: at(createdAt),
    });
  refusal('1', RefusalKind.REFUSAL, '2026-03-03T09:00:00', dept.civil);
  refusal('2', RefusalKind.REPORT, '2026-03-04T09:00:00', null);

  // Collect once in April: civil's need in T0 and housing's in the county are served by one collection; emergency's is not.
  const element = await em.findOneOrFail(DataElement, { code: 'DE.RK.0001' });
  const need = (department: number, region: number, collectOnceAt: string | null) =>
    em.create(DataRequirement, {
      department: em.getReference(Department, department),
      dataElement: element,
      region: em.getReference(Region, region),
      period: '2026',
      frequency: CollectionFrequency.YEARLY,
      source: DataRequirementSource.LEDGER,
      sourceRef: `stat-${department}-${region}`,
      collectOnce: !!collectOnceAt,
      collectOnceAt: collectOnceAt ? at(collectOnceAt) : null,
    });
  need(dept.civil, townships[0], '2026-04-05T09:00:00');
  need(dept.housing, countyId, '2026-04-06T09:00:00');
  need(dept.emergency, countyId, null);
  await em.flush();
}

async function sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().getConnection().execute(query, params);
}
/** A measure of a region (or community, department) month by month, January to June. */
async function series(table: 'region' | 'community' | 'department', id: number, column: string): Promise<number[]> {
  const key = { region: 'region_id', community: 'community_id', department: 'department_id' }[table];
  const rows = await sql(
    `select to_char(month, 'YYYY-MM') as m, ${column}::float8 as v from stat_${table}_month where ${key} = ? and month between '2026-01-01' and '2026-06-01' order by month`,
    [id],
  );
  expect(rows.map((r) => r.m)).toEqual(MONTHS);
  return rows.map((r) => round1(Number(r.v)));
}

beforeAll(async () => {
  t = await startTestApi();
  county = await createTestCounty(t.orm);
  countyId = fromGlobalId(county.countyId).id;
  c = county.communities.map((x) => fromGlobalId(x.id).id);
  townships = county.townshipIds.map((x) => fromGlobalId(x).id);
  dept = {
    civil: fromGlobalId(county.departments.civil).id,
    housing: fromGlobalId(county.departments.housing).id,
    emergency: fromGlobalId(county.departments.emergency).id,
  };
  await seedTestData();
  const result = await refreshStatistics(t.orm.em.fork(), { fromMonth: '2026-01', toMonth: '2026-06' });
  expect(result).toMatchObject({ scope: 'FULL', from: '2026-01', to: '2026-06', unavailable: [] });
  admin = await t.signIn('admin');
});
afterAll(() => t?.close());

describe('admitted items (county, townships, communities, departments)', () => {
  it('counts items in effect at each month end: A2 from Jan, A1 from Feb, A3 from Mar; A2 leaves in Apr; A4 comes and goes in May', async () => {
    expect(await series('region', countyId, 'items_in_effect')).toEqual([1, 2, 3, 2, 2, 2]);
    // placements: Jan A2×1; Feb + A1×3 = 4; Mar + A3×3 = 7; Apr − A2 = 6
    expect(await series('region', countyId, 'item_placements')).toEqual([1, 4, 7, 6, 6, 6]);
  });
  it('counts distinct items touching a township, and placements as the sum of its communities', async () => {
    // T0 = c0 c2 c4: Jan A2; Feb A1 A2; Mar A1 A2 A3; Apr A1 A3
    expect(await series('region', townships[0], 'items_in_effect')).toEqual([1, 2, 3, 2, 2, 2]);
    // T0 placements in March: c0 (A1, A2) + c2 (A1) + c4 (A3) = 4
    expect((await series('region', townships[0], 'item_placements'))[2]).toBe(4);
    // T1 = c1 c3 c5: Feb A1 (c1); Mar A1 A3 (c3, c5); placements Mar = 1 + 2 = 3
    expect(await series('region', townships[1], 'items_in_effect')).toEqual([0, 1, 2, 2, 2, 2]);
    expect((await series('region', townships[1], 'item_placements'))[2]).toBe(3);
    expect(await series('community', c[0], 'items_in_effect')).toEqual([1, 2, 2, 1, 1, 1]);
  });
  it('counts assistance items (not purchases) and those without funding', async () => {
    // assistance: A1 from Feb, A3 from Mar (A2 is a purchase of service)
    expect(await series('region', countyId, 'assistance_items')).toEqual([0, 1, 2, 2, 2, 2]);
    // unfunded: A1 (no funding at all) from Feb; A3 in March only (paid to c3 on 04-10)
    expect(await series('region', countyId, 'unfunded_assistance_items')).toEqual([0, 1, 2, 1, 1, 1]);
  });
  it('counts emergency entries, those approved in time and those resolved, in the month they entered', async () => {
    expect(await series('region', countyId, 'emergency_entries')).toEqual([0, 0, 1, 0, 1, 0]);
    expect(await series('region', countyId, 'emergency_in_time')).toEqual([0, 0, 1, 0, 0, 0]);
    expect(await series('region', countyId, 'emergency_resolved')).toEqual([0, 0, 1, 0, 1, 0]);
  });
  it('counts approvals and rejections with the burden they carried (hours per community × communities)', async () => {
    expect(await series('region', countyId, 'applications_approved')).toEqual([1, 1, 1, 0, 0, 0]);
    expect(await series('region', countyId, 'approved_hours')).toEqual([5, 30, 6, 0, 0, 0]);
    expect(await series('region', countyId, 'applications_rejected')).toEqual([0, 0, 0, 0, 1, 1]);
    expect(await series('region', countyId, 'rejected_hours')).toEqual([0, 0, 0, 0, 4, 16]);
  });
  it('gives each department its own', async () => {
    expect(await series('department', dept.civil, 'items_in_effect')).toEqual([0, 1, 1, 1, 1, 1]);
    expect(await series('department', dept.civil, 'item_placements')).toEqual([0, 3, 3, 3, 3, 3]);
    expect(await series('department', dept.housing, 'approved_hours')).toEqual([5, 0, 0, 0, 0, 0]);
    expect(await series('department', dept.housing, 'rejected_hours')).toEqual([0, 0, 0, 0, 0, 16]);
  });
});

describe('ledgers and filings (Standard Cost Model)', () => {
  it('sums filings a year × minutes ÷ 60 over the communities each requirement applies to', async () => {
    // L1 6 h × 3 = 18, L2 8.667 h × 6 = 52, L3 4 h × 6 = 24: 94 until L2 is abolished (Apr: 42), L3 merged (May: 18)
    expect(await series('region', countyId, 'ledger_hours')).toEqual([94, 94, 94, 42, 18, 18]);
    expect(await series('region', countyId, 'ledgers_in_force')).toEqual([3, 3, 3, 2, 1, 1]);
    expect(await series('region', countyId, 'ledgers_abolished')).toEqual([0, 0, 0, 1, 0, 0]);
    expect(await series('region', countyId, 'ledgers_merged')).toEqual([0, 0, 0, 0, 1, 0]);
    // c0: 6 + 8.667 + 4 = 18.7; c3: 8.667 + 4 = 12.7; T0 = c0 + c2 (18.667 each) + c4 (12.667) = 50; T1 = 44
    expect((await series('community', c[0], 'ledger_hours'))[0]).toBe(18.7);
    expect((await series('community', c[3], 'ledger_hours'))[0]).toBe(12.7);
    expect((await series('region', townships[0], 'ledger_hours'))[0]).toBe(50);
    expect((await series('region', townships[1], 'ledger_hours'))[0]).toBe(44);
    expect(await series('region', townships[1], 'ledgers_in_force')).toEqual([3, 3, 3, 2, 1, 1]);
    // civil: L1 18 + L3 24 = 42, then 18 after the merge; housing: L2 52 until April
    expect(await series('department', dept.civil, 'ledger_hours')).toEqual([42, 42, 42, 42, 18, 18]);
    expect(await series('department', dept.housing, 'ledger_hours')).toEqual([52, 52, 52, 0, 0, 0]);
  });
  it('counts typed and generated filings and the hours 一表通 saved', async () => {
    expect(await series('community', c[0], 'filings_manual')).toEqual([0, 2, 0, 0, 0, 0]);
    expect(await series('region', countyId, 'filings_generated')).toEqual([0, 0, 1, 0, 0, 0]);
    expect(await series('region', countyId, 'one_form_hours_saved')).toEqual([0, 0, 0.5, 0, 0, 0]);
    expect(await series('department', dept.civil, 'filings_manual')).toEqual([0, 2, 0, 0, 0, 0]);
  });
});

describe('terminals, apps, plaques, certificates, refusals, collect once', () => {
  it('counts terminals in use, planned and consolidated, and apps communities must operate', async () => {
    expect(await series('region', countyId, 'terminals_in_use')).toEqual([2, 3, 2, 2, 2, 2]);
    expect(await series('region', countyId, 'terminals_planned')).toEqual([0, 0, 0, 1, 1, 1]);
    expect(await series('region', countyId, 'terminals_consolidated')).toEqual([0, 0, 1, 0, 0, 0]);
    // c0 operates B1 from January, c1 operates B2 from February (B3 is not operated by communities)
    expect(await series('region', countyId, 'app_obligations')).toEqual([1, 2, 2, 2, 2, 2]);
    // civil's B1 runs on T1 and T2 (T2 consolidated in March); emergency's B3 on T1; housing's B2 on T3
    expect(await series('department', dept.civil, 'terminals_in_use')).toEqual([2, 2, 1, 1, 1, 1]);
    expect(await series('department', dept.emergency, 'terminals_in_use')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await series('department', dept.housing, 'terminals_planned')).toEqual([0, 0, 0, 1, 1, 1]);
  });
  it('counts plaques on the wall, ordered removed, and removed', async () => {
    expect(await series('region', countyId, 'plaques_kept')).toEqual([2, 2, 2, 2, 1, 1]);
    expect(await series('region', countyId, 'plaques_to_remove')).toEqual([0, 0, 1, 1, 0, 0]);
    expect(await series('region', countyId, 'plaques_removed')).toEqual([0, 0, 0, 0, 1, 0]);
    expect(await series('department', dept.housing, 'plaques_kept')).toEqual([1, 1, 1, 1, 0, 0]);
  });
  it('counts certificates issued and refused as abolished (not other refusals)', async () => {
    expect(await series('community', c[4], 'certificates_issued')).toEqual([0, 1, 0, 0, 0, 0]);
    expect(await series('community', c[4], 'certificates_refused_abolished')).toEqual([0, 1, 0, 0, 0, 0]);
    expect(await series('department', dept.housing, 'certificates_refused_abolished')).toEqual([0, 1, 0, 0, 0, 0]);
  });
  it('counts refusals and reports', async () => {
    expect(await series('region', countyId, 'refusals')).toEqual([0, 0, 1, 0, 0, 0]);
    expect(await series('region', townships[1], 'reports')).toEqual([0, 0, 1, 0, 0, 0]);
    expect(await series('department', dept.civil, 'refusals')).toEqual([0, 0, 1, 0, 0, 0]);
  });
  it('counts duplicate collections avoided where the requirement is scoped', async () => {
    expect(await series('region', townships[0], 'collections_avoided')).toEqual([0, 0, 0, 1, 0, 0]);
    expect(await series('region', townships[1], 'collections_avoided')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await series('region', countyId, 'collections_avoided')).toEqual([0, 0, 0, 2, 0, 0]);
    expect(await series('department', dept.civil, 'collections_avoided')).toEqual([0, 0, 0, 1, 0, 0]);
  });
  it('keeps every city and province row the sum of its counties', async () => {
    const mismatches = await sql(`
      with k as (select s.*, r.parent_id as city_id from stat_region_month s join region r on r.id = s.region_id where s.level = 'COUNTY')
      select c.month, c.region_id from stat_region_month c
        join (select month, city_id, sum(ledger_hours) lh, sum(items_in_effect) ie, sum(terminals_in_use) tu, sum(refusals) rf from k group by month, city_id) x
          on x.city_id = c.region_id and x.month = c.month
       where abs(c.ledger_hours - x.lh) > 0.001 or c.items_in_effect <> x.ie or c.terminals_in_use <> x.tu or c.refusals <> x.rf`);
    expect(mismatches).toEqual([]);
    const [{ n }] = await sql(`select count(*)::int as n from stat_region_month where level in ('CITY', 'PROVINCE')`);
    expect(n).toBe(12); // 雅安市 and 四川省, six months each
  });
});

const STATS = `query($r: String!, $g: StatisticsGroupBy!, $f: Month!, $t: Month!, $i: [BurdenIndicator!], $m: Boolean) {
  burdenStatistics(regionCode: $r, groupBy: $g, from: $f, to: $t, indicators: $i, monthly: $m) {
    from to baselineMonth groupBy
    total { key label baselineMonth values { indicator value baseline change changePercent } }
    rows { key label month region { code } department { name } community { code } values { indicator value baseline change changePercent } }
  } }`;
const value = (values: any[], indicator: string) => values.find((v) => v.indicator === indicator);

describe('the GraphQL queries', () => {
  it('answers by township for a period, against the baseline month an administrator set', async () => {
    const set = await t.gql(
      `mutation { setBaseline(regionCode: "511829", month: "2026-01", note: "清理前") { month region { code } setByUsername } }`,
      {},
      { token: admin },
    );
    expect(set.body.data.setBaseline).toEqual({ month: '2026-01', region: { code: '511829' }, setByUsername: 'admin' });
    const r = await t.gql(
      STATS,
      {
        r: '511829',
        g: 'TOWNSHIP',
        f: '2026-01',
        t: '2026-06',
        i: ['LEDGER_HOURS', 'ITEMS_IN_EFFECT', 'APPROVED_HOURS', 'FUNDING_COMPLIANCE_PERCENT', 'EMERGENCY_IN_TIME_PERCENT', 'GENERATED_FILINGS_PERCENT'],
      },
      { token: admin },
    );
    expect(r.body.errors).toBeUndefined();
    const s = r.body.data.burdenStatistics;
    expect(s).toMatchObject({ from: '2026-01', to: '2026-06', baselineMonth: '2026-01', groupBy: 'TOWNSHIP' });
    // stock: June 18 h against January 94 h: −76 h, −80.9 %
    expect(value(s.total.values, 'LEDGER_HOURS')).toEqual({ indicator: 'LEDGER_HOURS', value: 18, baseline: 94, change: -76, changePercent: -80.9 });
    expect(value(s.total.values, 'ITEMS_IN_EFFECT')).toMatchObject({ value: 2, baseline: 1, changePercent: 100 });
    // flow: 5 + 30 + 6 = 41 h approved over six months; the baseline pace (January, 5 h) over six months is 30
    expect(value(s.total.values, 'APPROVED_HOURS')).toMatchObject({ value: 41, baseline: 30, change: 11, changePercent: 36.7 });
    // ratios: June 1 of 2 assistance items funded = 50 %; January had none (no baseline ratio)
    expect(value(s.total.values, 'FUNDING_COMPLIANCE_PERCENT')).toMatchObject({ value: 50, baseline: null, changePercent: null });
    // one of the two resolved emergency entries was approved in time; one of three filings generated
    expect(value(s.total.values, 'EMERGENCY_IN_TIME_PERCENT').value).toBe(50);
    expect(value(s.total.values, 'GENERATED_FILINGS_PERCENT').value).toBe(33.3);
    expect(s.rows.map((x: any) => [x.key, x.region.code, value(x.values, 'ITEMS_IN_EFFECT').value, value(x.values, 'LEDGER_HOURS').value])).toEqual([
      ['511829100000', '511829100000', 2, 12], // June: A1 (c0, c2), A3 (c4); L1 6 h × c0, c2
      ['511829101000', '511829101000', 2, 6], // June: A1 (c1), A3 (c3, c5); L1 × c1
    ]);
    // townships inherit the county's baseline month
    expect(value(s.rows[0].values, 'LEDGER_HOURS')).toMatchObject({ baseline: 50, change: -38 });
  });

  it('answers by month (trend), by community, by department, and per group and month', async () => {
    const trend = await t.gql(
      `query { burdenTrend(regionCode: "511829", from: "2026-01", to: "2026-06", indicators: [LEDGER_HOURS, REFUSALS]) { rows { month values { indicator value baseline changePercent } } } }`,
      {},
      { token: admin },
    );
    const rows = trend.body.data.burdenTrend.rows;
    expect(rows.map((x: any) => x.month)).toEqual(MONTHS);
    expect(rows.map((x: any) => value(x.values, 'LEDGER_HOURS').value)).toEqual([94, 94, 94, 42, 18, 18]);
    expect(rows.map((x: any) => value(x.values, 'REFUSALS').value)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(value(rows[4].values, 'LEDGER_HOURS').changePercent).toBe(-80.9);

    const byCommunity = await t.gql(
      STATS,
      { r: '511829100000', g: 'COMMUNITY', f: '2026-03', t: '2026-03', i: ['ITEMS_IN_EFFECT', 'TERMINALS_IN_USE'] },
      { token: admin },
    );
    expect(byCommunity.body.data.burdenStatistics.rows.map((x: any) => [x.community.code, x.values.map((v: any) => v.value)])).toEqual([
      ['511829100200', [2, 1]], // c0: A1, A2; T1 (T2 consolidated in March)
      ['511829100202', [1, 0]], // c2: A1
      ['511829100204', [1, 0]], // c4: A3
    ]);

    const byDept = await t.gql(STATS, { r: '511829', g: 'DEPARTMENT', f: '2026-01', t: '2026-06', i: ['LEDGER_HOURS', 'REFUSALS'] }, { token: admin });
    const depts = byDept.body.data.burdenStatistics.rows.map((x: any) => [x.department.name, x.values.map((v: any) => v.value)]);
    expect(depts).toEqual(
      expect.arrayContaining([
        ['示范县民政局', [18, 1]],
        ['示范县住房和城乡建设局', [0, 0]],
        ['示范县应急管理局', [0, 0]],
      ]),
    );

    const monthly = await t.gql(STATS, { r: '511829', g: 'TOWNSHIP', f: '2026-03', t: '2026-04', i: ['TERMINALS_IN_USE'], m: true }, { token: admin });
    expect(monthly.body.data.burdenStatistics.rows.map((x: any) => [x.key, x.month, x.values[0].value])).toEqual([
      ['511829100000', '2026-03', 1],
      ['511829100000', '2026-04', 1],
      ['511829101000', '2026-03', 1],
      ['511829101000', '2026-04', 1],
    ]);
  });

  it('ranks departments by the hours they push down', async () => {
    const r = await t.gql(
      `query { departmentRanking(regionCode: "511829", from: "2026-01", to: "2026-03", first: 2) { indicator { indicator label unit } entries { rank department { name } departmentName value sharePercent } } }`,
      {},
      { token: admin },
    );
    // March: housing 52, civil 42 (18 + 24), emergency 0
    expect(r.body.data.departmentRanking.indicator).toEqual({ indicator: 'LEDGER_HOURS', label: '台账报表负担（标准成本法）', unit: '小时/年' });
    expect(r.body.data.departmentRanking.entries).toEqual([
      { rank: 1, department: { name: '示范县住房和城乡建设局' }, departmentName: '示范县住房和城乡建设局', value: 52, sharePercent: 55.3 },
      { rank: 2, department: { name: '示范县民政局' }, departmentName: '示范县民政局', value: 42, sharePercent: 44.7 },
    ]);
  });

  it('shows a community its own card, with its items, ledgers and terminals', async () => {
    const r = await t.gql(
      `query($c: String!) { communityBurdenCard(communityCode: $c, month: "2026-03") { month baselineMonth community { code }
          values { indicator value baseline }
          admittedItems { totalCount nodes { number } } ledgers { totalCount nodes { name } } terminals { totalCount nodes { externalId } } } }`,
      { c: county.communities[0].code },
      { token: admin },
    );
    const card = r.body.data.communityBurdenCard;
    expect(card).toMatchObject({ month: '2026-03', baselineMonth: '2026-01', community: { code: county.communities[0].code } });
    expect(value(card.values, 'ITEMS_IN_EFFECT')).toEqual({ indicator: 'ITEMS_IN_EFFECT', value: 2, baseline: 1 });
    expect(value(card.values, 'LEDGER_HOURS')).toMatchObject({ value: 18.7, baseline: 18.7 });
    expect(value(card.values, 'FILINGS_GENERATED').value).toBe(1);
    // live lists: A1 is in effect (A2 completed); L1 is kept and applies to c0; T1 is in use
    expect(card.admittedItems).toEqual({ totalCount: 1, nodes: [{ number: '统测-A1' }] });
    expect(card.ledgers).toEqual({ totalCount: 1, nodes: [{ name: 'L1 困难群众排查台账' }] });
    expect(card.terminals).toEqual({ totalCount: 1, nodes: [{ externalId: 'stat-T1' }] });
  });

  it('lets analysts read only their region, reviewers their county, community workers their own card', async () => {
    const analyst = await t.signIn('analyst'); // 青衣县
    const forbidden = await t.gql(STATS, { r: '511829', g: 'TOWNSHIP', f: '2026-01', t: '2026-06' }, { token: analyst });
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const own = await t.gql(STATS, { r: '511828', g: 'TOWNSHIP', f: '2026-01', t: '2026-06' }, { token: analyst });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.burdenStatistics.rows).toHaveLength(10);
    const reviewer = await t.signIn(county.users.reviewer, 'Test@2026');
    expect((await t.gql(STATS, { r: '511829', g: 'COUNTY', f: '2026-01', t: '2026-06' }, { token: reviewer })).body.errors).toBeUndefined();
    expect((await t.gql(STATS, { r: '511800', g: 'COUNTY', f: '2026-01', t: '2026-06' }, { token: reviewer })).body.errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const worker = await t.signIn('community');
    expect((await t.gql(STATS, { r: '511828', g: 'TOWNSHIP', f: '2026-01', t: '2026-06' }, { token: worker })).body.errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const [{ code }] = await sql(`select c.code from app_user u join community c on c.id = u.community_id where u.username = 'community'`);
    const ownCard = await t.gql(`query($c: String!) { communityBurdenCard(communityCode: $c) { month } }`, { c: code }, { token: worker });
    expect(ownCard.body.errors).toBeUndefined();
    const otherCard = await t.gql(
      `query($c: String!) { communityBurdenCard(communityCode: $c) { month } }`,
      { c: county.communities[0].code },
      { token: worker },
    );
    expect(otherCard.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(STATS, { r: '511828', g: 'TOWNSHIP', f: '2026-01', t: '2026-06' })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // an analyst may not set another region's baseline
    expect(
      (await t.gql(`mutation { setBaseline(regionCode: "511829", month: "2026-02") { month } }`, {}, { token: analyst })).body.errors[0].extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('rejects bad periods and groupings without touching anything', async () => {
    const bad = await t.gql(STATS, { r: '511829', g: 'TOWNSHIP', f: '2026-13', t: '2026-06' }, { token: admin });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const reversed = await t.gql(STATS, { r: '511829', g: 'TOWNSHIP', f: '2026-06', t: '2026-01' }, { token: admin });
    expect(reversed.body.errors[0].extensions.details[0].field).toBe('from');
    const upward = await t.gql(STATS, { r: '511829100000', g: 'COUNTY', f: '2026-01', t: '2026-06' }, { token: admin });
    expect(upward.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const badBaseline = await t.gql(`mutation { setBaseline(regionCode: "511829", month: "2026/01") { month } }`, {}, { token: admin });
    expect(badBaseline.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const [{ month }] = await sql(`select b.month from statistics_baseline b join region r on r.id = b.region_id where r.code = '511829'`);
    expect(month).toBe('2026-01');
  });
});

describe('exports', () => {
  it('downloads CSV with Chinese headers, the total first', async () => {
    const res = await fetch(`${t.url}/exports/burden-statistics.csv?region=511829&from=2026-01&to=2026-06&indicators=LEDGER_HOURS,REFUSALS&compare=1`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('负担统计_511829_TOWNSHIP_2026-01_2026-06.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      '区划代码,乡镇（街道）,台账报表负担（标准成本法）（小时/年）,台账报表负担（标准成本法）·基期值,台账报表负担（标准成本法）·较基期变化（%）,村（社区）拒绝执行（件）,村（社区）拒绝执行·基期值,村（社区）拒绝执行·较基期变化（%）',
    );
    expect(lines[1]).toBe('511829,合计：示范县,18,94,-80.9,1,0,');
    expect(lines[2]).toBe('511829100000,示东镇,12,50,-76,0,0,');
  });

  it('downloads XLSX with the same figures', async () => {
    const res = await fetch(`${t.url}/exports/burden-statistics.xlsx?region=511829&from=2026-01&to=2026-06&indicators=LEDGER_HOURS,ITEMS_IN_EFFECT`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('负担统计')!;
    expect(ws.getRow(1).values).toEqual([undefined, '区划代码', '乡镇（街道）', '台账报表负担（标准成本法）（小时/年）', '在施准入事项（项）']);
    expect(ws.getRow(2).values).toEqual([undefined, '511829', '合计：示范县', 18, 2]);
    expect(ws.rowCount).toBe(4);
    expect(wb.getWorksheet('说明')).toBeDefined();
  });

  it('refuses without a token or outside the jurisdiction', async () => {
    expect((await fetch(`${t.url}/exports/burden-statistics.csv?region=511829`)).status).toBe(401);
    const analyst = await t.signIn('analyst');
    const res = await fetch(`${t.url}/exports/burden-statistics.xlsx?region=511829`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).errors[0]).toMatchObject({
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
      extensions: { code: 'FORBIDDEN', reason: 'JURISDICTION', messageEn: expect.any(String) },
    });
  });
});

describe('the dashboard', () => {
  it('is served offline with a strict CSP and Chart.js from this server', async () => {
    const page = await fetch(`${t.url}/dashboard`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.every((s) => s.startsWith('/dashboard/assets/'))).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    const chart = await fetch(`${t.url}${scripts[0]}`);
    expect(chart.status).toBe(200);
    expect(await chart.text()).toContain('Chart');
    expect((await fetch(`${t.url}/dashboard/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});

describe('refreshStatistics (on demand)', () => {
  it('refreshes a region’s counties at once when there is no queue, and records who asked', async () => {
    const r = await t.gql(`mutation { refreshStatistics(regionCode: "511829") { queued jobId durationMs } }`, {}, { token: admin });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.refreshStatistics).toMatchObject({ queued: false, jobId: null });
    expect(r.body.data.refreshStatistics.durationMs).toBeGreaterThanOrEqual(0);
    const [{ scope }] = await sql(`select scope from stat_refresh order by id desc limit 1`);
    expect(scope).toBe(`COUNTIES:${countyId}`);
    const [audit] = await sql(`select action, actor_username from audit_event where action = 'statistics.refresh' order by id desc limit 1`);
    expect(audit).toEqual({ action: 'statistics.refresh', actor_username: 'admin' });
    const worker = await t.signIn('community');
    expect((await t.gql(`mutation { refreshStatistics { queued } }`, {}, { token: worker })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('the refresh job', () => {
  it('refreshes one county after a change, keeping the city its counties’ sum', async () => {
    const em = t.orm.em.fork();
    em.create(Refusal, {
      number: '统测拒-3',
      county: em.getReference(Region, countyId),
      community: em.getReference(Community, c[0]),
      kind: RefusalKind.REFUSAL,
      taskTitle: '又一项未经准入的任务',
      taskDescription: '测试',
      reasons: [RefusalReason.NO_FUNDING],
      evidence: [],
      createdAt: at('2026-06-10T09:00:00'),
    });
    await em.flush();
    const logs: unknown[] = [];
    const result: any = await refreshStatisticsJob.process({ data: { countyIds: [countyId] } } as Job, {
      orm: t.orm,
      logger: { info: (o: unknown) => logs.push(o), warn: () => undefined, error: () => undefined },
    });
    expect(result).toMatchObject({ scope: 'COUNTIES', countyIds: [countyId], from: '2026-01', to: '2026-06' });
    expect(logs).toHaveLength(1);
    expect(await series('region', countyId, 'refusals')).toEqual([0, 0, 1, 0, 0, 1]);
    expect(await series('region', townships[0], 'refusals')).toEqual([0, 0, 0, 0, 0, 1]);
    const [city] = await sql(
      `select s.refusals from stat_region_month s join region r on r.id = s.region_id where r.code = '511800' and s.month = '2026-06-01'`,
    );
    const [sum] = await sql(
      `select sum(s.refusals)::int as n from stat_region_month s join region r on r.id = s.region_id where r.parent_id = (select id from region where code = '511800') and s.month = '2026-06-01'`,
    );
    expect(city.refusals).toBe(sum.n);
  });
});
