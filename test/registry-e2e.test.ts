/**
 * The burden registry end to end, in a fresh test county: a community refuses an
 * unapproved task, the reviewer verifies it, an inspection records a finding against the
 * department, an interview is scheduled — and all of it shows in the department's
 * record. Then: an emergency entry that passes its approval deadline opens a
 * supervision case against its department, once.
 */
import { startTestApi, type TestApi } from './support/api';
import { client } from './support/client';
import { createTestCounty, TEST_PASSWORD, type TestCounty } from './support/county';
import { Region } from '../src/geography/region.entity';
import { Community } from '../src/geography/community.entity';
import { User } from '../src/auth/user.entity';
import { Role } from '../src/kernel/roles';
import { hashPassword } from '../src/auth/credentials';
import { fromGlobalId } from '../src/kernel/global-id';
import { flagOverdueEmergencies } from '../src/admission/service/schedules';
import { chinaDate } from '../src/kernel/dates';

let t: TestApi;
let c: TestCounty;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  c = await createTestCounty(t.orm, '511830', '试点县');
  const em = t.orm.em.fork();
  const hash = await hashPassword(TEST_PASSWORD);
  const county = await em.findOneOrFail(Region, { id: fromGlobalId(c.countyId).id });
  const [first, second] = await Promise.all(c.communities.slice(0, 2).map((x) => em.findOneOrFail(Community, { id: fromGlobalId(x.id).id })));
  em.create(User, { username: 't511830_worker', displayName: '红旗村 村干部', role: Role.COMMUNITY_USER, passwordHash: hash, community: first });
  em.create(User, { username: 't511830_worker2', displayName: '团结村 村干部', role: Role.COMMUNITY_USER, passwordHash: hash, community: second });
  em.create(User, { username: 't511830_inspector', displayName: '联合督查组 督查员', role: Role.INSPECTOR, passwordHash: hash, region: county });
  await em.flush();
  for (const [key, username] of Object.entries({ ...c.users, worker: 't511830_worker', worker2: 't511830_worker2', inspector: 't511830_inspector' })) {
    tokens[key] = await t.signIn(username, TEST_PASSWORD);
  }
});
afterAll(() => t.close());

const { ok, fails } = client(() => t);

const RECORD = `query($d: ID!) { departmentRecord(departmentId: $d) {
  department { name }
  summary { refusals verifiedRefusals findings openFindings interviews criticisms repeatOffender }
  refusals(first: 10) { totalCount nodes { id number status reasons taskTitle } }
  findings(first: 10) { totalCount nodes { id source category department { id } refusal { id } inspection { id mode } } }
  interviews(first: 10) { totalCount nodes { id status followUpDeadline findings { id } refusals { id status } } }
} }`;

describe('a community refuses an unapproved task; it ends in the department’s record', () => {
  let refusalId: string;
  let findingId: string;

  it('the community worker refuses the task, with reasons and evidence', async () => {
    const r = await ok(
      `mutation($i: RefusalInput!) { submitRefusal(input: $i) { id number status kind anonymous reasons taskDescription
         evidence { kind description reference } reporter { username } department { id } community { id } } }`,
      {
        i: {
          kind: 'REFUSAL',
          departmentId: c.departments.housing,
          taskTitle: '协助开展违法建筑拆除摸排',
          taskDescription: '县住建局在村工作群通知，要求一周内对违法建筑逐户摸排并配合拆除，没有批准文书。',
          taskReceivedOn: chinaDate(),
          reasons: ['NO_ADMISSION', 'NEGATIVE_LIST'],
          evidence: [{ kind: 'MESSAGE', description: '工作群通知截图', reference: '截图1.png' }],
        },
      },
      tokens.worker,
    );
    const refusal = r.submitRefusal;
    expect(refusal).toMatchObject({
      status: 'RECEIVED',
      kind: 'REFUSAL',
      anonymous: false,
      reasons: ['NO_ADMISSION', 'NEGATIVE_LIST'],
      reporter: { username: 't511830_worker' },
    });
    expect(refusal.number).toMatch(/^试拒〔\d{4}〕1号$/);
    expect(refusal.community.id).toBe(c.communities[0].id);
    expect(refusal.evidence).toEqual([{ kind: 'MESSAGE', description: '工作群通知截图', reference: '截图1.png' }]);
    refusalId = refusal.id;
  });

  it('reaches the county reviewers with its evidence; other communities do not see it', async () => {
    const q = `query { refusals(first: 10, filter: { status: [RECEIVED] }) { totalCount nodes { id evidence { description } } } }`;
    expect((await ok(q, {}, tokens.reviewer)).refusals.nodes.map((n: any) => n.id)).toEqual([refusalId]);
    expect((await ok(q, {}, tokens.worker)).refusals.totalCount).toBe(1);
    expect((await ok(q, {}, tokens.worker2)).refusals.totalCount).toBe(0);
    expect((await ok(q, {}, tokens.civil)).refusals.totalCount).toBe(0); // another department
    expect((await ok(q, {}, tokens.housing)).refusals.totalCount).toBe(1); // the department concerned
    // Another community's refusal does not exist for this worker.
    expect((await ok(`query($id: ID!) { refusal(id: $id) { taskDescription } }`, { id: refusalId }, tokens.worker2)).refusal).toBeNull();
  });

  it('a community worker cannot verify it; the reviewer verifies it (once)', async () => {
    const VERIFY = `mutation($id: ID!) { verifyRefusal(id: $id, input: { note: "经核实属实：未经准入，且属负面清单事项。" }) { status handledBy { username } handlingNote } }`;
    expect((await fails(VERIFY, { id: refusalId }, tokens.worker)).extensions.code).toBe('FORBIDDEN');
    const verified = (await ok(VERIFY, { id: refusalId }, tokens.reviewer)).verifyRefusal;
    expect(verified).toMatchObject({ status: 'VERIFIED', handledBy: { username: c.users.reviewer } });
    expect((await fails(VERIFY, { id: refusalId }, tokens.reviewer)).extensions.code).toBe('CONFLICT');
  });

  it('an unannounced joint inspection records a finding against the department, linked to the refusal', async () => {
    const inspection = (
      await ok(
        `mutation($i: InspectionInput!) { recordInspection(input: $i) { id mode jointTeam communities { id } departments { id } } }`,
        {
          i: {
            title: '村（社区）减负明察暗访',
            mode: 'UNANNOUNCED',
            leadUnit: '县委社会工作部',
            teamMembers: ['县委社会工作部', '县纪委监委'],
            conductedOn: chinaDate(),
            communityIds: [c.communities[0].id],
            departmentIds: [c.departments.housing],
          },
        },
        tokens.inspector,
      )
    ).recordInspection;
    expect(inspection).toMatchObject({ mode: 'UNANNOUNCED', jointTeam: true, departments: [{ id: c.departments.housing }] });
    const finding = (
      await ok(
        `mutation($i: SupervisionFindingInput!) { recordSupervisionFinding(input: $i) { id source category severity status repeat
           department { id } refusal { id } inspection { id } community { id } } }`,
        {
          i: {
            inspectionId: inspection.id,
            departmentId: c.departments.housing,
            category: 'NEGATIVE_LIST_WORK',
            severity: 'SERIOUS',
            description: '县住建局未经准入要求村协助违法建筑拆除摸排，村已依规拒绝执行。',
            refusalId,
            rectificationDeadline: chinaDate(new Date(Date.now() + 10 * 86_400_000)),
          },
        },
        tokens.inspector,
      )
    ).recordSupervisionFinding;
    expect(finding).toMatchObject({
      source: 'INSPECTION',
      status: 'OPEN',
      repeat: false,
      department: { id: c.departments.housing },
      refusal: { id: refusalId },
      community: { id: c.communities[0].id },
    });
    findingId = finding.id;
    // A finding against another department than the refusal's is bad input, and writes nothing.
    const wrong = await fails(
      `mutation($i: SupervisionFindingInput!) { recordSupervisionFinding(input: $i) { id } }`,
      { i: { departmentId: c.departments.civil, category: 'OTHER', description: '与该拒绝执行无关的部门', refusalId } },
      tokens.inspector,
    );
    expect(wrong.extensions.code).toBe('BAD_USER_INPUT');
    expect(wrong.extensions.details.map((d: any) => d.field)).toEqual(['refusalId']);
  });

  it('an interview of the department is scheduled; the refusal becomes DEPARTMENT_INTERVIEWED', async () => {
    const interview = (
      await ok(
        `mutation($i: InterviewInput!) { scheduleInterview(input: $i) { id status followUpDeadline followUpOverdue department { id } refusals { id status } findings { id } } }`,
        {
          i: {
            departmentId: c.departments.housing,
            scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
            place: '县委社会工作部会议室',
            interviewers: '县委社会工作部分管副部长',
            reason: '将负面清单事项未经准入下派村（社区）。',
            findingIds: [findingId],
            refusalIds: [refusalId],
            followUpDeadline: chinaDate(new Date(Date.now() + 30 * 86_400_000)),
          },
        },
        tokens.inspector,
      )
    ).scheduleInterview;
    expect(interview).toMatchObject({
      status: 'SCHEDULED',
      followUpOverdue: false,
      refusals: [{ id: refusalId, status: 'DEPARTMENT_INTERVIEWED' }],
      findings: [{ id: findingId }],
    });
  });

  it('the department’s record shows the refusal, the finding and the interview', async () => {
    const record = (await ok(RECORD, { d: c.departments.housing }, tokens.reviewer)).departmentRecord;
    expect(record.summary).toEqual({ refusals: 1, verifiedRefusals: 1, findings: 1, openFindings: 1, interviews: 1, criticisms: 0, repeatOffender: false });
    expect(record.refusals.nodes).toEqual([
      expect.objectContaining({ id: refusalId, status: 'DEPARTMENT_INTERVIEWED', reasons: ['NO_ADMISSION', 'NEGATIVE_LIST'] }),
    ]);
    expect(record.findings.nodes).toEqual([
      expect.objectContaining({
        id: findingId,
        source: 'INSPECTION',
        refusal: { id: refusalId },
        inspection: expect.objectContaining({ mode: 'UNANNOUNCED' }),
      }),
    ]);
    expect(record.interviews.nodes[0]).toMatchObject({
      status: 'SCHEDULED',
      findings: [{ id: findingId }],
      refusals: [{ id: refusalId, status: 'DEPARTMENT_INTERVIEWED' }],
    });
    // The department sees its own record, not another's; a community worker sees none.
    expect((await ok(RECORD, { d: c.departments.housing }, tokens.housing)).departmentRecord.summary.findings).toBe(1);
    expect((await fails(RECORD, { d: c.departments.civil }, tokens.housing)).extensions.code).toBe('FORBIDDEN');
    expect((await fails(RECORD, { d: c.departments.housing }, tokens.worker)).extensions.code).toBe('FORBIDDEN');
  });

  it('the interview is held, the department follows up and rectifies; supervision closes the finding', async () => {
    const interviewId = (await ok(`query { interviews(first: 1) { nodes { id } } }`, {}, tokens.inspector)).interviews.nodes[0].id;
    const FOLLOW = `mutation($id: ID!) { reportInterviewFollowUp(id: $id, input: { note: "已发文纠正，停止向村（社区）下派拆违任务。" }) { followUpReportedAt followUpOverdue } }`;
    expect((await fails(FOLLOW, { id: interviewId }, tokens.housing)).extensions.code).toBe('CONFLICT'); // not held yet
    const held = (
      await ok(
        `mutation($id: ID!) { recordInterviewHeld(id: $id, input: { outcome: "指出问题，责令一个月内整改并报送整改情况。" }) { status heldAt } }`,
        { id: interviewId },
        tokens.inspector,
      )
    ).recordInterviewHeld;
    expect(held.status).toBe('HELD');
    expect((await fails(FOLLOW, { id: interviewId }, tokens.civil)).extensions.code).toBe('NOT_FOUND'); // another department's: not in its view
    expect((await ok(FOLLOW, { id: interviewId }, tokens.housing)).reportInterviewFollowUp.followUpOverdue).toBe(false);
    const RECTIFY = `mutation($id: ID!) { reportRectification(id: $id, input: { note: "已撤回通知，拆违工作由执法部门负责。" }) { status rectifiedAt } }`;
    expect((await fails(RECTIFY, { id: findingId }, tokens.inspector)).extensions.code).toBe('FORBIDDEN');
    expect((await ok(RECTIFY, { id: findingId }, tokens.housing)).reportRectification.status).toBe('RECTIFIED');
    const closed = (
      await ok(
        `mutation($id: ID!) { closeSupervisionFinding(id: $id, input: { note: "经回访核实，整改到位，予以销号。" }) { status closedAt } }`,
        { id: findingId },
        tokens.inspector,
      )
    ).closeSupervisionFinding;
    expect(closed.status).toBe('CLOSED');
  });

  it('the same offence again is a repeat; the department is publicly criticised and listed among repeat offenders', async () => {
    const again = (
      await ok(
        `mutation($i: SupervisionFindingInput!) { recordSupervisionFinding(input: $i) { id source repeat previousFinding { id } } }`,
        {
          i: {
            departmentId: c.departments.housing,
            category: 'NEGATIVE_LIST_WORK',
            description: '县住建局再次要求村协助开展拆违巡查。',
            communityId: c.communities[1].id,
          },
        },
        tokens.reviewer,
      )
    ).recordSupervisionFinding;
    expect(again).toMatchObject({ source: 'OTHER', repeat: true, previousFinding: { id: findingId } });
    const ISSUE = `mutation($i: PublicCriticismInput!) { issuePublicCriticism(input: $i) { id documentNumber scope findings { id } followUpOverdue } }`;
    const input = {
      departmentId: c.departments.housing,
      documentNumber: '试社工通〔2026〕1号',
      issuedOn: chinaDate(),
      content: '县住建局一年内两次将拆违任务下派村（社区），予以通报批评。',
      findingIds: [findingId, again.id],
      followUpDeadline: chinaDate(new Date(Date.now() + 20 * 86_400_000)),
    };
    const wrong = await fails(ISSUE, { i: { ...input, departmentId: c.departments.civil } }, tokens.reviewer);
    expect(wrong.extensions.details.map((d: any) => d.field)).toEqual(['findingIds.0', 'findingIds.1']);
    const criticism = (await ok(ISSUE, { i: input }, tokens.reviewer)).issuePublicCriticism;
    expect(criticism).toMatchObject({ scope: 'COUNTY', findings: [{ id: findingId }, { id: again.id }], followUpOverdue: false });
    expect((await fails(ISSUE, { i: input }, tokens.reviewer)).extensions.code).toBe('CONFLICT');
    expect(
      (
        await ok(
          `mutation($id: ID!) { reportCriticismFollowUp(id: $id, input: { note: "已开展作风整顿。" }) { followUpNote } }`,
          { id: criticism.id },
          tokens.housing,
        )
      ).reportCriticismFollowUp.followUpNote,
    ).toBe('已开展作风整顿。');
    const offenders = (
      await ok(
        `query($c: ID!) { repeatOffenders(countyId: $c) { department { id } findings repeatFindings interviews criticisms } }`,
        { c: c.countyId },
        tokens.inspector,
      )
    ).repeatOffenders;
    expect(offenders).toEqual([{ department: { id: c.departments.housing }, findings: 2, repeatFindings: 1, interviews: 1, criticisms: 1 }]);
    const record = (await ok(RECORD, { d: c.departments.housing }, tokens.reviewer)).departmentRecord;
    expect(record.summary).toMatchObject({ findings: 2, openFindings: 1, criticisms: 1, repeatOffender: true });
  });

  it('a report found untrue is dismissed, and cannot then be raised against the department', async () => {
    const r = (
      await ok(
        `mutation($i: RefusalInput!) { submitRefusal(input: $i) { id } }`,
        {
          i: {
            kind: 'REFUSAL',
            departmentId: c.departments.civil,
            taskTitle: '低保年审入户核查',
            taskDescription: '民政局要求协助低保年审入户核查。',
            reasons: ['NO_ADMISSION'],
          },
        },
        tokens.worker,
      )
    ).submitRefusal;
    const dismissed = (
      await ok(
        `mutation($id: ID!) { dismissRefusal(id: $id, input: { note: "该事项属协助办理清单事项，已准入。" }) { status handlingNote } }`,
        { id: r.id },
        tokens.inspector,
      )
    ).dismissRefusal;
    expect(dismissed.status).toBe('DISMISSED');
    const raised = await fails(
      `mutation($i: SupervisionFindingInput!) { recordSupervisionFinding(input: $i) { id } }`,
      { i: { departmentId: c.departments.civil, category: 'UNAPPROVED_TASK', description: '据举报未经准入派任务。', refusalId: r.id } },
      tokens.inspector,
    );
    expect(raised.extensions.details).toEqual([expect.objectContaining({ field: 'refusalId' })]);
    const interview = await fails(
      `mutation($i: InterviewInput!) { scheduleInterview(input: $i) { id } }`,
      {
        i: {
          departmentId: c.departments.civil,
          scheduledAt: new Date().toISOString(),
          place: '会议室',
          interviewers: '县委社会工作部',
          reason: '据举报未经准入派任务。',
          refusalIds: [r.id],
          followUpDeadline: chinaDate(),
        },
      },
      tokens.inspector,
    );
    expect(interview.extensions.details.map((d: any) => d.field)).toEqual(['refusalIds.0']);
  });

  it('every step is in the audit trail, in the same order', async () => {
    const trail = (await ok(`query($id: ID!) { auditTrail(recordId: $id) { action actorUsername } }`, { id: refusalId }, tokens.reviewer)).auditTrail;
    expect(trail.map((e: any) => [e.action, e.actorUsername])).toEqual([
      ['refusal.submit', 't511830_worker'],
      ['refusal.verify', c.users.reviewer],
      ['refusal.interviewed', 't511830_inspector'],
    ]);
  });

  it('an anonymous report keeps no trace of who made it', async () => {
    const r = (
      await ok(
        `mutation($i: RefusalInput!) { submitRefusal(input: $i) { id anonymous reporter { username } } }`,
        {
          i: {
            kind: 'REPORT',
            anonymous: true,
            departmentId: c.departments.emergency,
            taskTitle: '安全生产检查任务下派到村',
            taskDescription: '要求村干部每周对辖区企业开展安全生产检查并拍照上报。',
            reasons: ['NEGATIVE_LIST'],
            evidence: [],
          },
        },
        tokens.worker,
      )
    ).submitRefusal;
    expect(r).toMatchObject({ anonymous: true, reporter: null });
    const trail = (await ok(`query($id: ID!) { auditTrail(recordId: $id) { action actorUsername after } }`, { id: r.id }, tokens.reviewer)).auditTrail;
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'report.submit', actorUsername: null });
    expect(trail[0].after.reporter ?? null).toBeNull();
    // A refusal (not a report) cannot be anonymous.
    const bad = await fails(
      `mutation($i: RefusalInput!) { submitRefusal(input: $i) { id } }`,
      { i: { kind: 'REFUSAL', anonymous: true, taskTitle: '某任务', taskDescription: '某任务的内容说明。', reasons: ['NO_ADMISSION'] } },
      tokens.worker,
    );
    expect(bad.extensions.details.map((d: any) => d.field)).toEqual(['anonymous']);
  });
});

describe('an emergency entry past its approval deadline opens a supervision case', () => {
  it('flags it, opens one case against the department, and not twice', async () => {
    const created = (
      await ok(
        `mutation($i: ApplicationInput!) { createApplication(input: $i) { id number } }`,
        {
          i: {
            title: '协助开展暴雨灾后困难群众排查',
            description: '暴雨过后协助民政部门入户排查受灾困难群众基本生活情况。',
            kind: 'TEMPORARY',
            category: 'SOCIAL_ASSISTANCE',
            legalBasis: ['《社会救助暂行办法》'],
            scopeType: 'COMMUNITIES',
            communityIds: [c.communities[0].id],
            periodStart: chinaDate(),
            fundingAmount: 5000,
            emergency: true,
            emergencyReason: '暴雨红色预警',
          },
        },
        tokens.civil,
      )
    ).createApplication;
    expect((await ok(`mutation($id: ID!) { declareEmergencyEntry(id: $id) { status } }`, { id: created.id }, tokens.civil)).declareEmergencyEntry.status).toBe(
      'EMERGENCY_IN_EFFECT',
    );
    await t.orm.em
      .fork()
      .getConnection()
      .execute(`update admission_application set approval_deadline = now() - interval '1 hour' where number = ?`, [created.number]);

    const Q = `query($d: ID!) { supervisionFindings(first: 5, filter: { source: EMERGENCY_OVERDUE, departmentId: $d }) { totalCount nodes { source category status rectificationDeadline application { id } department { id } } } }`;
    expect((await ok(Q, { d: c.departments.civil }, tokens.reviewer)).supervisionFindings.totalCount).toBe(0);
    const flagged = await flagOverdueEmergencies(t.orm.em.fork());
    expect(flagged.map((a) => a.number)).toContain(created.number);
    const cases = (await ok(Q, { d: c.departments.civil }, tokens.reviewer)).supervisionFindings;
    expect(cases.totalCount).toBe(1);
    expect(cases.nodes[0]).toMatchObject({
      source: 'EMERGENCY_OVERDUE',
      category: 'EMERGENCY_OVERDUE',
      status: 'OPEN',
      application: { id: created.id },
      department: { id: c.departments.civil },
    });
    expect(cases.nodes[0].rectificationDeadline >= chinaDate()).toBe(true);

    await flagOverdueEmergencies(t.orm.em.fork());
    expect((await ok(Q, { d: c.departments.civil }, tokens.reviewer)).supervisionFindings.totalCount).toBe(1);
    const record = (
      await ok(`query($d: ID!) { departmentRecord(departmentId: $d) { summary { findings openFindings } } }`, { d: c.departments.civil }, tokens.civil)
    ).departmentRecord;
    expect(record.summary).toEqual({ findings: 1, openFindings: 1 });
    const trail = (
      await ok(`query { auditEvents(first: 5, filter: { action: "supervisionFinding.open" }) { nodes { actorUsername comment } } }`, {}, tokens.reviewer)
    ).auditEvents.nodes;
    expect(trail[0]).toMatchObject({ actorUsername: null });
  });
});
