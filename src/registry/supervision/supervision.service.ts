/**
 * Supervision (监督管理): inspections by joint teams, announced or not (明察暗访);
 * findings against departments (from inspections, verified refusals, overdue emergency
 * entries); interviews (约谈) and public criticism (通报批评) with follow-up deadlines; and
 * repeat offences. Nothing here scores communities: there is no evaluation with a
 * one-vote veto anywhere in the registry.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../../auth';
import { audit, changeRecord, snapshot } from '../../kernel/mutation';
import { FINDING_LIFECYCLE, INTERVIEW_LIFECYCLE } from './supervision.lifecycle';
import { Community } from '../../geography';
import { Region, RegionLevel } from '../../geography';
import { Department } from '../../organisation';
import { AdmissionApplication } from '../../admission';
import type { Context } from '../../kernel/context';
import { badInput, conflict } from '../../kernel/errors';
import { addWorkingDays, chinaDate } from '../../kernel/dates';
import { actorScope } from '../../kernel/context';
import { assertCountyRole, assertDepartmentOrCounty } from '../../kernel/jurisdiction';
import { SUPERVISORS } from '../../kernel/roles';
import { decodeId, loadReferenced, loadTarget, Problems } from '../../kernel/input';
import { Refusal } from '../refusals/refusal.entity';
import { Inspection, Interview, PublicCriticism, SupervisionFinding } from './supervision.entity';
import { FindingCategory, FindingSeverityLevel, FindingSource } from './supervision.enums';
import { RefusalStatus } from '../refusals/refusal.enums';
import { markInterviewed } from '../refusals/refusal.service';
import type { InspectionInput, InterviewHeldInput, InterviewInput, PublicCriticismInput, SupervisionFindingInput } from './supervision.inputs';
import type { NoteInput } from '../../kernel/note.input';

const YEAR_MS = 365 * 86_400_000;

/** Decodes ids of `type` and checks each row exists and passes `ok`; problems per index. */
async function idsOf<T extends { id: number }>(
  em: EntityManager,
  problems: Problems,
  entity: new () => T,
  type: string,
  field: string,
  globalIds: string[],
  ok: (row: T) => string | null,
): Promise<T[]> {
  const ids = globalIds.map((g, i) => decodeId(problems, g, type, `${field}.${i}`));
  const rows = ids.some((id) => id > 0) ? ((await em.find(entity as never, { id: { $in: ids.filter((id) => id > 0) } } as never)) as T[]) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    if (id <= 0) return;
    const row = byId.get(id);
    const why = row ? ok(row) : '不存在';
    if (why) problems.add(`${field}.${i}`, why, why === '不存在' ? 'not found' : 'not allowed here');
    if (ids.indexOf(id) !== i) problems.add(`${field}.${i}`, '重复', 'duplicate');
  });
  return rows;
}

/** The county an actor names or works in. */
async function countyFor(em: EntityManager, countyGlobalId: string | null | undefined, scopeCountyId: number | null): Promise<number> {
  if (countyGlobalId) {
    const county = await loadReferenced(em, Region, countyGlobalId, 'Region', 'countyId', ['该县', 'County']);
    if (county.level !== RegionLevel.COUNTY)
      throw badInput('只能是县', 'Only a county', [{ field: 'countyId', message: '不是县级区划', messageEn: 'not a county' }]);
    return county.id;
  }
  if (scopeCountyId) return scopeCountyId;
  throw badInput('请指定县', 'Give the county', [{ field: 'countyId', message: '必填', messageEn: 'required' }]);
}

export async function recordInspection(ctx: Context, input: InspectionInput): Promise<Inspection> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const countyId = await countyFor(em, input.countyId, scope.countyId);
    assertCountyRole(scope, countyId, SUPERVISORS);
    const problems = new Problems();
    if (input.endedOn && input.endedOn < input.conductedOn) problems.add('endedOn', '结束日期不能早于督查日期', 'endedOn is before conductedOn');
    const communities = await idsOf(em, problems, Community, 'Community', 'communityIds', input.communityIds, (c) =>
      c.county.id === countyId ? null : '不是本县的村（社区）',
    );
    const departments = await idsOf(em, problems, Department, 'Department', 'departmentIds', input.departmentIds, (d) =>
      d.region.id === countyId ? null : '不是本县的部门',
    );
    problems.throwIfAny('督查内容有误', 'Invalid inspection');
    const inspection = em.create(Inspection, {
      county: countyId,
      title: input.title.trim(),
      mode: input.mode,
      jointTeam: input.jointTeam,
      leadUnit: input.leadUnit.trim(),
      teamMembers: input.teamMembers.map((m) => m.trim()).filter(Boolean),
      conductedOn: input.conductedOn,
      endedOn: input.endedOn ?? null,
      communityIds: communities.map((c) => c.id),
      departmentIds: departments.map((d) => d.id),
      summary: input.summary?.trim() || null,
      recordedBy: em.getReference(User, scope.userId),
    });
    await em.flush();
    await audit(em, ctx, { action: 'inspection.create', entity: inspection, after: snapshot(inspection), countyId });
    await em.flush();
    return inspection;
  });
}

/** The department's latest finding of the same category within a year, if any (屡犯). */
async function previousOffence(em: EntityManager, departmentId: number, category: FindingCategory, now: Date): Promise<SupervisionFinding | null> {
  return em.findOne(
    SupervisionFinding,
    { department: departmentId, category, foundAt: { $gte: new Date(now.getTime() - YEAR_MS) } },
    { orderBy: { foundAt: 'desc', id: 'desc' } },
  );
}

export async function recordSupervisionFinding(ctx: Context, input: SupervisionFindingInput): Promise<SupervisionFinding> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const department = await loadReferenced(em, Department, input.departmentId, 'Department', 'departmentId', ['该部门', 'Department']);
    const countyId = department.region.id;
    assertCountyRole(scope, countyId, SUPERVISORS);
    const problems = new Problems();
    const load = async <T extends object>(
      entity: new () => T,
      type: string,
      field: string,
      globalId: string | null | undefined,
      check: (row: T) => string | null,
    ): Promise<T | null> => {
      if (!globalId) return null;
      const id = decodeId(problems, globalId, type, field);
      if (id <= 0) return null;
      const row = (await em.findOne(entity as never, { id } as never)) as T | null;
      const why = row ? check(row) : '不存在';
      if (why) problems.add(field, why, why === '不存在' ? 'not found' : 'not allowed here');
      return row;
    };
    const inspection = await load(Inspection, 'Inspection', 'inspectionId', input.inspectionId, (i) => (i.county.id === countyId ? null : '不是本县的督查'));
    const application = await load(AdmissionApplication, 'AdmissionApplication', 'applicationId', input.applicationId, (a) =>
      a.county.id !== countyId ? '不是本县的准入申请' : a.department.id !== department.id ? '该申请不是该部门的' : null,
    );
    const refusal = await load(Refusal, 'Refusal', 'refusalId', input.refusalId, (r) =>
      r.county.id !== countyId
        ? '不是本县的拒绝执行或举报'
        : r.status === RefusalStatus.DISMISSED
          ? '该拒绝执行或举报经核实不属实'
          : r.department && r.department.id !== department.id
            ? '该拒绝执行或举报涉及的是其他部门'
            : null,
    );
    const community = await load(Community, 'Community', 'communityId', input.communityId, (c) => (c.county.id === countyId ? null : '不是本县的村（社区）'));
    problems.throwIfAny('督查发现内容有误', 'Invalid finding');
    const now = new Date();
    const previous = await previousOffence(em, department.id, input.category, now);
    const finding = em.create(SupervisionFinding, {
      county: countyId,
      inspection,
      source: inspection ? FindingSource.INSPECTION : refusal ? FindingSource.REFUSAL : FindingSource.OTHER,
      category: input.category,
      severity: input.severity,
      department,
      application,
      refusal,
      community: community ?? (refusal ? refusal.community.id : null),
      description: input.description.trim(),
      rectificationDeadline: input.rectificationDeadline ?? null,
      repeat: !!previous,
      previousFinding: previous,
      foundAt: now,
      recordedBy: em.getReference(User, scope.userId),
    });
    await em.flush();
    await audit(em, ctx, { action: 'supervisionFinding.create', entity: finding, after: snapshot(finding), countyId });
    await em.flush();
    return finding;
  });
}

/**
 * Called by the overdue-emergency job inside its transaction: opens a supervision case
 * (a finding with source EMERGENCY_OVERDUE) against the department, once per application.
 */
export async function openEscalationFinding(em: EntityManager, app: AdmissionApplication, now = new Date()): Promise<SupervisionFinding | null> {
  if (await em.count(SupervisionFinding, { application: app.id, source: FindingSource.EMERGENCY_OVERDUE })) return null;
  const previous = await previousOffence(em, app.department.id, FindingCategory.EMERGENCY_OVERDUE, now);
  const finding = em.create(SupervisionFinding, {
    county: app.county.id,
    source: FindingSource.EMERGENCY_OVERDUE,
    category: FindingCategory.EMERGENCY_OVERDUE,
    severity: FindingSeverityLevel.GENERAL,
    department: app.department.id,
    application: app,
    description: `紧急事项“${app.title}”（${app.number}）先进后批，补批截止 ${app.approvalDeadline ? chinaDate(app.approvalDeadline) : '—'} 仍未获批准，系统自动提请督查。`,
    rectificationDeadline: chinaDate(addWorkingDays(now, 5)),
    repeat: !!previous,
    previousFinding: previous,
    foundAt: now,
  });
  await em.flush();
  await audit(
    em,
    { actor: null },
    { action: 'supervisionFinding.open', entity: finding, after: snapshot(finding), comment: '紧急事项逾期未补批，自动立案督办', countyId: app.county.id },
  );
  return finding;
}

const FINDING = ['该督查发现', 'Supervision finding'] as const;
const INTERVIEW = ['该约谈', 'Interview'] as const;

/** The department reports what it did about a finding. */
export async function reportRectification(ctx: Context, id: string, input: NoteInput): Promise<SupervisionFinding> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, SupervisionFinding, id, {
    what: FINDING,
    action: 'supervisionFinding.rectify',
    access: (f) => assertDepartmentOrCounty(scope, f.department.id, f.county.id, []),
    lifecycle: { machine: FINDING_LIFECYCLE, action: 'rectify' },
    apply: (f) => void Object.assign(f, { rectificationNote: input.note.trim(), rectifiedAt: new Date() }),
    comment: input.note,
    county: (f) => f.county.id,
  });
}

/** Supervision closes a finding (销号). */
export async function closeSupervisionFinding(ctx: Context, id: string, input: NoteInput): Promise<SupervisionFinding> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, SupervisionFinding, id, {
    what: FINDING,
    action: 'supervisionFinding.close',
    access: (f) => assertCountyRole(scope, f.county.id, SUPERVISORS),
    lifecycle: { machine: FINDING_LIFECYCLE, action: 'close' },
    apply: (f) => void Object.assign(f, { closeNote: input.note.trim(), closedAt: new Date() }),
    comment: input.note,
    county: (f) => f.county.id,
  });
}

/**
 * Schedules an interview of a department (约谈) about its findings and the refusals or
 * reports about it; verified refusals become DEPARTMENT_INTERVIEWED.
 */
export async function scheduleInterview(ctx: Context, input: InterviewInput): Promise<Interview> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const department = await loadReferenced(em, Department, input.departmentId, 'Department', 'departmentId', ['该部门', 'Department']);
    const countyId = department.region.id;
    assertCountyRole(scope, countyId, SUPERVISORS);
    const problems = new Problems();
    if (input.followUpDeadline < chinaDate(input.scheduledAt))
      problems.add('followUpDeadline', '整改期限不能早于约谈日期', 'The follow-up deadline is before the interview');
    const findings = await idsOf(em, problems, SupervisionFinding, 'SupervisionFinding', 'findingIds', input.findingIds, (f) =>
      f.department.id === department.id ? null : '不是该部门的督查发现',
    );
    const refusals = await idsOf(em, problems, Refusal, 'Refusal', 'refusalIds', input.refusalIds, (r) =>
      r.county.id !== countyId || (r.department && r.department.id !== department.id)
        ? '不是涉及该部门的拒绝执行或举报'
        : r.status === RefusalStatus.RECEIVED
          ? '须先核实'
          : r.status === RefusalStatus.DISMISSED
            ? '经核实不属实'
            : null,
    );
    if (!findings.length && !refusals.length) problems.add('findingIds', '约谈须针对至少一项督查发现或拒绝执行、举报', 'Name at least one finding or refusal');
    problems.throwIfAny('约谈内容有误', 'Invalid interview');
    await em.find(Refusal, { id: { $in: refusals.map((r) => r.id) } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const interview = em.create(Interview, {
      county: countyId,
      department,
      scheduledAt: input.scheduledAt,
      place: input.place.trim(),
      interviewers: input.interviewers.trim(),
      reason: input.reason.trim(),
      findingIds: findings.map((f) => f.id),
      refusalIds: refusals.map((r) => r.id),
      followUpDeadline: input.followUpDeadline,
      scheduledBy: em.getReference(User, scope.userId),
    });
    await em.flush();
    await audit(em, ctx, { action: 'interview.schedule', entity: interview, after: snapshot(interview), comment: input.reason, countyId });
    await markInterviewed(em, ctx, refusals, interview.id);
    await em.flush();
    return interview;
  });
}

export async function recordInterviewHeld(ctx: Context, id: string, input: InterviewHeldInput): Promise<Interview> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, Interview, id, {
    what: INTERVIEW,
    action: 'interview.hold',
    access: (i) => assertCountyRole(scope, i.county.id, SUPERVISORS),
    lifecycle: { machine: INTERVIEW_LIFECYCLE, action: 'hold' },
    apply: (i) => void Object.assign(i, { heldAt: input.heldAt ?? new Date(), outcome: input.outcome.trim() }),
    county: (i) => i.county.id,
  });
}

export async function cancelInterview(ctx: Context, id: string, input: NoteInput): Promise<Interview> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, Interview, id, {
    what: INTERVIEW,
    action: 'interview.cancel',
    access: (i) => assertCountyRole(scope, i.county.id, SUPERVISORS),
    lifecycle: { machine: INTERVIEW_LIFECYCLE, action: 'cancel' },
    apply: (i) => void Object.assign(i, { outcome: input.note.trim() }),
    comment: input.note,
    county: (i) => i.county.id,
  });
}

/** The department reports its follow-up after an interview. */
export async function reportInterviewFollowUp(ctx: Context, id: string, input: NoteInput): Promise<Interview> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, Interview, id, {
    what: INTERVIEW,
    action: 'interview.followUp',
    access: (i) => assertDepartmentOrCounty(scope, i.department.id, i.county.id, []),
    lifecycle: { machine: INTERVIEW_LIFECYCLE, action: 'followUp' },
    check: (i) => {
      if (i.followUpReportedAt) throw conflict('已报送整改落实情况', 'Follow-up already reported');
    },
    apply: (i) => void Object.assign(i, { followUpReportedAt: new Date(), followUpNote: input.note.trim() }),
    comment: input.note,
    county: (i) => i.county.id,
  });
}

/** Public criticism (通报批评) of a department, naming its findings. */
export async function issuePublicCriticism(ctx: Context, input: PublicCriticismInput): Promise<PublicCriticism> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const department = await loadReferenced(em, Department, input.departmentId, 'Department', 'departmentId', ['该部门', 'Department']);
    const countyId = department.region.id;
    assertCountyRole(scope, countyId, SUPERVISORS);
    const problems = new Problems();
    if (input.followUpDeadline < input.issuedOn) problems.add('followUpDeadline', '整改期限不能早于通报日期', 'The follow-up deadline is before the criticism');
    const findings = await idsOf(em, problems, SupervisionFinding, 'SupervisionFinding', 'findingIds', input.findingIds, (f) =>
      f.department.id === department.id ? null : '不是该部门的督查发现',
    );
    problems.throwIfAny('通报内容有误', 'Invalid criticism');
    const documentNumber = input.documentNumber.trim();
    if (await em.count(PublicCriticism, { county: countyId, documentNumber }))
      throw conflict(`通报文号 ${documentNumber} 已存在`, 'The document number exists');
    const criticism = em.create(PublicCriticism, {
      county: countyId,
      department,
      documentNumber,
      scope: input.scope,
      issuedOn: input.issuedOn,
      content: input.content.trim(),
      findingIds: findings.map((f) => f.id),
      followUpDeadline: input.followUpDeadline,
      issuedBy: em.getReference(User, scope.userId),
    });
    await em.flush();
    await audit(em, ctx, { action: 'publicCriticism.issue', entity: criticism, after: snapshot(criticism), countyId });
    await em.flush();
    return criticism;
  });
}

export async function reportCriticismFollowUp(ctx: Context, id: string, input: NoteInput): Promise<PublicCriticism> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const c = await loadTarget(em, PublicCriticism, id, 'PublicCriticism', ['该通报批评', 'Public criticism'], { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertDepartmentOrCounty(scope, c.department.id, c.county.id, []);
    if (c.followUpReportedAt) throw conflict('已报送整改落实情况', 'Follow-up already reported');
    const before = snapshot(c);
    Object.assign(c, { followUpReportedAt: new Date(), followUpNote: input.note.trim() });
    await audit(em, ctx, { action: 'publicCriticism.followUp', entity: c, before, after: snapshot(c), comment: input.note, countyId: c.county.id });
    await em.flush();
    return c;
  });
}

export interface OffenderRow {
  departmentId: number;
  findings: number;
  repeatFindings: number;
  interviews: number;
  criticisms: number;
  lastFoundAt: Date;
}

/**
 * Departments with repeat offences in a county since `since`: at least `minFindings`
 * findings (or any repeat finding), with their interviews and criticisms. Most first.
 */
export async function repeatOffenders(em: EntityManager, countyId: number, since: Date, minFindings: number): Promise<OffenderRow[]> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- MikroORM types the transaction context as any
  const tx = em.getTransactionContext();
  const rows: Array<{ department_id: number; findings: string; repeats: string; last: Date; interviews: string; criticisms: string }> = await em
    .getConnection()
    .execute(
      `select f.department_id, count(*) as findings, count(*) filter (where f.repeat) as repeats, max(f.found_at) as last,
            (select count(*) from interview i where i.department_id = f.department_id and i.status <> 'CANCELLED' and i.scheduled_at >= ?) as interviews,
            (select count(*) from public_criticism p where p.department_id = f.department_id and p.issued_on >= ?) as criticisms
       from supervision_finding f
      where f.county_id = ? and f.found_at >= ?
      group by f.department_id
     having count(*) >= ? or count(*) filter (where f.repeat) > 0
      order by count(*) desc, max(f.found_at) desc, f.department_id`,
      [since, chinaDate(since), countyId, since, minFindings],
      'all',
      tx,
    );
  return rows.map((r) => ({
    departmentId: r.department_id,
    findings: Number(r.findings),
    repeatFindings: Number(r.repeats),
    interviews: Number(r.interviews),
    criticisms: Number(r.criticisms),
    lastFoundAt: new Date(r.last),
  }));
}
