import { startTestApi, type TestApi } from './support/api';
import { client } from './support/client';
import { createTestCounty, TEST_PASSWORD, type TestCounty } from './support/county';
import { flagOverdueEmergencies } from '../src/admission/service/schedules';
import { chinaDate } from '../src/kernel/dates';

let t: TestApi;
let c: TestCounty;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  c = await createTestCounty(t.orm);
  for (const [key, username] of Object.entries(c.users)) tokens[key] = await t.signIn(username, TEST_PASSWORD);
  tokens.admin = await t.signIn('admin');
});
afterAll(() => t.close());

const APP_FIELDS = `id number status version kind hasBlockingFindings availableActions
  findings { code severity message messageEn evidence { kind id label } }
  burden { communities hoursPerYear hoursPerCommunity }
  approvalDocument { number validFrom validUntil provisional revokedAt communityCount verificationCode }`;

const { ok, fails } = client(() => t);

const CREATE = `mutation($i: ApplicationInput!) { createApplication(input: $i) { ${APP_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitApplication(id: $id) { ${APP_FIELDS} } }`;
const START = `mutation($id: ID!) { startReview(id: $id) { status } }`;
const REVIEW = `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { ${APP_FIELDS} } }`;
const COMMITTEE = `mutation($id: ID!, $i: CommitteeDecisionInput!) { recordCommitteeDecision(id: $id, input: $i) { ${APP_FIELDS} } }`;
const VERIFY = `query($n: String!, $c: String!, $v: String) { verifyApprovalDocument(number: $n, communityCode: $c, verificationCode: $v) { valid result message messageEn } }`;
const PASS = { opinion: 'PASS' };
const approve = (ack: string[] = []) => ({
  legality: PASS,
  feasibility: PASS,
  reasonableness: PASS,
  recommendation: 'APPROVE',
  comment: '同意',
  acknowledgedWarnings: ack,
});

const baseInput = () => ({
  title: '协助开展困难群众动态排查',
  description: '每月协助民政部门入户排查低保边缘家庭和困难群众生活状况，及时发现并报告。',
  kind: 'TEMPORARY',
  category: 'SOCIAL_ASSISTANCE',
  legalBasis: ['《社会救助暂行办法》第十一条'],
  scopeType: 'COUNTY',
  periodStart: chinaDate(),
  periodEnd: `${Number(chinaDate().slice(0, 4)) + 1}-12-31`,
  fundingAmount: 36000,
  fundingFlow: '按村（社区）数量每季度拨付至村（社区）工作经费账户',
  trainingSupport: '民政局每季度组织一次业务培训',
  ledgers: [{ name: '困难群众动态排查台账', frequency: 'MONTHLY', minutesPerFiling: 60, format: 'ELECTRONIC', dataElementCodes: [] }],
});

describe('a county from no lists to admitted, verified, completed and revoked items', () => {
  let v1: { id: string };
  let regular: any;
  let unfunded: any;

  it('imports the province guidance lists and publishes version 1', async () => {
    const imported = await ok(`mutation($c: ID!) { importGuidanceLists(countyId: $c) { id } }`, { c: c.countyId }, tokens.reviewer);
    expect(imported.importGuidanceLists.length).toBeGreaterThan(20);
    const published = await ok(
      `mutation($i: PublishListVersionInput!) { publishListVersion(input: $i) { id number documentNumber } }`,
      { i: { countyId: c.countyId, documentNumber: '示社工发〔2026〕1号', publishedAt: chinaDate() } },
      tokens.reviewer,
    );
    expect(published.publishListVersion.number).toBe(1);
    v1 = published.publishListVersion;
    const negative = await ok(
      `query($c: ID!) { listItems(first: 50, filter: { countyId: $c, listType: NEGATIVE }) { totalCount } }`,
      { c: c.countyId },
      tokens.reviewer,
    );
    expect(negative.listItems.totalCount).toBeGreaterThanOrEqual(8);
  });

  it('warns about an assistance item with no funding (费随事转), which the reviewer must acknowledge', async () => {
    const created = await ok(
      CREATE,
      { i: { ...baseInput(), fundingAmount: 0, fundingFlow: null, scopeType: 'TOWNSHIPS', townshipIds: [c.townshipIds[0]] } },
      tokens.civil,
    );
    unfunded = created.createApplication;
    expect(unfunded.findings.map((f: any) => [f.code, f.severity])).toEqual([['NO_FUNDING', 'WARNING']]);
    expect(unfunded.hasBlockingFindings).toBe(false);
    expect(unfunded.burden).toEqual({ communities: 3, hoursPerCommunity: 12, hoursPerYear: 36 });
    expect((await ok(SUBMIT, { id: unfunded.id }, tokens.civil)).submitApplication.status).toBe('SUBMITTED');
    await ok(START, { id: unfunded.id }, tokens.reviewer);
    const notAcknowledged = await fails(REVIEW, { id: unfunded.id, i: approve() }, tokens.reviewer);
    expect(notAcknowledged.extensions.code).toBe('BAD_USER_INPUT');
    expect(notAcknowledged.message).toContain('NO_FUNDING');
    const approved = (await ok(REVIEW, { id: unfunded.id, i: approve(['NO_FUNDING']) }, tokens.reviewer)).reviewApplication;
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvalDocument.number).toMatch(/^示社工准〔\d{4}〕\d+号$/);
    expect(approved.approvalDocument.communityCount).toBe(3);
    unfunded = approved;
  });

  it('blocks “协助开展违法建筑拆除” as negative-list work, even filed under another category', async () => {
    const created = (
      await ok(
        CREATE,
        { i: { ...baseInput(), title: '协助开展违法建筑拆除', description: '协助住建部门对辖区违法建筑进行摸排并配合拆除。', category: 'PUBLIC_SAFETY' } },
        tokens.housing,
      )
    ).createApplication;
    expect(created.hasBlockingFindings).toBe(true);
    const finding = created.findings.find((f: any) => f.code === 'NEGATIVE_LIST');
    expect(finding.severity).toBe('BLOCKING');
    expect(finding.evidence.some((e: any) => e.kind === 'ListItem' && e.id)).toBe(true);
    const refused = await fails(SUBMIT, { id: created.id }, tokens.housing);
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    const still = await ok(`query($id: ID!) { application(id: $id) { status } }`, { id: created.id }, tokens.housing);
    expect(still.application.status).toBe('DRAFT');
  });

  it('blocks negative-list work disguised as a purchase of services', async () => {
    const created = (
      await ok(
        CREATE,
        {
          i: {
            ...baseInput(),
            kind: 'PURCHASE_OF_SERVICE',
            title: '购买村（社区）违建巡查拆除服务',
            description: '以购买服务方式由村（社区）承担违法建筑巡查和拆除工作。',
            category: 'OTHER',
            legalBasis: [],
          },
        },
        tokens.housing,
      )
    ).createApplication;
    expect(created.findings.map((f: any) => f.code)).toContain('NEGATIVE_AS_PURCHASE');
    expect((await fails(SUBMIT, { id: created.id }, tokens.housing)).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('blocks a new terminal in communities that is not on the one-stop platform', async () => {
    const created = (
      await ok(
        CREATE,
        {
          i: {
            ...baseInput(),
            title: '部署应急广播终端',
            description: '在每个村（社区）部署应急广播终端并安排专人值守。',
            category: 'EMERGENCY_MANAGEMENT',
            wantsTerminal: true,
            appName: '应急广播终端',
          },
        },
        tokens.emergency,
      )
    ).createApplication;
    expect(created.findings.find((f: any) => f.code === 'NEW_TERMINAL_OR_APP').severity).toBe('BLOCKING');
  });

  it('takes a new regular item through review and the county committee to an approval document', async () => {
    const created = (
      await ok(
        CREATE,
        {
          i: {
            ...baseInput(),
            kind: 'NEW_REGULAR',
            title: '村（社区）养老服务需求摸底登记',
            description: '每年对辖区60周岁以上老年人开展一次养老服务需求摸底登记，形成需求清单。',
            category: 'ELDERLY_CARE',
            ledgers: [{ name: '养老服务需求登记表', frequency: 'YEARLY', minutesPerFiling: 240, format: 'ELECTRONIC' }],
          },
        },
        tokens.civil,
      )
    ).createApplication;
    expect(created.findings).toEqual([]);
    await ok(SUBMIT, { id: created.id }, tokens.civil);
    await ok(START, { id: created.id }, tokens.reviewer);
    const referred = (await ok(REVIEW, { id: created.id, i: approve() }, tokens.reviewer)).reviewApplication;
    expect(referred.status).toBe('COMMITTEE');
    expect(referred.approvalDocument).toBeNull();
    const forbidden = await fails(
      COMMITTEE,
      { id: created.id, i: { meeting: '县委常委会2026年第12次会议', meetingDate: chinaDate(), decision: 'APPROVE' } },
      tokens.reviewer,
    );
    expect(forbidden.extensions.code).toBe('FORBIDDEN');
    regular = (
      await ok(COMMITTEE, { id: created.id, i: { meeting: '县委常委会2026年第12次会议', meetingDate: chinaDate(), decision: 'APPROVE' } }, tokens.secretary)
    ).recordCommitteeDecision;
    expect(regular.status).toBe('APPROVED');
    expect(regular.approvalDocument.number).toMatch(/^示社工准〔\d{4}〕\d+号$/);
    expect(regular.approvalDocument.communityCount).toBe(6);
    expect(regular.availableActions).toEqual([]);
  });

  it('publishes version 2 with the approved new regular item added (该进则进)', async () => {
    const v2 = (
      await ok(
        `mutation($i: PublishListVersionInput!) { publishListVersion(input: $i) { id number } }`,
        { i: { countyId: c.countyId, documentNumber: '示社工发〔2026〕2号', publishedAt: chinaDate() } },
        tokens.reviewer,
      )
    ).publishListVersion;
    expect(v2.number).toBe(2);
    const diff = (
      await ok(
        `query($a: ID!, $b: ID!) { listVersionDiff(fromId: $a, toId: $b) { added { itemKey title listType } adjusted { itemKey } cancelled { itemKey } } }`,
        { a: v1.id, b: v2.id },
        tokens.reviewer,
      )
    ).listVersionDiff;
    expect(diff.added).toEqual([expect.objectContaining({ title: '村（社区）养老服务需求摸底登记', listType: 'ASSISTANCE' })]);
    expect(diff.adjusted).toEqual([]);
    expect(diff.cancelled).toEqual([]);
  });

  it('lets a community worker verify the document: in scope, out of scope, unknown', async () => {
    const inScope = c.communities.find((x) => x.townshipId === c.townshipIds[0])!;
    const outOfScope = c.communities.find((x) => x.townshipId === c.townshipIds[1])!;
    const valid = (await ok(VERIFY, { n: unfunded.approvalDocument.number, c: inScope.code, v: unfunded.approvalDocument.verificationCode }, tokens.civil))
      .verifyApprovalDocument;
    expect(valid).toMatchObject({ valid: true, result: 'VALID' });
    const out = (await ok(VERIFY, { n: unfunded.approvalDocument.number, c: outOfScope.code, v: unfunded.approvalDocument.verificationCode }, tokens.civil))
      .verifyApprovalDocument;
    expect(out).toMatchObject({ valid: false, result: 'OUT_OF_SCOPE' });
    expect(out.message).toMatch(/不在批准范围/);
    const unknown = (await t.gql(VERIFY, { n: '示社工准〔2026〕999号', c: inScope.code })).body.data.verifyApprovalDocument;
    expect(unknown).toMatchObject({ valid: false, result: 'UNKNOWN_NUMBER' });
  });

  it('enters, completes and revokes the item; the document follows; v3 cancels it (该退则退)', async () => {
    const community = c.communities[0].code;
    const entered = (await ok(`mutation($id: ID!) { enterCommunities(id: $id) { status } }`, { id: regular.id }, tokens.civil)).enterCommunities;
    expect(entered.status).toBe('IN_EFFECT');
    const completed = (
      await ok(`mutation($id: ID!) { completeApplication(id: $id, input: { reason: "年度摸底已完成" }) { status } }`, { id: regular.id }, tokens.civil)
    ).completeApplication;
    expect(completed.status).toBe('COMPLETED');
    expect(
      (await ok(VERIFY, { n: regular.approvalDocument.number, c: community, v: regular.approvalDocument.verificationCode }, tokens.civil))
        .verifyApprovalDocument.result,
    ).toBe('COMPLETED');
    const revoked = (
      await ok(
        `mutation($id: ID!) { revokeApplication(id: $id, input: { reason: "工作完成，事项退出" }) { status revokeReason approvalDocument { revokedAt } } }`,
        { id: regular.id },
        tokens.reviewer,
      )
    ).revokeApplication;
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.approvalDocument.revokedAt).toBeTruthy();
    expect(
      (await ok(VERIFY, { n: regular.approvalDocument.number, c: community, v: regular.approvalDocument.verificationCode }, tokens.civil))
        .verifyApprovalDocument.result,
    ).toBe('REVOKED');

    const pending = (await ok(`query($c: ID!) { pendingListChanges(countyId: $c) { kind } }`, { c: c.countyId }, tokens.reviewer)).pendingListChanges;
    expect(pending.map((p: any) => p.kind)).toEqual(['CANCEL']);
    const versions = (await ok(`query($c: ID!) { listVersions(countyId: $c) { nodes { id number } } }`, { c: c.countyId }, tokens.reviewer)).listVersions.nodes;
    const v2 = versions.find((v: any) => v.number === 2);
    const v3 = (
      await ok(
        `mutation($i: PublishListVersionInput!) { publishListVersion(input: $i) { id number } }`,
        { i: { countyId: c.countyId, documentNumber: '示社工发〔2026〕3号', publishedAt: chinaDate() } },
        tokens.reviewer,
      )
    ).publishListVersion;
    const diff = (
      await ok(
        `query($a: ID!, $b: ID!) { listVersionDiff(fromId: $a, toId: $b) { added { title } cancelled { title } } }`,
        { a: v2.id, b: v3.id },
        tokens.reviewer,
      )
    ).listVersionDiff;
    expect(diff).toEqual({ added: [], cancelled: [{ title: '村（社区）养老服务需求摸底登记' }] });
  });

  it('keeps the whole history of an application, in order, with actors', async () => {
    const h = (
      await ok(
        `query($id: ID!) { application(id: $id) { history { action actorUsername } reviews { recommendation reviewer { username } } committeeDecisions { meeting decision } } }`,
        { id: regular.id },
        tokens.reviewer,
      )
    ).application;
    expect(h.history.map((e: any) => e.action)).toEqual([
      'application.create',
      'application.submit',
      'application.startReview',
      'application.referToCommittee',
      'application.committeeApprove',
      'application.enter',
      'application.complete',
      'application.revoke',
    ]);
    expect(h.history[4].actorUsername).toBe(c.users.secretary);
    expect(h.reviews).toEqual([{ recommendation: 'APPROVE', reviewer: { username: c.users.reviewer } }]);
    expect(h.committeeDecisions).toEqual([{ meeting: '县委常委会2026年第12次会议', decision: 'APPROVE' }]);
  });

  it('flags and escalates an emergency entry that misses its approval deadline', async () => {
    const created = (
      await ok(
        CREATE,
        {
          i: {
            ...baseInput(),
            emergency: true,
            emergencyReason: '汛期地质灾害隐患紧急排查',
            title: '汛期地质灾害隐患点紧急巡查',
            description: '汛期每日巡查辖区地质灾害隐患点并报告险情，确保群众安全转移。',
            category: 'EMERGENCY_MANAGEMENT',
          },
        },
        tokens.emergency,
      )
    ).createApplication;
    const entered = (
      await ok(
        `mutation($id: ID!) { declareEmergencyEntry(id: $id) { status approvalDeadline approvalDocument { provisional number verificationCode } } }`,
        { id: created.id },
        tokens.emergency,
      )
    ).declareEmergencyEntry;
    expect(entered.status).toBe('EMERGENCY_IN_EFFECT');
    expect(entered.approvalDocument.provisional).toBe(true);
    const deadline = new Date(entered.approvalDeadline);
    const days = (deadline.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5 - 0.01); // 5 working days are at least 5 calendar days
    expect(days).toBeLessThanOrEqual(9.01);
    expect(
      (await ok(VERIFY, { n: entered.approvalDocument.number, c: c.communities[0].code, v: entered.approvalDocument.verificationCode }, tokens.emergency))
        .verifyApprovalDocument.result,
    ).toBe('VALID');

    expect(await flagOverdueEmergencies(t.orm.em.fork(), new Date(deadline.getTime() - 60_000))).toHaveLength(0);
    const flagged = await flagOverdueEmergencies(t.orm.em.fork(), new Date(deadline.getTime() + 60_000));
    expect(flagged.map((a) => a.number)).toEqual([created.number]);
    expect(await flagOverdueEmergencies(t.orm.em.fork(), new Date(deadline.getTime() + 120_000))).toHaveLength(0);
    const after = (
      await ok(`query($id: ID!) { application(id: $id) { overdueFlaggedAt approvedInTime history { action comment } } }`, { id: created.id }, tokens.reviewer)
    ).application;
    expect(after.overdueFlaggedAt).toBeTruthy();
    expect(after.approvedInTime).toBe(false);
    expect(after.history.at(-1)).toMatchObject({ action: 'application.escalate' });
    const overdue = (await ok(`query($c: ID!) { applications(filter: { countyId: $c, emergency: true }) { totalCount } }`, { c: c.countyId }, tokens.reviewer))
      .applications;
    expect(overdue.totalCount).toBe(1);
  });

  it('makes a rejected emergency entry leave at once', async () => {
    const created = (
      await ok(
        CREATE,
        {
          i: {
            ...baseInput(),
            emergency: true,
            emergencyReason: '突发疫情',
            title: '突发疫情入户排查登记',
            description: '突发疫情期间协助入户排查登记返乡人员健康状况。',
            category: 'HEALTH',
          },
        },
        tokens.civil,
      )
    ).createApplication;
    await ok(`mutation($id: ID!) { declareEmergencyEntry(id: $id) { status } }`, { id: created.id }, tokens.civil);
    const rejected = (await ok(REVIEW, { id: created.id, i: { ...approve(), recommendation: 'REJECT', comment: '不属于村（社区）职责' } }, tokens.reviewer))
      .reviewApplication;
    expect(rejected.status).toBe('REVOKED');
    expect(rejected.approvalDocument.revokedAt).toBeTruthy();
  });
});

describe('concurrency and bad input', () => {
  it('lets exactly one of two simultaneous approvals win; the other gets CONFLICT', async () => {
    const created = (await ok(CREATE, { i: { ...baseInput(), title: '协助开展高龄津贴资格认证' } }, tokens.civil)).createApplication;
    await ok(SUBMIT, { id: created.id }, tokens.civil);
    await ok(START, { id: created.id }, tokens.reviewer);
    // Earlier items of the same department and category overlap it: the reviewers acknowledge that.
    const warnings = created.findings.filter((f: any) => f.severity === 'WARNING').map((f: any) => f.code);
    const [a, b] = await Promise.all([
      t.gql(REVIEW, { id: created.id, i: approve(warnings) }, { token: tokens.reviewer }),
      t.gql(REVIEW, { id: created.id, i: approve(warnings) }, { token: tokens.admin }),
    ]);
    const outcomes = [a, b].map((r) => (r.body.errors ? r.body.errors[0].extensions.code : r.body.data.reviewApplication.status)).sort();
    expect(outcomes).toEqual(['APPROVED', 'CONFLICT']);
    const rows = await t.orm.em
      .fork()
      .getConnection()
      .execute(
        `select (select count(*) from approval_document where application_id = ?) as docs, (select count(*) from review where application_id = ?) as reviews`,
        [Number(Buffer.from(created.id, 'base64url').toString().split(':')[1]), Number(Buffer.from(created.id, 'base64url').toString().split(':')[1])],
      );
    expect(rows[0]).toEqual({ docs: '1', reviews: '1' });
  });

  it('answers malformed input on every admission mutation with BAD_USER_INPUT and field details, and writes nothing', async () => {
    const created = (await ok(CREATE, { i: baseInput() }, tokens.civil)).createApplication;
    const count = async () =>
      (
        await t.orm.em
          .fork()
          .getConnection()
          .execute(
            `select (select count(*) from admission_application) + (select count(*) from review) + (select count(*) from committee_decision) + (select count(*) from audit_event) as n`,
          )
      )[0].n;
    const before = await count();
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [CREATE, { i: { ...baseInput(), title: 'x' } }, tokens.civil, 'title'],
      [CREATE, { i: { ...baseInput(), ledgers: [{ name: '台账', frequency: 'MONTHLY', minutesPerFiling: 0, format: 'PAPER' }] } }, tokens.civil, 'ledgers'],
      [CREATE, { i: { ...baseInput(), periodStart: '2026-13-45' } }, tokens.civil, 'periodStart'],
      [CREATE, { i: { ...baseInput(), periodStart: '2026-06-01', periodEnd: '2026-01-01' } }, tokens.civil, 'periodEnd'],
      [CREATE, { i: { ...baseInput(), scopeType: 'COMMUNITIES', communityIds: ['bogus'] } }, tokens.civil, 'communityIds.0'],
      [CREATE, { i: { ...baseInput(), emergency: true } }, tokens.civil, 'emergencyReason'],
      [
        `mutation($id: ID!, $i: ApplicationInput!) { updateApplication(id: $id, input: $i) { id } }`,
        { id: created.id, i: { ...baseInput(), fundingAmount: -5 } },
        tokens.civil,
        'fundingAmount',
      ],
      [`mutation($id: ID!) { withdrawApplication(id: $id, input: { reason: "" }) { id } }`, { id: created.id }, tokens.civil, 'reason'],
      [REVIEW, { id: created.id, i: { ...approve(), comment: 'x'.repeat(6000) } }, tokens.reviewer, 'comment'],
      [COMMITTEE, { id: created.id, i: { meeting: '会', meetingDate: 'tomorrow', decision: 'APPROVE' } }, tokens.secretary, 'meeting'],
      [`mutation($id: ID!) { revokeApplication(id: $id, input: { reason: "x" }) { id } }`, { id: created.id }, tokens.reviewer, 'reason'],
      [`mutation($id: ID!) { submitApplication(id: $id) { id } }`, { id: 'not-an-id' }, tokens.civil, 'id'],
    ];
    for (const [query, variables, token, field] of cases) {
      const e = await fails(query, variables, token);
      expect([e.extensions.code, field]).toEqual(['BAD_USER_INPUT', field]);
      expect(e.extensions.details.map((d: any) => d.field).some((f: string) => f.startsWith(field))).toBe(true);
    }
    expect(await count()).toBe(before);
  });
});
