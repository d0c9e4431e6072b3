/**
 * The burden registry over GraphQL on the seeded demo county 青衣县: certificates
 * (万能章 clean-up), purchase of services (guards, satisfaction by the terms) and funding
 * (费随事转) — validated, permission-checked, audited. Ledgers, plaques, reads:
 * registry.test.ts.
 */
import { startRegistryFixture, type RegistryFixture } from './support/registry';
import { chinaDate, chinaYear } from '../src/kernel/dates';

let f: RegistryFixture;
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
  ({ tokens, countyId, dept } = f);
  communityIds.home = f.home;
});
afterAll(() => f.t.close());

describe('certificates: abolished ones and enterprises’ own business are refused, and counted', () => {
  const REQUEST = `mutation($i: CertificateRequestInput!) { recordCertificateRequest(input: $i) { id outcome refusalReason message certificateName certificateType { name } community { id } } }`;

  it('refuses an abolished certificate, with the reason', async () => {
    const before = (await ok(`query($c: ID!) { certificateStatistics(countyId: $c) { refusedAbolished } }`, { c: countyId }, tokens.reviewer))
      .certificateStatistics.refusedAbolished;
    const r = (
      await ok(
        REQUEST,
        { i: { certificateName: '健在证明', requesterKind: 'RESIDENT', purpose: '领取养老金资格认证', requiringDepartmentId: dept['县人力资源社会保障局'] } },
        tokens.community,
      )
    ).recordCertificateRequest;
    expect(r).toMatchObject({ outcome: 'REFUSED', refusalReason: 'ABOLISHED', certificateType: { name: '健在证明' }, community: { id: communityIds.home } });
    expect(r.message).toContain('已取消');
    expect(
      (await ok(`query($c: ID!) { certificateStatistics(countyId: $c) { refusedAbolished } }`, { c: countyId }, tokens.reviewer)).certificateStatistics
        .refusedAbolished,
    ).toBe(before + 1);
    expect(await trail(r.id)).toEqual(['certificate.refuse']);
  });

  it('refuses an enterprise asking for its own business; issues a listed certificate to a resident', async () => {
    const enterprise = (
      await ok(
        REQUEST,
        { i: { certificateName: '居住证明', requesterKind: 'ENTERPRISE', purpose: '企业员工住所核查', forEnterpriseBusiness: true } },
        tokens.community,
      )
    ).recordCertificateRequest;
    expect(enterprise).toMatchObject({ outcome: 'REFUSED', refusalReason: 'ENTERPRISE_OWN_BUSINESS' });
    const resident = (await ok(REQUEST, { i: { certificateName: '居住证明', requesterKind: 'RESIDENT', purpose: '子女就近入学' } }, tokens.community))
      .recordCertificateRequest;
    expect(resident).toMatchObject({ outcome: 'ISSUED', refusalReason: null });
    expect(await trail(resident.id)).toEqual(['certificate.issue']);
  });

  it('needs exactly one of a listed certificate or a name; only community workers record requests', async () => {
    const err = await fails(REQUEST, { i: { requesterKind: 'RESIDENT', purpose: '用途' } }, tokens.community);
    expect(err.extensions.details.map((d: any) => d.field)).toEqual(['certificateTypeId']);
    expect((await fails(REQUEST, { i: { certificateName: '居住证明', requesterKind: 'RESIDENT', purpose: '用途' } }, tokens.dept_civil)).extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('the reviewer adds a certificate to the list and abolishes it; requests for it are refused from then on', async () => {
    const c = (
      await ok(
        `mutation($i: CertificateTypeInput!) { createCertificateType(input: $i) { id name abolished } }`,
        { i: { name: '独生子女证明', legalBasis: '《四川省人口与计划生育条例》', communityCanVerify: true } },
        tokens.reviewer,
      )
    ).createCertificateType;
    expect(
      (
        await fails(
          `mutation($i: CertificateTypeInput!) { createCertificateType(input: $i) { id } }`,
          { i: { name: '独生子女证明', legalBasis: '重复' } },
          tokens.reviewer,
        )
      ).extensions.code,
    ).toBe('CONFLICT');
    expect(
      (await ok(REQUEST, { i: { certificateTypeId: c.id, requesterKind: 'RESIDENT', purpose: '申领奖励扶助金' } }, tokens.community)).recordCertificateRequest
        .outcome,
    ).toBe('ISSUED');
    const abolished = (
      await ok(
        `mutation($id: ID!) { abolishCertificateType(id: $id, input: { abolishedOn: "${chinaDate()}", abolishedBy: "青府办发〔2026〕3号" }) { abolished abolishedBy } }`,
        { id: c.id },
        tokens.reviewer,
      )
    ).abolishCertificateType;
    expect(abolished).toEqual({ abolished: true, abolishedBy: '青府办发〔2026〕3号' });
    expect(
      (await ok(REQUEST, { i: { certificateTypeId: c.id, requesterKind: 'RESIDENT', purpose: '申领奖励扶助金' } }, tokens.community)).recordCertificateRequest
        .refusalReason,
    ).toBe('ABOLISHED');
  });

  it('community workers see their own community’s issuances only', async () => {
    const own = (await ok(`query { certificateIssuances(first: 100) { totalCount nodes { community { id } } } }`, {}, tokens.community)).certificateIssuances;
    expect(own.nodes.every((n: any) => n.community.id === communityIds.home)).toBe(true);
    const all = (await ok(`query { certificateIssuances(first: 1) { totalCount } }`, {}, tokens.reviewer)).certificateIssuances.totalCount;
    expect(own.totalCount).toBeLessThan(all);
  });
});

describe('purchase of services: the guards, and satisfaction by the contract terms', () => {
  const CREATE = `mutation($i: ServiceContractInput!) { createServiceContract(input: $i) { id number status terms { key } community { id } department { shortName } } }`;
  const contract = (over: Record<string, unknown> = {}) => ({
    communityId: communityIds.home,
    title: '社区助餐点运营服务',
    scope: '由社区依托老年食堂为辖区高龄、独居老年人提供助餐和送餐服务。',
    category: 'ELDERLY_CARE',
    amount: 20000,
    periodStart: chinaDate(),
    periodEnd: `${chinaYear() + 1}-06-30`,
    deliverables: [{ name: '助餐服务台账' }],
    terms: [
      { key: 'T1', description: '每周供餐不少于5天' },
      { key: 'T2', description: '每月报送助餐人次和经费使用情况' },
    ],
    evaluationMethod: '按合同条款逐项验收',
    ...over,
  });
  let signed: any;

  it('rejects negative-list work disguised as a purchase, and writes nothing', async () => {
    const before = await count('service_contract');
    const err = await fails(
      CREATE,
      { i: contract({ title: '购买违法建筑巡查服务', scope: '由社区承担辖区违法建筑巡查、劝导和配合拆除工作。', category: 'OTHER' }) },
      tokens.dept_civil,
    );
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.details).toEqual([expect.objectContaining({ field: 'scope', constraint: 'NEGATIVE_AS_PURCHASE' })]);
    expect(await count('service_contract')).toBe(before);
    const check = (
      await ok(
        `query($i: ServiceContractInput!) { checkServiceContract(input: $i) { code field evidence { kind id } } }`,
        { i: contract({ category: 'DEMOLITION' }) },
        tokens.dept_civil,
      )
    ).checkServiceContract;
    expect(check[0]).toMatchObject({ code: 'NEGATIVE_AS_PURCHASE', field: 'scope' });
  });

  it('rejects services needing a professional qualification, and target-assessment scoring', async () => {
    const qual = await fails(CREATE, { i: contract({ requiresQualification: true }) }, tokens.dept_civil);
    expect(qual.extensions.details.map((d: any) => d.constraint)).toEqual(['PURCHASE_NEEDS_QUALIFICATION']);
    const target = await fails(CREATE, { i: contract({ evaluationMethod: '纳入年度目标考核，按考核排名拨付尾款' }) }, tokens.dept_civil);
    expect(target.extensions.details).toEqual([expect.objectContaining({ field: 'evaluationMethod', constraint: 'TARGET_ASSESSMENT' })]);
    const dup = await fails(
      CREATE,
      {
        i: contract({
          terms: [
            { key: 'T1', description: '每周供餐' },
            { key: 'T1', description: '每月报送' },
          ],
        }),
      },
      tokens.dept_civil,
    );
    expect(dup.extensions.details.map((d: any) => d.field)).toEqual(['terms.1.key']);
  });

  it('signs a lawful contract; a guard-free draft checks clean', async () => {
    expect(
      (await ok(`query($i: ServiceContractInput!) { checkServiceContract(input: $i) { code } }`, { i: contract() }, tokens.dept_civil)).checkServiceContract,
    ).toEqual([]);
    signed = (await ok(CREATE, { i: contract() }, tokens.dept_civil)).createServiceContract;
    expect(signed).toMatchObject({ status: 'ACTIVE', department: { shortName: '县民政局' }, community: { id: communityIds.home } });
    expect(signed.number).toMatch(new RegExp(`^青购服〔${chinaYear()}〕\\d+号$`));
    expect((await fails(CREATE, { i: contract() }, tokens.community)).extensions.code).toBe('FORBIDDEN');
  });

  it('evaluates only against the contract’s own terms, all of them, without veto or ranking', async () => {
    const EVAL = `mutation($id: ID!, $i: ContractEvaluationInput!) { evaluateServiceContract(id: $id, input: $i) { termsMet satisfaction termResults { termKey met } contract { id } } }`;
    const extra = await fails(
      EVAL,
      {
        id: signed.id,
        i: {
          termResults: [
            { termKey: 'T1', met: true },
            { termKey: 'T2', met: true },
            { termKey: 'KPI', met: false },
          ],
        },
      },
      tokens.dept_civil,
    );
    expect(extra.extensions.details.map((d: any) => d.field)).toEqual(['termResults.2.termKey']);
    const missing = await fails(EVAL, { id: signed.id, i: { termResults: [{ termKey: 'T1', met: true }] } }, tokens.dept_civil);
    expect(missing.extensions.details.map((d: any) => d.field)).toEqual(['termResults']);
    const veto = await fails(
      EVAL,
      {
        id: signed.id,
        i: {
          termResults: [
            { termKey: 'T1', met: true },
            { termKey: 'T2', met: false },
          ],
          comment: '发生投诉即一票否决',
        },
      },
      tokens.dept_civil,
    );
    expect(veto.extensions.details).toEqual([expect.objectContaining({ field: 'comment', constraint: 'ONE_VOTE_VETO' })]);
    const done = (
      await ok(
        EVAL,
        {
          id: signed.id,
          i: {
            termResults: [
              { termKey: 'T1', met: true },
              { termKey: 'T2', met: false },
            ],
          },
        },
        tokens.dept_civil,
      )
    ).evaluateServiceContract;
    expect(done).toMatchObject({ termsMet: 1, satisfaction: 0.5, contract: { id: signed.id } });
    const CLOSE = `mutation($id: ID!, $s: ServiceContractStatus!) { closeServiceContract(id: $id, status: $s, input: { note: "合同期满，按条款验收。" }) { status evaluations { satisfaction } } }`;
    expect((await fails(CLOSE, { id: signed.id, s: 'ACTIVE' }, tokens.dept_civil)).extensions.details.map((d: any) => d.field)).toEqual(['status']);
    expect((await ok(CLOSE, { id: signed.id, s: 'COMPLETED' }, tokens.dept_civil)).closeServiceContract).toEqual({
      status: 'COMPLETED',
      evaluations: [{ satisfaction: 0.5 }],
    });
    expect((await fails(CLOSE, { id: signed.id, s: 'TERMINATED' }, tokens.dept_civil)).extensions.code).toBe('CONFLICT');
    expect(await trail(signed.id)).toEqual(['serviceContract.create', 'serviceContract.complete']);
  });
});

describe('funding follows the task (费随事转)', () => {
  const CREATE = `mutation($i: ApplicationInput!) { createApplication(input: $i) { id findings { code severity } } }`;
  async function admit(over: Record<string, unknown>): Promise<string> {
    const created = (
      await ok(
        CREATE,
        {
          i: {
            title: '协助开展独居老人探访关爱',
            description: '每月协助民政部门探访辖区独居老年人，了解生活状况并记录需求。',
            kind: 'TEMPORARY',
            category: 'ELDERLY_CARE',
            legalBasis: ['《中华人民共和国老年人权益保障法》'],
            scopeType: 'COMMUNITIES',
            communityIds: [communityIds.home, await community('511828001002')],
            periodStart: chinaDate(),
            periodEnd: `${chinaYear() + 1}-12-31`,
            ...over,
          },
        },
        tokens.dept_civil,
      )
    ).createApplication;
    await ok(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: created.id }, tokens.dept_civil);
    await ok(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: created.id }, tokens.reviewer);
    const ack = created.findings.filter((f: any) => f.severity === 'WARNING').map((f: any) => f.code);
    const PASS = { opinion: 'PASS' };
    const approved = await ok(
      `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { status } }`,
      { id: created.id, i: { legality: PASS, feasibility: PASS, reasonableness: PASS, recommendation: 'APPROVE', acknowledgedWarnings: ack } },
      tokens.reviewer,
    );
    expect(approved.reviewApplication.status).toBe('APPROVED');
    return created.id;
  }
  const UNFUNDED = `query { unfundedAssistanceItems(first: 50) { nodes { reason allocatedAmount application { id } } } }`;
  const reasonOf = async (id: string) =>
    (await ok(UNFUNDED, {}, tokens.reviewer)).unfundedAssistanceItems.nodes.find((n: any) => n.application.id === id)?.reason ?? null;

  it('lists an admitted assistance item with no funding declared', async () => {
    const id = await admit({ fundingAmount: 0 });
    expect(await reasonOf(id)).toBe('NO_FUNDING_DECLARED');
  });

  it('lists a funded item until funding is sent; then lists the communities not yet paid until they confirm', async () => {
    const id = await admit({ title: '协助开展高温天气独居老人巡访', fundingAmount: 2000 });
    expect(await reasonOf(id)).toBe('NOT_ALLOCATED');
    const ALLOCATE = `mutation($i: FundingAllocationInput!) { recordFundingAllocations(input: $i) { id amount community { id } receivedConfirmedAt } }`;
    const outside = await fails(
      ALLOCATE,
      { i: { applicationId: id, communityIds: [await community('511828202200')], amountPerCommunity: 1000, allocatedOn: chinaDate() } },
      tokens.dept_civil,
    );
    expect(outside.extensions.details.map((d: any) => d.field)).toEqual(['communityIds.0']);
    const [allocation] = (
      await ok(
        ALLOCATE,
        { i: { applicationId: id, communityIds: [communityIds.home], amountPerCommunity: 1000, allocatedOn: chinaDate(), reference: '青民拨〔2026〕900' } },
        tokens.dept_civil,
      )
    ).recordFundingAllocations;
    expect(allocation).toMatchObject({ amount: 1000, receivedConfirmedAt: null });
    expect(await reasonOf(id)).toBeNull();
    const UNPAID = `query($a: ID!) { unpaidCommunities(first: 10, filter: { applicationId: $a }) { totalCount nodes { state allocatedAmount community { id } } } }`;
    const unpaid = (await ok(UNPAID, { a: id }, tokens.dept_civil)).unpaidCommunities;
    expect(unpaid.nodes.map((n: any) => [n.community.id === communityIds.home, n.state]).sort()).toEqual([
      [false, 'NOT_ALLOCATED'],
      [true, 'AWAITING_CONFIRMATION'],
    ]);
    expect((await fails(`mutation($id: ID!) { confirmFundingReceived(id: $id) { id } }`, { id: allocation.id }, tokens.dept_civil)).extensions.code).toBe(
      'FORBIDDEN',
    );
    const confirmed = (
      await ok(
        `mutation($id: ID!) { confirmFundingReceived(id: $id) { receivedConfirmedAt receivedConfirmedBy { username } } }`,
        { id: allocation.id },
        tokens.community,
      )
    ).confirmFundingReceived;
    expect(confirmed.receivedConfirmedBy.username).toBe('community');
    expect((await fails(`mutation($id: ID!) { confirmFundingReceived(id: $id) { id } }`, { id: allocation.id }, tokens.community)).extensions.code).toBe(
      'CONFLICT',
    );
    expect((await ok(UNPAID, { a: id }, tokens.dept_civil)).unpaidCommunities.nodes.map((n: any) => n.state)).toEqual(['NOT_ALLOCATED']);
    expect((await ok(UNPAID, { a: id }, tokens.community)).unpaidCommunities.totalCount).toBe(0);
    expect(await trail(allocation.id)).toEqual(['funding.allocate', 'funding.confirm']);
  });
});
