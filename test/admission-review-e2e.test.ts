/**
 * The admission gate end to end over GraphQL, in the seeded demo county 青衣县: a disguised
 * negative-list application is blocked with explained evidence and the submit error lists
 * codes and labels; rewording it shows the reviewer what blocked it and what changed;
 * warnings are acknowledged by choosing labelled codes; a reviewer overrides a false block
 * and catches a miss, both audited, both added to the county's examples, and after the
 * next list version the engine decides new applications by them. Funding against the
 * burden estimate, listed assistance borrowing its item's basis.
 */
import { startTestApi, type TestApi } from './support/api';
import { chinaDate } from '../src/kernel/dates';

let t: TestApi;
const tokens: Record<string, string> = {};
let countyId = '';
let fm003 = '';
let xz003 = '';

beforeAll(async () => {
  t = await startTestApi({ FUNDING_FLOOR_YUAN_PER_HOUR: '20' });
  for (const u of ['reviewer', 'dept_civil', 'community']) tokens[u] = await t.signIn(u);
  const county = (await t.gql(`{ region(code: "511828") { id } }`, {}, { token: tokens.reviewer })).body.data.region;
  countyId = county.id;
  const items = (
    await t.gql(
      `query($c: ID!) { listItems(first: 100, filter: { countyId: $c }) { nodes { id itemKey triggerPhrases examples counterExamples } } }`,
      { c: countyId },
      { token: tokens.reviewer },
    )
  ).body.data.listItems.nodes;
  fm003 = items.find((i: any) => i.itemKey === 'FM-003').id;
  xz003 = items.find((i: any) => i.itemKey === 'XZ-003').id;
});
afterAll(() => t.close());

const FIELDS = `id number status version hasBlockingFindings
  findings { code label labelEn severity message evidence { kind id label itemKey category phrases score } }
  rewordings { blocked { title description findings { code message } } titleDiff { op text } descriptionDiff { op text } }
  findingReviews { id kind findingCode findingLabel reason excerpt listItem { itemKey } exampleChange { id kind } }`;
const CREATE = `mutation($i: ApplicationInput!) { createApplication(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: ApplicationInput!) { updateApplication(id: $id, input: $i) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitApplication(id: $id) { status } }`;
const START = `mutation($id: ID!) { startReview(id: $id) { status } }`;
const REVIEW = `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { status acknowledgedWarnings } }`;
const RECORD = `mutation($i: FindingReviewInput!) { recordFindingReview(input: $i) { id kind findingCode findingLabel excerpt listItem { itemKey } application { ${FIELDS} } } }`;
const ADD = `mutation($id: ID!, $i: FindingReviewExampleInput) { addFindingReviewToExamples(id: $id, input: $i) { id exampleChange { id kind status proposed { triggerPhrases examples counterExamples } } } }`;
const PUBLISH = `mutation($i: PublishListVersionInput!) { publishListVersion(input: $i) { id number } }`;
const PASS = { opinion: 'PASS' };

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const r = await t.gql(query, variables, { token });
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors, null, 1));
  return r.body.data as T;
}
async function fails(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const r = await t.gql(query, variables, { token });
  expect(r.body.errors).toBeDefined();
  return r.body.errors[0];
}

const input = (over: Record<string, unknown> = {}) => ({
  title: '城区私搭乱建清理',
  description: '县民政局请城区社区对辖区楼顶、阳台私搭乱建逐户下发清理告知，逾期未清理的由社区组织施工队统一拆除。',
  kind: 'TEMPORARY',
  category: 'SELF_GOVERNANCE',
  legalBasis: ['《中华人民共和国城市居民委员会组织法》第三条'],
  scopeType: 'COUNTY',
  periodStart: chinaDate(),
  periodEnd: `${Number(chinaDate().slice(0, 4)) + 1}-06-30`,
  fundingAmount: 60000,
  trainingSupport: '县民政局组织一次业务培训',
  ...over,
});

describe('a disguised negative-list application', () => {
  let app: any;

  it('is blocked, and the finding names FM-003, its category, the phrases and why', async () => {
    app = (await ok(CREATE, { i: input() }, tokens.dept_civil)).createApplication;
    expect(app.hasBlockingFindings).toBe(true);
    const f = app.findings.find((x: any) => x.code === 'NEGATIVE_LIST');
    expect(f).toMatchObject({ severity: 'BLOCKING', label: '属于工作负面事项', labelEn: 'Negative-list work' });
    expect(f.evidence[0]).toMatchObject({ kind: 'ListItem', itemKey: 'FM-003', category: 'DEMOLITION' });
    expect(f.evidence[0].phrases.join('')).toMatch(/拆除/);
    expect(f.evidence[0].label).toMatch(/理由/);
  });

  it('cannot be submitted; the error lists the codes and their Chinese labels', async () => {
    const err = await fails(SUBMIT, { id: app.id }, tokens.dept_civil);
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.message).toContain('NEGATIVE_LIST（属于工作负面事项）');
    expect(err.extensions.messageEn).toContain('NEGATIVE_LIST (Negative-list work)');
    expect(err.extensions.details).toEqual([expect.objectContaining({ field: 'findings', constraint: 'NEGATIVE_LIST' })]);
  });

  it('reworded, it passes the gate but shows the reviewer the previous findings and a word diff', async () => {
    const reworded = (
      await ok(
        UPDATE,
        {
          id: app.id,
          i: input({
            title: '城区私搭乱建线索发现报告',
            description: '县民政局请城区社区在走访中发现楼顶、阳台私搭乱建的，及时报告街道综合执法队，由执法队依法处置。',
          }),
        },
        tokens.dept_civil,
      )
    ).updateApplication;
    expect(reworded.hasBlockingFindings).toBe(false);
    const w = reworded.findings.find((x: any) => x.code === 'REWORDED_AFTER_BLOCK');
    expect(w).toMatchObject({ severity: 'WARNING', label: '曾被阻断后修改表述' });
    expect(w.message).toContain('NEGATIVE_LIST（属于工作负面事项）');
    expect(reworded.rewordings).toHaveLength(1);
    expect(reworded.rewordings[0].blocked.findings[0].code).toBe('NEGATIVE_LIST');
    const ops = reworded.rewordings[0].descriptionDiff.map((s: any) => s.op);
    expect(ops).toEqual(expect.arrayContaining(['EQUAL', 'DELETE', 'INSERT']));
    expect(
      reworded.rewordings[0].descriptionDiff
        .filter((s: any) => s.op === 'DELETE')
        .map((s: any) => s.text)
        .join(''),
    ).toMatch(/拆除/);
    app = reworded;
  });

  it('the reviewer acknowledges the warnings by choosing their codes; an unknown code is refused by the schema', async () => {
    await ok(SUBMIT, { id: app.id }, tokens.dept_civil);
    await ok(START, { id: app.id }, tokens.reviewer);
    const warnings = app.findings.filter((f: any) => f.severity === 'WARNING').map((f: any) => f.code);
    expect(warnings).toContain('REWORDED_AFTER_BLOCK');
    const missing = await fails(
      REVIEW,
      { id: app.id, i: { legality: PASS, feasibility: PASS, reasonableness: PASS, recommendation: 'APPROVE', acknowledgedWarnings: [] } },
      tokens.reviewer,
    );
    expect(missing.message).toContain('REWORDED_AFTER_BLOCK（曾被阻断后修改表述）');
    expect(missing.extensions.details.map((d: any) => d.constraint)).toEqual(expect.arrayContaining(warnings));
    const typo = await t.gql(
      REVIEW,
      { id: app.id, i: { legality: PASS, feasibility: PASS, reasonableness: PASS, recommendation: 'APPROVE', acknowledgedWarnings: ['REWORDED'] } },
      { token: tokens.reviewer },
    );
    expect(typo.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const literal = await t.gql(
      `mutation($id: ID!) { reviewApplication(id: $id, input: { legality: { opinion: PASS }, feasibility: { opinion: PASS }, reasonableness: { opinion: PASS }, recommendation: APPROVE, acknowledgedWarnings: [${warnings.join(', ')}] }) { status acknowledgedWarnings } }`,
      { id: app.id },
      { token: tokens.reviewer },
    );
    expect(literal.body.errors).toBeUndefined();
    expect(literal.body.data.reviewApplication).toEqual({ status: 'APPROVED', acknowledgedWarnings: expect.arrayContaining(warnings) });
  });
});

describe('reviewers’ decisions on disputed findings, and the county’s examples', () => {
  let shed: any;
  let miss: any;
  let override: any;
  let caught: any;

  const SHED = input({
    title: '清理河道边废弃养殖棚',
    description: '县民政局请沿河各村组织村民清理河道边已废弃多年的养殖棚，改善人居环境，清理费用由县里补助。',
    category: 'SELF_GOVERNANCE',
  });
  const MISS = input({
    title: '“两违”巡控网格化',
    description: '县民政局请各社区将辖区划分为若干网格，由网格员负责“两违”巡控，每周报送巡控台账。',
    category: 'SELF_GOVERNANCE',
  });

  it('a false block is overridden by a reviewer: the block becomes a warning, the department can submit, the decision is audited', async () => {
    shed = (await ok(CREATE, { i: SHED }, tokens.dept_civil)).createApplication;
    expect(shed.findings.find((f: any) => f.code === 'NEGATIVE_LIST').evidence[0].itemKey).toBe('FM-003');
    const denied = await fails(
      RECORD,
      { i: { applicationId: shed.id, kind: 'OVERRIDE', findingCode: 'NEGATIVE_LIST', reason: '废弃设施清理属村民自治的人居环境整治' } },
      tokens.dept_civil,
    );
    expect(denied.extensions.code).toBe('FORBIDDEN');
    override = (
      await ok(
        RECORD,
        { i: { applicationId: shed.id, kind: 'OVERRIDE', findingCode: 'NEGATIVE_LIST', reason: '废弃设施清理属村民自治的人居环境整治' } },
        tokens.reviewer,
      )
    ).recordFindingReview;
    expect(override).toMatchObject({ kind: 'OVERRIDE', findingCode: 'NEGATIVE_LIST', findingLabel: '属于工作负面事项', listItem: { itemKey: 'FM-003' } });
    expect(override.excerpt).toMatch(/养殖棚/);
    const after = override.application;
    expect(after.hasBlockingFindings).toBe(false);
    expect(after.findings.find((f: any) => f.code === 'REVIEWER_OVERRIDE').message).toMatch(/人居环境/);
    expect((await ok(SUBMIT, { id: shed.id }, tokens.dept_civil)).submitApplication.status).toBe('SUBMITTED');
    const history = (await ok(`query($id: ID!) { application(id: $id) { history { action comment } } }`, { id: shed.id }, tokens.reviewer)).application.history;
    expect(history.map((h: any) => h.action)).toContain('application.overrideFinding');
  });

  it('an override holds only for the text it was decided on, and only for that application', async () => {
    const other = (await ok(CREATE, { i: SHED }, tokens.dept_civil)).createApplication;
    expect(other.hasBlockingFindings).toBe(true);
    await ok(RECORD, { i: { applicationId: other.id, kind: 'OVERRIDE', findingCode: 'NEGATIVE_LIST', reason: '废弃设施清理属村民自治' } }, tokens.reviewer);
    const edited = (await ok(UPDATE, { id: other.id, i: { ...SHED, description: `${SHED.description}逾期未清理的由村组织人员统一拆除。` } }, tokens.dept_civil))
      .updateApplication;
    expect(edited.hasBlockingFindings).toBe(true);
    expect(edited.findings.find((f: any) => f.code === 'NEGATIVE_LIST').severity).toBe('BLOCKING');
    expect(edited.findings.map((f: any) => f.code)).not.toContain('REVIEWER_OVERRIDE');
  });

  it('a miss is caught by a reviewer: the application is blocked with the reviewer’s reasons', async () => {
    miss = (await ok(CREATE, { i: MISS }, tokens.dept_civil)).createApplication;
    expect(miss.hasBlockingFindings).toBe(false);
    const noItem = await fails(
      RECORD,
      { i: { applicationId: miss.id, kind: 'MISSED', findingCode: 'NEGATIVE_LIST', reason: '两违巡控即违建巡查管控' } },
      tokens.reviewer,
    );
    expect(noItem.extensions.code).toBe('BAD_USER_INPUT');
    caught = (
      await ok(
        RECORD,
        { i: { applicationId: miss.id, kind: 'MISSED', findingCode: 'NEGATIVE_LIST', listItemId: fm003, reason: '两违巡控即违法建设巡查管控，属拆迁拆违' } },
        tokens.reviewer,
      )
    ).recordFindingReview;
    const f = caught.application.findings.find((x: any) => x.code === 'NEGATIVE_LIST');
    expect(f.severity).toBe('BLOCKING');
    expect(f.evidence[0]).toMatchObject({ kind: 'FindingReview', itemKey: 'FM-003', category: 'DEMOLITION' });
    expect(f.evidence[0].label).toMatch(/两违巡控/);
    expect((await fails(SUBMIT, { id: miss.id }, tokens.dept_civil)).message).toContain('NEGATIVE_LIST');
  });

  it('both decisions go into FM-003’s vocabulary as one pending change, published with the next version', async () => {
    const a = (await ok(ADD, { id: override.id }, tokens.reviewer)).addFindingReviewToExamples;
    expect(a.exampleChange).toMatchObject({ kind: 'ADJUST', status: 'PENDING' });
    expect(a.exampleChange.proposed.counterExamples.join('')).toMatch(/养殖棚/);
    const b = (await ok(ADD, { id: caught.id, i: { triggerPhrase: '两违巡控' } }, tokens.reviewer)).addFindingReviewToExamples;
    expect(b.exampleChange.id).toBe(a.exampleChange.id);
    expect(b.exampleChange.proposed.triggerPhrases).toContain('两违巡控');
    expect(b.exampleChange.proposed.examples.join('')).toMatch(/两违/);
    expect((await fails(ADD, { id: caught.id }, tokens.reviewer)).extensions.code).toBe('CONFLICT');
    const reviews = (
      await ok(
        `query($c: ID!) { findingReviews(first: 10, filter: { countyId: $c, addedToExamples: true }) { totalCount nodes { kind } } }`,
        { c: countyId },
        tokens.reviewer,
      )
    ).findingReviews;
    expect(reviews.totalCount).toBe(2);
    await ok(PUBLISH, { i: { countyId, documentNumber: '青社工发〔2026〕9号', publishedAt: chinaDate() } }, tokens.reviewer);
    const item = (await ok(`query($id: ID!) { node(id: $id) { ... on ListItem { triggerPhrases counterExamples } } }`, { id: fm003 }, tokens.community)).node;
    expect(item.triggerPhrases).toContain('两违巡控');
    expect(item.counterExamples.join('')).toMatch(/养殖棚/);
  });

  it('after publication the engine decides new applications by them', async () => {
    const shedAgain = (await ok(CREATE, { i: SHED }, tokens.dept_civil)).createApplication;
    expect(shedAgain.hasBlockingFindings).toBe(false);
    const missAgain = (
      await ok(CREATE, { i: input({ title: '辖区“两违”巡控', description: '请社区网格员每天开展两违巡控，发现问题当日报送。' }) }, tokens.dept_civil)
    ).createApplication;
    const f = missAgain.findings.find((x: any) => x.code === 'NEGATIVE_LIST');
    expect(f.evidence[0].itemKey).toBe('FM-003');
    expect(f.evidence[0].label).toMatch(/审核触发词/);
  });
});

describe('funding against the burden, and listed assistance', () => {
  it('1 yuan for the burden of a monthly ledger in 119 communities is FUNDING_INSUFFICIENT, with the figures', async () => {
    const a = (
      await ok(
        CREATE,
        {
          i: input({
            title: '困难群众动态排查',
            description: '每月入户排查困难群众生活状况，及时发现并报告。',
            fundingAmount: 1,
            ledgers: [{ name: '排查台账', frequency: 'MONTHLY', minutesPerFiling: 520, format: 'ELECTRONIC', dataElementCodes: [] }],
          }),
        },
        tokens.dept_civil,
      )
    ).createApplication;
    const f = a.findings.find((x: any) => x.code === 'FUNDING_INSUFFICIENT');
    expect(f).toMatchObject({ severity: 'WARNING', label: '经费低于测算负担的标准' });
    expect(f.message).toMatch(/20 元\/小时/);
  });

  it('a listed assistance item linked by id lends its basis; one that names nothing on the list is blocked', async () => {
    const linked = (
      await ok(
        CREATE,
        {
          i: input({
            kind: 'LISTED_ASSISTANCE',
            category: 'ELDERLY_CARE',
            listItemId: xz003,
            legalBasis: [],
            title: '高龄津贴申请受理',
            description: '协助受理高龄津贴申请并在公示栏公示名单。',
          }),
        },
        tokens.dept_civil,
      )
    ).createApplication;
    expect(linked.findings.map((f: any) => f.code)).not.toContain('NO_LEGAL_BASIS');
    expect(linked.hasBlockingFindings).toBe(false);
    const unlisted = (
      await ok(
        CREATE,
        {
          i: input({
            kind: 'LISTED_ASSISTANCE',
            category: 'CULTURE_EDUCATION',
            title: '书香家庭推荐',
            description: '每个村（社区）推荐书香家庭两户，报送藏书照片。',
          }),
        },
        tokens.dept_civil,
      )
    ).createApplication;
    expect(unlisted.findings.find((f: any) => f.code === 'LISTED_ITEM_MISSING').severity).toBe('BLOCKING');
  });

  it('front ends read every code with its label and severity', async () => {
    const rules = (await ok(`{ admissionRules { code severity label labelEn description } }`, {}, tokens.community)).admissionRules;
    expect(rules.find((r: any) => r.code === 'NEGATIVE_LIST')).toMatchObject({ severity: 'BLOCKING', label: '属于工作负面事项' });
    expect(rules.find((r: any) => r.code === 'FUNDING_INSUFFICIENT')).toMatchObject({ severity: 'WARNING' });
  });
});
