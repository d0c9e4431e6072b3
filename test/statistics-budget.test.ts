/**
 * The burden budget (一进一出): the BUDGET_EXCEEDED rule on hand-made facts (a case that
 * passes and one that trips), then the whole path — a county's ceiling, approvals that
 * count against it, abolished ledgers and revoked items that credit it, and the finding
 * the rules engine gives an application that would go over.
 */
import type { ApplicationFacts, RuleContext } from '../src/admission/rules';
import { RULES } from '../src/admission/rules';
import { applicationHours, budgetRule } from '../src/admission/rules/budget.rule';
import { ApplicationKind, ApplicationStatus, LedgerFormat, LedgerFrequency, ScopeType } from '../src/admission/enums';
import { WorkCategory } from '../src/catalogue/entity/work-category';
import { startTestApi, type TestApi } from './support/api';
import { createTestCounty, TEST_PASSWORD, type TestCounty } from './support/county';
import { fromGlobalId, toGlobalId } from '../src/kernel/global-id';
import { chinaDate, chinaYear } from '../src/kernel/dates';
import { Region } from '../src/geography/region.entity';
import { Department } from '../src/organisation/department.entity';
import { User } from '../src/auth/user.entity';
import { AdmissionApplication } from '../src/admission/entity/application.entity';
import { ApprovalDocument } from '../src/admission/entity/approval-document.entity';
import { LedgerRequirement } from '../src/registry/ledgers/ledger.entity';
import { LedgerStatus } from '../src/registry/ledgers/ledger.enums';

const facts = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  id: null,
  title: '协助开展高龄津贴资格认证',
  description: '每季度协助核实高龄老人生存状况。',
  kind: ApplicationKind.TEMPORARY,
  category: WorkCategory.ELDERLY_CARE,
  listItemId: null,
  legalBasis: ['《中华人民共和国老年人权益保障法》'],
  fundingAmount: 60000,
  // 4 filings a year × 90 minutes = 6 hours per community; × 10 communities = 60 hours
  ledgers: [
    {
      name: '高龄津贴认证台账',
      frequency: LedgerFrequency.QUARTERLY,
      expectedPerYear: null,
      minutesPerFiling: 90,
      format: LedgerFormat.ELECTRONIC,
      dataElementCodes: [],
    },
  ],
  dataElementCodes: [],
  wantsTerminal: false,
  wantsApp: false,
  appName: null,
  integratedWithPlatform: false,
  certificates: [],
  evaluation: null,
  oneVoteVeto: false,
  requiresQualification: false,
  requiresEnforcementPower: false,
  departmentId: 7,
  communityIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  ...over,
});
const ctx = (budget: RuleContext['budget']): RuleContext => ({ listItems: [], dataElements: [], certificates: [], existingItems: [], budget });

describe('BUDGET_EXCEEDED (warning)', () => {
  it('is one of the engine’s rules', () => expect(RULES).toContain(budgetRule));
  it('estimates the hours from the ledgers when the full estimate is not given', () => {
    expect(applicationHours(facts())).toBe(60);
    expect(applicationHours(facts({ burdenHoursPerYear: 75 }))).toBe(75);
  });
  it('passes without a budget', () => expect(budgetRule.check(facts(), ctx(null))).toEqual([]));
  it('passes when the application fits: 30 used + 60 ≤ 100', () => expect(budgetRule.check(facts(), ctx({ ceilingHours: 100, usedHours: 30 }))).toEqual([]));
  it('passes exactly at the ceiling: 40 + 60 = 100', () => expect(budgetRule.check(facts(), ctx({ ceilingHours: 100, usedHours: 40 }))).toEqual([]));
  it('trips when the application would go over: 50 + 60 = 110 > 100', () => {
    const [f] = budgetRule.check(facts(), ctx({ ceilingHours: 100, usedHours: 50 }));
    expect(f.code).toBe('BUDGET_EXCEEDED');
    expect(f.severity).toBe('WARNING');
    expect(f.message).toContain('超出 10 小时');
    expect(f.messageEn).toContain('exceeds the ceiling by 10 hours');
    expect(f.evidence[0].kind).toBe('BurdenBudget');
  });
  it('uses the full estimate when given: 50 + 45 ≤ 100 passes, 50 + 75 trips', () => {
    expect(budgetRule.check(facts({ burdenHoursPerYear: 45 }), ctx({ ceilingHours: 100, usedHours: 50 }))).toEqual([]);
    expect(budgetRule.check(facts({ burdenHoursPerYear: 75 }), ctx({ ceilingHours: 100, usedHours: 50 }))).toHaveLength(1);
  });
  it('does not flag an application that adds nothing, even over budget', () => {
    expect(budgetRule.check(facts({ ledgers: [] }), ctx({ ceilingHours: 100, usedHours: 130 }))).toEqual([]);
  });
});

describe('a county budget with approvals, abolitions and revocations', () => {
  let t: TestApi;
  let county: TestCounty;
  let countyId: number;
  let admin: string;
  let civil: string;
  const year = chinaYear();
  const CREATE = `mutation($i: ApplicationInput!) { createApplication(input: $i) { id burden { hoursPerYear } findings { code severity message } } }`;
  const CHECK = `mutation($id: ID!) { checkApplication(id: $id) { findings { code } } }`;
  const BUDGET = `query { burdenBudget(countyCode: "511830") { year ceilingHours approvedHours creditedHours usedHours remainingHours budget { ceilingHours setByUsername county { code } } } }`;
  // Six communities × 12 filings × 60 minutes = 72 hours a year.
  const input = {
    title: '协助开展困难群众动态排查',
    description: '每月协助民政部门入户排查困难群众生活状况。',
    kind: 'TEMPORARY',
    category: 'SOCIAL_ASSISTANCE',
    legalBasis: ['《社会救助暂行办法》'],
    scopeType: 'COUNTY',
    periodStart: chinaDate(),
    fundingAmount: 36000,
    ledgers: [{ name: '困难群众动态排查台账', frequency: 'MONTHLY', minutesPerFiling: 60, format: 'ELECTRONIC', dataElementCodes: [] }],
  };

  beforeAll(async () => {
    t = await startTestApi();
    county = await createTestCounty(t.orm, '511830', '试点县');
    countyId = fromGlobalId(county.countyId).id;
    admin = await t.signIn('admin');
    civil = await t.signIn(county.users.civil, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  /** An item approved (decided) on `decided`, optionally revoked on `revoked`, of `hours` a year. */
  async function approvedItem(key: string, hours: number, decided: string, revoked?: string, withLedgers = false): Promise<AdmissionApplication> {
    const em = t.orm.em.fork();
    const app = Object.assign(new AdmissionApplication(), {
      number: `预算-${key}`,
      county: em.getReference(Region, countyId),
      department: em.getReference(Department, fromGlobalId(county.departments.housing).id),
      applicant: await em.findOneOrFail(User, { username: county.users.housing }),
      title: `预算测试 ${key}`,
      description: '测试',
      kind: ApplicationKind.TEMPORARY,
      category: WorkCategory.SOCIAL_ASSISTANCE,
      scopeType: ScopeType.COUNTY,
      communityIds: withLedgers ? county.communities.map((c) => fromGlobalId(c.id).id) : [],
      ledgers: withLedgers
        ? [
            {
              name: '月报',
              frequency: LedgerFrequency.MONTHLY,
              expectedPerYear: null,
              minutesPerFiling: 60,
              format: LedgerFormat.ELECTRONIC,
              dataElementCodes: [],
            },
          ]
        : [],
      periodStart: decided.slice(0, 10),
      burden: { communities: 6, ledgerHoursPerCommunity: hours / 6, otherHoursPerCommunity: 0, hoursPerCommunity: hours / 6, hoursPerYear: hours },
      status: revoked ? ApplicationStatus.REVOKED : ApplicationStatus.IN_EFFECT,
      decidedAt: new Date(`${decided}+08:00`),
      enteredAt: new Date(`${decided}+08:00`),
      revokedAt: revoked ? new Date(`${revoked}+08:00`) : null,
    });
    em.persist(app);
    em.create(ApprovalDocument, {
      number: `试社工准〔${decided.slice(0, 4)}〕${key}号`,
      application: app,
      county: em.getReference(Region, countyId),
      year: Number(decided.slice(0, 4)),
      serial: 800 + key.charCodeAt(0),
      issuedAt: new Date(`${decided}+08:00`),
      validFrom: decided.slice(0, 10),
      communityIds: [],
      provisional: false,
    });
    await em.flush();
    return app;
  }

  it('lets the county’s reviewer or an administrator set the ceiling, not a community worker', async () => {
    const worker = await t.signIn('community');
    const refused = await t.gql(`mutation { setBurdenBudget(countyCode: "511830", year: ${year}, ceilingHours: 100) { ceilingHours } }`, {}, { token: worker });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const reviewer = await t.signIn(county.users.reviewer, TEST_PASSWORD);
    const negative = await t.gql(
      `mutation { setBurdenBudget(countyCode: "511830", year: ${year}, ceilingHours: -5) { ceilingHours } }`,
      {},
      { token: reviewer },
    );
    expect(negative.body.errors[0].extensions.details[0].field).toBe('ceilingHours');
    const set = await t.gql(
      `mutation { setBurdenBudget(countyCode: "511830", year: ${year}, ceilingHours: 100, note: "年度新增上限") { year ceilingHours setByUsername } }`,
      {},
      { token: reviewer },
    );
    expect(set.body.data.setBurdenBudget).toEqual({ year, ceilingHours: 100, setByUsername: county.users.reviewer });
    const [audit] = await t.orm.em.fork().getConnection().execute(`select action, actor_username from audit_event where action = 'burdenBudget.set'`);
    expect(audit).toEqual({ action: 'burdenBudget.set', actor_username: county.users.reviewer });
  });

  it('passes an application that fits: nothing used, 72 ≤ 100', async () => {
    const r = await t.gql(CREATE, { i: input }, { token: civil });
    expect(r.body.data.createApplication.burden.hoursPerYear).toBe(72);
    expect(r.body.data.createApplication.findings.map((f: any) => f.code)).not.toContain('BUDGET_EXCEEDED');
  });

  it('counts the full estimate, not only the ledgers: (12 h of ledgers + 5 h of meetings) × 6 communities = 102 > 100', async () => {
    const r = await t.gql(CREATE, { i: { ...input, meetingHoursPerYear: 5 } }, { token: civil });
    expect(r.body.data.createApplication.burden.hoursPerYear).toBe(102);
    const finding = r.body.data.createApplication.findings.find((f: any) => f.code === 'BUDGET_EXCEEDED');
    expect(finding?.message).toContain('本事项测算负担 102 小时/年');
    expect(finding.message).toContain('超出 2 小时');
  });

  it('warns when this year’s approvals leave too little room: 50 used + 72 > 100', async () => {
    await approvedItem('A', 50, `${year}-01-15T10:00:00`);
    const r = await t.gql(CREATE, { i: input }, { token: civil });
    const finding = r.body.data.createApplication.findings.find((f: any) => f.code === 'BUDGET_EXCEEDED');
    expect(finding.severity).toBe('WARNING');
    expect(finding.message).toContain('已用 50 小时');
    expect(finding.message).toContain('超出 22 小时');
    const status = (await t.gql(BUDGET, {}, { token: admin })).body.data.burdenBudget;
    expect(status).toEqual({
      year,
      ceilingHours: 100,
      approvedHours: 50,
      creditedHours: 0,
      usedHours: 50,
      remainingHours: 50,
      budget: { ceilingHours: 100, setByUsername: county.users.reviewer, county: { code: '511830' } },
    });
  });

  it('credits abolished ledgers and revoked items, once each (one in, one out)', async () => {
    const em = t.orm.em.fork();
    // approved last year, revoked this year: credits its 30 hours
    const revoked = await approvedItem('B', 30, `${year - 1}-06-01T10:00:00`, `${year}-02-01T10:00:00`);
    const ledger = (name: string, application: AdmissionApplication | null) =>
      em.create(LedgerRequirement, {
        county: em.getReference(Region, countyId),
        department: em.getReference(Department, fromGlobalId(county.departments.housing).id),
        name,
        frequency: LedgerFrequency.MONTHLY,
        format: LedgerFormat.PAPER,
        minutesPerFiling: 30,
        application: application ? em.getReference(AdmissionApplication, application.id) : null,
        status: LedgerStatus.ABOLISHED,
        statusChangedOn: `${year}-03-01`,
        dataElementCodes: [],
        legalBasis: [],
      });
    // county-wide, 12 × 30 min = 6 h × 6 communities = 36 hours credited
    ledger('危房巡查月报（纸质）', null);
    // belongs to the revoked item, already credited whole: not again
    ledger('已撤销事项的台账', revoked);
    await em.flush();
    const status = (await t.gql(BUDGET, {}, { token: admin })).body.data.burdenBudget;
    // used = 50 approved − (36 ledger + 30 revoked) = −16; remaining 116
    expect(status).toMatchObject({ approvedHours: 50, creditedHours: 66, usedHours: -16, remainingHours: 116 });
    const r = await t.gql(CREATE, { i: input }, { token: civil });
    expect(r.body.data.createApplication.findings.map((f: any) => f.code)).not.toContain('BUDGET_EXCEEDED');
  });

  it('does not count an application against itself when it is checked again after approval', async () => {
    // C: 6 communities × 12 × 60 min = 72 hours, approved this year
    const app = await approvedItem('C', 72, `${year}-04-01T10:00:00`, undefined, true);
    const status = (await t.gql(BUDGET, {}, { token: admin })).body.data.burdenBudget;
    // used = 50 + 72 − 66 = 56
    expect(status).toMatchObject({ approvedHours: 122, usedHours: 56, remainingHours: 44 });
    // re-checked, C sees the others' use only: −16 + 72 = 56 ≤ 100 (counting itself it would be 128)
    const r = await t.gql(CHECK, { id: toGlobalId('AdmissionApplication', app.id) }, { token: admin });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.checkApplication.findings.map((f: any) => f.code)).not.toContain('BUDGET_EXCEEDED');
    // a new one: 56 + 72 = 128 > 100
    const over = await t.gql(CREATE, { i: input }, { token: civil });
    expect(over.body.data.createApplication.findings.map((f: any) => f.code)).toContain('BUDGET_EXCEEDED');
  });
});
