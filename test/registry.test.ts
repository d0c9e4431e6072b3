/**
 * The burden registry over GraphQL on the seeded demo county 青衣县 (before clean-up):
 * what the seed makes visible, reads scoped to the actor, ledgers and plaques —
 * validated (BAD_USER_INPUT with field details, nothing written), permission-checked,
 * audited, batched. Certificates, contracts and funding: registry-services.test.ts.
 */
import { startRegistryFixture, type RegistryFixture } from './support/registry';
import { chinaDate, chinaYear } from '../src/kernel/dates';

let f: RegistryFixture;
let t: RegistryFixture['t'];
let tokens: Record<string, string>;
let countyId: string;
let dept: Record<string, string>;
const communityIds: Record<string, string> = {};
const ok: RegistryFixture['ok'] = (q, v, tk) => f.ok(q, v, tk);
const fails: RegistryFixture['fails'] = (q, v, tk) => f.fails(q, v, tk);
const count = (table: string) => f.count(table);
const trail = (id: string) => f.trail(id);
const community = (code: string) => f.community(code);

beforeAll(async () => {
  f = await startRegistryFixture();
  ({ t, tokens, countyId, dept } = f);
  communityIds.home = f.home;
});
afterAll(() => f.t.close());

it('resolves the demo county and its departments', () => {
  expect(countyId).toBeDefined();
  expect(dept['县民政局']).toBeDefined();
  expect(communityIds.home).toBeDefined();
});

describe('the seed: a before-clean-up county', () => {
  it('has dozens of ledgers, and the review proposes merges, electronic filing and abolitions', async () => {
    const all = await ok(`query($c: ID!) { ledgerRequirements(first: 1, filter: { countyId: $c }) { totalCount } }`, { c: countyId }, tokens.analyst);
    expect(all.ledgerRequirements.totalCount).toBeGreaterThanOrEqual(30);
    const review = (
      await ok(`query($c: ID!) { ledgerCleanupReview(countyId: $c) { kind message ledger { name } target { name } } }`, { c: countyId }, tokens.reviewer)
    ).ledgerCleanupReview;
    const has = (kind: string, name: string, target?: string) =>
      review.some((p: any) => p.kind === kind && p.ledger.name === name && (target === undefined || p.target?.name === target));
    expect(has('MERGE', '低保对象花名册', '困难群众动态排查台账')).toBe(true);
    expect(has('MERGE', '社区人口基本情况表', '人口抽样调查表')).toBe(true);
    expect(has('MERGE', '控辍保学劝返台账', '适龄儿童入学统计表')).toBe(true);
    expect(has('PAPER', '老年人健康管理随访登记表')).toBe(true);
    expect(has('PAPER', '低保对象花名册')).toBe(true);
    expect(has('ABOLISH', '网格员每日巡查打卡截图')).toBe(true);
    expect(has('ABOLISH', '困难群众动态排查台账')).toBe(false);
    expect(review.filter((p: any) => p.kind === 'ABOLISH').length).toBeGreaterThanOrEqual(10);
    const generated = (
      await ok(
        `query($c: ID!) { ledgerSummary(countyId: $c) { requirements oneFormKept generatedFilings hoursSaved hoursPerCommunityRegistered hoursPerCommunityNow } }`,
        { c: countyId },
        tokens.analyst,
      )
    ).ledgerSummary;
    expect(generated.oneFormKept).toBe(1);
    expect(generated.generatedFilings).toBeGreaterThanOrEqual(10);
    expect(generated.hoursSaved).toBeGreaterThan(0);
    expect(generated.hoursPerCommunityNow).toBeLessThan(generated.hoursPerCommunityRegistered);
  });

  it('has plaques without central or provincial basis proposed for removal, and keeps the legitimate ones', async () => {
    const review = (await ok(`query($c: ID!) { plaqueCleanupReview(countyId: $c) { plaque { name authority } message } }`, { c: countyId }, tokens.reviewer))
      .plaqueCleanupReview;
    expect(review.length).toBeGreaterThan(100);
    expect(review.some((p: any) => p.plaque.name.endsWith('食品安全示范点'))).toBe(true);
    expect(review.some((p: any) => p.plaque.name.endsWith('党群服务中心'))).toBe(false);
    expect(review.every((p: any) => p.plaque.authority !== 'CENTRAL' && p.plaque.authority !== 'PROVINCIAL')).toBe(true);
  });

  it('has abolished certificates still being asked for, refused and counted', async () => {
    const s = (
      await ok(
        `query($c: ID!) { certificateStatistics(countyId: $c) { requests issued refused refusedAbolished refusedEnterprise refusedNotOnList abolishedTypes abolishedStillRequested } }`,
        { c: countyId },
        tokens.analyst,
      )
    ).certificateStatistics;
    expect(s).toMatchObject({ abolishedTypes: 8 });
    expect(s.refusedAbolished).toBeGreaterThanOrEqual(20);
    expect(s.refusedEnterprise).toBeGreaterThanOrEqual(1);
    expect(s.refusedNotOnList).toBeGreaterThanOrEqual(1);
    expect(s.abolishedStillRequested).toBeGreaterThanOrEqual(4);
    expect(s.issued + s.refused).toBe(s.requests);
    const kinship = (
      await ok(
        `query($c: ID!) { certificateTypes(first: 20, filter: { countyId: $c, abolished: true }) { totalCount nodes { name abolishedOn abolishedBy refusedCount department { shortName } } } }`,
        { c: countyId },
        tokens.analyst,
      )
    ).certificateTypes;
    expect(kinship.totalCount).toBe(8);
    expect(kinship.nodes.find((n: any) => n.name === '亲属关系证明')).toMatchObject({ abolishedBy: '青府办发〔2023〕15号', refusedCount: 7 });
  });

  it('has unfunded assistance items and communities not yet paid', async () => {
    const unfunded = (
      await ok(`query { unfundedAssistanceItems(first: 10) { totalCount nodes { reason fundingAmount application { title } } } }`, {}, tokens.reviewer)
    ).unfundedAssistanceItems;
    const byTitle = Object.fromEntries(unfunded.nodes.map((n: any) => [n.application.title, n.reason]));
    expect(byTitle['协助开展65岁以上老年人健康管理随访']).toBe('NO_FUNDING_DECLARED');
    expect(byTitle['协助开展退役军人和其他优抚对象信息采集']).toBe('NOT_ALLOCATED');
    expect(byTitle['协助开展困难群众动态排查']).toBeUndefined();
    const Q = `query($after: String) { unpaidCommunities(first: 5, after: $after, filter: { applicationId: null }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { state community { name } application { title } } } } }`;
    const page1 = (await ok(Q, {}, tokens.reviewer)).unpaidCommunities;
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(Q, { after: page1.pageInfo.endCursor }, tokens.reviewer)).unpaidCommunities;
    expect(page2.totalCount).toBe(page1.totalCount);
    expect(page2.edges[0].cursor).not.toBe(page1.edges[4].cursor);
    const civil = (await ok(`query { unpaidCommunities(first: 100) { nodes { state application { title } } } }`, {}, tokens.dept_civil)).unpaidCommunities
      .nodes;
    expect(new Set(civil.map((n: any) => n.application.title))).toEqual(new Set(['协助开展困难群众动态排查']));
    expect(new Set(civil.map((n: any) => n.state))).toEqual(new Set(['NOT_ALLOCATED', 'AWAITING_CONFIRMATION']));
    expect((await fails(Q, { after: 'bogus' }, tokens.reviewer)).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('has supervision: a repeat offender with findings, an interview and a public criticism; an open escalation case', async () => {
    const offenders = (
      await ok(
        `query($c: ID!) { repeatOffenders(countyId: $c) { department { shortName } findings repeatFindings interviews criticisms } }`,
        { c: countyId },
        tokens.inspector,
      )
    ).repeatOffenders;
    expect(offenders[0]).toMatchObject({ department: { shortName: '县住房城乡建设局' }, findings: 2, repeatFindings: 1, interviews: 1, criticisms: 1 });
    const record = (
      await ok(
        `query($d: ID!) { departmentRecord(departmentId: $d) { summary { refusals findings repeatFindings interviews criticisms plaquesKept repeatOffender } criticisms(first: 5) { nodes { documentNumber followUpOverdue } } } }`,
        { d: dept['县住房城乡建设局'] },
        tokens.reviewer,
      )
    ).departmentRecord;
    expect(record.summary).toMatchObject({ refusals: 1, findings: 2, repeatFindings: 1, interviews: 1, criticisms: 1, repeatOffender: true });
    expect(record.criticisms.nodes[0]).toMatchObject({ documentNumber: `青社工通〔${chinaYear()}〕1号`, followUpOverdue: false });
    const escalated = (
      await ok(
        `query { supervisionFindings(first: 5, filter: { source: EMERGENCY_OVERDUE }) { nodes { status application { status emergency } department { shortName } } } }`,
        {},
        tokens.inspector,
      )
    ).supervisionFindings.nodes;
    expect(escalated).toEqual([{ status: 'OPEN', application: { status: 'EMERGENCY_IN_EFFECT', emergency: true }, department: { shortName: '县应急管理局' } }]);
    const overdue = (await ok(`query { supervisionFindings(first: 5, filter: { overdue: true }) { nodes { overdue category } } }`, {}, tokens.inspector))
      .supervisionFindings.nodes;
    expect(overdue.map((f: any) => f.category).sort()).toEqual(['ABOLISHED_CERTIFICATE', 'EMERGENCY_OVERDUE']);
    expect(overdue.every((f: any) => f.overdue)).toBe(true);
  });
});

describe('reads are scoped to the actor’s jurisdiction', () => {
  const REFUSALS = `query { refusals(first: 50) { totalCount nodes { community { id } anonymous reporter { username } } } }`;

  it('community workers see their own community’s refusals; the township its own; county staff the county', async () => {
    const own = (await ok(REFUSALS, {}, tokens.community)).refusals;
    expect(own.totalCount).toBe(3);
    expect(own.nodes.every((n: any) => n.community.id === communityIds.home)).toBe(true);
    expect((await ok(REFUSALS, {}, tokens.township)).refusals.totalCount).toBe(3);
    const county = (await ok(REFUSALS, {}, tokens.reviewer)).refusals;
    expect(county.totalCount).toBe(5);
    expect(county.nodes.filter((n: any) => n.anonymous).every((n: any) => n.reporter === null)).toBe(true);
    expect((await ok(REFUSALS, {}, tokens.dept_civil)).refusals.totalCount).toBe(0);
    const filtered = async (filter: string) =>
      (await ok(`query { refusals(first: 10, filter: ${filter}) { nodes { taskTitle } } }`, {}, tokens.reviewer)).refusals.nodes
        .map((n: any) => n.taskTitle)
        .sort();
    expect(await filtered('{ reason: NO_FUNDING }')).toEqual(['准备食品安全示范店创建迎检材料', '退役军人信息采集无工作经费']);
    expect(await filtered('{ hasFinding: true }')).toEqual(['协助开展辖区违法建筑拆除摸排', '退役军人信息采集无工作经费']);
    expect(await filtered('{ kind: REPORT, status: [RECEIVED] }')).toEqual(['招商引资任务分解到村']);
  });

  it('inspections are for county staff only; findings reach their department', async () => {
    expect((await fails(`query { inspections(first: 5) { totalCount } }`, {}, tokens.community)).extensions.code).toBe('FORBIDDEN');
    expect((await ok(`query { inspections(first: 5) { totalCount nodes { mode findings { id } } } }`, {}, tokens.inspector)).inspections.totalCount).toBe(2);
    expect((await ok(`query { supervisionFindings(first: 5) { totalCount } }`, {}, tokens.dept_civil)).supervisionFindings.totalCount).toBe(0);
    expect((await ok(`query { supervisionFindings(first: 5) { totalCount } }`, {}, tokens.community)).supervisionFindings.totalCount).toBe(0);
  });

  it('lists batch their nested fields: 50 plaques cost what 5 do', async () => {
    const Q = `query($n: Int!) { plaques(first: $n) { nodes { name community { name } department { shortName } county { name } hasCentralOrProvincialBasis } } }`;
    const cost: number[] = [];
    for (const n of [5, 50]) {
      t.resetQueries();
      await ok(Q, { n }, tokens.reviewer);
      cost.push(t.queries.length);
    }
    expect(cost[1]).toBe(cost[0]);
  });
});

describe('ledgers: validated, reviewed, merged, abolished, filed (一表通)', () => {
  const CREATE = `mutation($i: LedgerRequirementInput!) { createLedgerRequirement(input: $i) { id name status format department { shortName } hoursPerCommunityPerYear oneFormEligible } }`;
  let created: any;

  it('rejects bad input with field details and writes nothing', async () => {
    const before = await count('ledger_requirement');
    const err = await fails(
      CREATE,
      { i: { name: '某台账', frequency: 'AD_HOC', minutesPerFiling: 30, dataElementCodes: ['DE.NOPE.0001'] } },
      tokens.dept_civil,
    );
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.details.map((d: any) => d.field).sort()).toEqual(['dataElementCodes.0', 'expectedPerYear']);
    const invalid = await fails(CREATE, { i: { name: 'x', frequency: 'MONTHLY', minutesPerFiling: 0 } }, tokens.dept_civil);
    expect(invalid.extensions.details.map((d: any) => d.field).sort()).toEqual(['minutesPerFiling', 'name']);
    expect(await count('ledger_requirement')).toBe(before);
  });

  it('a department registers a paper ledger duplicating an electronic one: the review proposes merging and going electronic', async () => {
    created = (
      await ok(
        CREATE,
        {
          i: {
            name: '困难群众帮扶需求登记表',
            frequency: 'MONTHLY',
            minutesPerFiling: 30,
            format: 'PAPER',
            dataElementCodes: ['DE.JZ.0001'],
            legalBasis: ['《社会救助暂行办法》'],
          },
        },
        tokens.dept_civil,
      )
    ).createLedgerRequirement;
    expect(created).toMatchObject({
      status: 'KEPT',
      format: 'PAPER',
      department: { shortName: '县民政局' },
      hoursPerCommunityPerYear: 6,
      oneFormEligible: true,
    });
    const mine = (
      await ok(
        `query($c: ID!, $d: ID) { ledgerCleanupReview(countyId: $c, departmentId: $d) { kind ledger { id } target { name } } }`,
        { c: countyId, d: dept['县民政局'] },
        tokens.dept_civil,
      )
    ).ledgerCleanupReview;
    const proposals = mine.filter((p: any) => p.ledger.id === created.id);
    expect(proposals.map((p: any) => p.kind).sort()).toEqual(['MERGE', 'PAPER']);
    expect(proposals.find((p: any) => p.kind === 'MERGE').target.name).toBe('低保对象花名册');
    expect(await trail(created.id)).toEqual(['ledgerRequirement.create']);
  });

  it('the department corrects it while it is kept; the department cannot be changed', async () => {
    const UPDATE = `mutation($id: ID!, $i: LedgerRequirementInput!) { updateLedgerRequirement(id: $id, input: $i) { minutesPerFiling electronicChannel } }`;
    const input = {
      name: '困难群众帮扶需求登记表',
      frequency: 'MONTHLY',
      minutesPerFiling: 20,
      format: 'PAPER',
      electronicChannel: '四川省社会救助信息系统',
      dataElementCodes: ['DE.JZ.0001'],
      legalBasis: ['《社会救助暂行办法》'],
    };
    expect((await ok(UPDATE, { id: created.id, i: input }, tokens.dept_civil)).updateLedgerRequirement).toEqual({
      minutesPerFiling: 20,
      electronicChannel: '四川省社会救助信息系统',
    });
    expect(
      (await fails(UPDATE, { id: created.id, i: { ...input, departmentId: dept['县卫生健康局'] } }, tokens.dept_civil)).extensions.details.map(
        (d: any) => d.field,
      ),
    ).toEqual(['departmentId']);
    expect(
      (await fails(UPDATE, { id: created.id, i: { ...input, departmentId: dept['县卫生健康局'] } }, tokens.reviewer)).extensions.details.map(
        (d: any) => d.field,
      ),
    ).toEqual(['departmentId']);
  });

  it('another department’s ledger is not the department’s to change', async () => {
    const q = `query($d: ID!) { ledgerRequirements(first: 1, filter: { departmentId: $d }) { totalCount nodes { id } } }`;
    // Another department's ledgers are not in the department's view at all …
    expect((await ok(q, { d: dept['县卫生健康局'] }, tokens.dept_civil)).ledgerRequirements.totalCount).toBe(0);
    const health = (await ok(q, { d: dept['县卫生健康局'] }, tokens.reviewer)).ledgerRequirements.nodes[0];
    // … so acting on one finds nothing.
    const err = await fails(
      `mutation($id: ID!) { abolishLedgerRequirement(id: $id, input: { reason: "无依据" }) { id } }`,
      { id: health.id },
      tokens.dept_civil,
    );
    expect(err.extensions.code).toBe('NOT_FOUND');
  });

  it('merges it (宜并则并), then it leaves the review and cannot be filed', async () => {
    const target = (await ok(`query { ledgerRequirements(first: 1, filter: { search: "低保对象花名册" }) { nodes { id } } }`, {}, tokens.dept_civil))
      .ledgerRequirements.nodes[0];
    const merged = (
      await ok(
        `mutation($id: ID!, $i: MergeLedgerInput!) { mergeLedgerRequirement(id: $id, input: $i) { status statusReason statusChangedOn mergedInto { name } } }`,
        { id: created.id, i: { intoId: target.id, reason: '字段相同，并入低保对象花名册' } },
        tokens.dept_civil,
      )
    ).mergeLedgerRequirement;
    expect(merged).toMatchObject({ status: 'MERGED', mergedInto: { name: '低保对象花名册' }, statusChangedOn: chinaDate() });
    const again = await fails(
      `mutation($id: ID!, $i: MergeLedgerInput!) { mergeLedgerRequirement(id: $id, input: $i) { id } }`,
      { id: created.id, i: { intoId: target.id, reason: '再次合并' } },
      tokens.dept_civil,
    );
    expect(again.extensions.code).toBe('CONFLICT');
    const filing = await fails(
      `mutation($i: LedgerFilingInput!) { fileLedger(input: $i) { id } }`,
      { i: { requirementId: created.id, period: '2026-10' } },
      tokens.community,
    );
    expect(filing.extensions.details.map((d: any) => d.field)).toEqual(['requirementId']);
  });

  it('the reviewer abolishes a ledger with no basis and no admission', async () => {
    const grid = (
      await ok(
        `query { ledgerRequirements(first: 1, filter: { search: "网格员每日巡查打卡截图", hasLegalBasis: false }) { nodes { id } } }`,
        {},
        tokens.reviewer,
      )
    ).ledgerRequirements.nodes[0];
    const before = (await ok(`query($c: ID!) { ledgerSummary(countyId: $c) { abolished hoursPerCommunityNow } }`, { c: countyId }, tokens.reviewer))
      .ledgerSummary;
    const abolished = (
      await ok(
        `mutation($id: ID!) { abolishLedgerRequirement(id: $id, input: { reason: "既无法律法规依据，又未经准入" }) { status statusReason } }`,
        { id: grid.id },
        tokens.reviewer,
      )
    ).abolishLedgerRequirement;
    expect(abolished.status).toBe('ABOLISHED');
    const after = (await ok(`query($c: ID!) { ledgerSummary(countyId: $c) { abolished hoursPerCommunityNow } }`, { c: countyId }, tokens.reviewer))
      .ledgerSummary;
    expect(after.abolished).toBe(before.abolished + 1);
    expect(after.hoursPerCommunityNow).toBeCloseTo(before.hoursPerCommunityNow - (250 * 10) / 60, 0);
  });

  it('一表通 is refused where a field is not collected, and turned on where all are; filings are then generated and counted', async () => {
    const find = async (name: string) =>
      (
        await ok(
          `query($s: String!) { ledgerRequirements(first: 1, filter: { search: $s }) { nodes { id oneFormEligible generatedFilingCount filingCount } } }`,
          { s: name },
          tokens.dept_civil,
        )
      ).ledgerRequirements.nodes[0];
    const leftBehind = await find('农村留守老年人关爱台账');
    expect(leftBehind.oneFormEligible).toBe(false);
    const refused = await fails(`mutation($id: ID!) { setLedgerOneForm(id: $id, enabled: true) { id } }`, { id: leftBehind.id }, tokens.dept_civil);
    expect(refused.extensions.details[0]).toMatchObject({ field: 'enabled' });
    expect(refused.extensions.details[0].message).toContain('DE.JZ.0004');

    const poverty = await find('困难群众动态排查台账');
    expect(poverty.oneFormEligible).toBe(true);
    expect(
      (await ok(`mutation($id: ID!) { setLedgerOneForm(id: $id, enabled: true) { oneForm } }`, { id: poverty.id }, tokens.dept_civil)).setLedgerOneForm.oneForm,
    ).toBe(true);
    const FILE = `mutation($i: LedgerFilingInput!) { fileLedger(input: $i) { method period minutesSpent values { code value } community { id } } }`;
    const badPeriod = await fails(FILE, { i: { requirementId: poverty.id, period: '2026Q4' } }, tokens.community);
    expect(badPeriod.extensions.details).toEqual([expect.objectContaining({ field: 'period' })]);
    const filed = (await ok(FILE, { i: { requirementId: poverty.id, period: '2026-12', values: [{ code: 'DE.JZ.0001', value: '99' }] } }, tokens.community))
      .fileLedger;
    expect(filed).toMatchObject({ method: 'GENERATED', minutesSpent: 0, community: { id: communityIds.home } });
    expect(filed.values.map((v: any) => v.code).sort()).toEqual(['DE.JZ.0001', 'DE.JZ.0002']);
    expect((await fails(FILE, { i: { requirementId: poverty.id, period: '2026-12' } }, tokens.community)).extensions.code).toBe('CONFLICT');
    const after = await find('困难群众动态排查台账');
    expect(after.generatedFilingCount).toBe(poverty.generatedFilingCount + 1);
    expect(after.filingCount).toBe(poverty.filingCount + 1);
    expect((await fails(FILE, { i: { requirementId: poverty.id, period: '2027-01' } }, tokens.dept_civil)).extensions.code).toBe('FORBIDDEN');
    const FILINGS = `query($r: ID!) { ledgerFilings(first: 100, filter: { requirementId: $r }) { totalCount nodes { community { id } } } }`;
    expect((await ok(FILINGS, { r: poverty.id }, tokens.dept_civil)).ledgerFilings.totalCount).toBe(after.filingCount);
    const mine = (await ok(FILINGS, { r: poverty.id }, tokens.community)).ledgerFilings;
    expect(mine.nodes.every((n: any) => n.community.id === communityIds.home)).toBe(true);
    expect(mine.totalCount).toBeLessThan(after.filingCount);
  });
});

describe('plaques: 应撤尽撤', () => {
  let plaque: any;

  it('a community registers a plaque; one claiming a central basis must name the document', async () => {
    const CREATE = `mutation($i: PlaqueInput!) { createPlaque(input: $i) { id name status authority hasCentralOrProvincialBasis community { id } department { shortName } } }`;
    const err = await fails(
      CREATE,
      { i: { communityId: communityIds.home, departmentId: dept['县发展改革局'], name: '某中心', authority: 'CENTRAL' } },
      tokens.community,
    );
    expect(err.extensions.details.map((d: any) => d.field)).toEqual(['authorizingDocument']);
    plaque = (
      await ok(
        CREATE,
        { i: { communityId: communityIds.home, departmentId: dept['县发展改革局'], name: '滨江社区节能示范社区', authority: 'NONE' } },
        tokens.community,
      )
    ).createPlaque;
    expect(plaque).toMatchObject({ status: 'KEPT', hasCentralOrProvincialBasis: false, department: { shortName: '县发展改革局' } });
    const other = await community('511828002001');
    expect(
      (await fails(CREATE, { i: { communityId: other, departmentId: dept['县发展改革局'], name: '他村牌子', authority: 'NONE' } }, tokens.community)).extensions
        .code,
    ).toBe('FORBIDDEN');
  });

  it('the review proposes removing it; the reviewer orders it, cannot keep it without a basis; the community confirms it removed', async () => {
    const review = (
      await ok(
        `query($c: ID!, $d: ID) { plaqueCleanupReview(countyId: $c, departmentId: $d) { plaque { id } } }`,
        { c: countyId, d: dept['县发展改革局'] },
        tokens.reviewer,
      )
    ).plaqueCleanupReview;
    expect(review.map((p: any) => p.plaque.id)).toEqual([plaque.id]);
    expect(
      (await fails(`mutation($id: ID!) { orderPlaqueRemoval(id: $id, input: { reason: "无依据" }) { id } }`, { id: plaque.id }, tokens.community)).extensions
        .code,
    ).toBe('FORBIDDEN');
    const ordered = (
      await ok(
        `mutation($id: ID!) { orderPlaqueRemoval(id: $id, input: { reason: "无中央、省级依据，应撤尽撤" }) { status removalOrderedOn } }`,
        { id: plaque.id },
        tokens.reviewer,
      )
    ).orderPlaqueRemoval;
    expect(ordered).toEqual({ status: 'TO_REMOVE', removalOrderedOn: chinaDate() });
    const keep = await fails(`mutation($id: ID!) { keepPlaque(id: $id, input: { reason: "部门要求保留" }) { id } }`, { id: plaque.id }, tokens.reviewer);
    expect(keep.extensions.code).toBe('BAD_USER_INPUT');
    const removed = (
      await ok(`mutation($id: ID!) { confirmPlaqueRemoved(id: $id, input: { reason: "已摘除" }) { status removedOn } }`, { id: plaque.id }, tokens.community)
    ).confirmPlaqueRemoved;
    expect(removed).toEqual({ status: 'REMOVED', removedOn: chinaDate() });
    expect(await trail(plaque.id)).toEqual(['plaque.create', 'plaque.orderRemoval', 'plaque.remove']);
  });

  it('the reviewer orders every proposed plaque of a department removed at once', async () => {
    const vars = { c: countyId, d: dept['县市场监管局'] };
    const REVIEW = `query($c: ID!, $d: ID) { plaqueCleanupReview(countyId: $c, departmentId: $d) { plaque { id } } }`;
    const proposals = (await ok(REVIEW, vars, tokens.reviewer)).plaqueCleanupReview;
    expect(proposals.length).toBeGreaterThan(20);
    const ordered = (
      await ok(
        `mutation($c: ID!, $d: ID) { orderPlaqueRemovals(countyId: $c, departmentId: $d) { id status department { shortName } } }`,
        vars,
        tokens.reviewer,
      )
    ).orderPlaqueRemovals;
    expect(ordered).toHaveLength(proposals.length);
    expect(ordered.every((p: any) => p.status === 'TO_REMOVE' && p.department.shortName === '县市场监管局')).toBe(true);
    expect((await ok(REVIEW, vars, tokens.reviewer)).plaqueCleanupReview).toEqual([]);
    expect((await ok(REVIEW, { c: countyId }, tokens.reviewer)).plaqueCleanupReview.length).toBeGreaterThan(100);
    expect(await trail(ordered[0].id)).toEqual(['plaque.orderRemoval']);
  });
});
