import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import type { Context } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound, type FieldProblem } from '../../kernel/errors';
import { fromGlobalId, toGlobalId } from '../../kernel/global-id';
import { chinaDate, chinaYear } from '../../kernel/dates';
import { nextSequenceValue } from '../../kernel/document-sequence.entity';
import { audit, snapshot } from '../../kernel/mutation';
import { Region, RegionLevel } from '../../geography';
import { Community } from '../../geography';
import { countyPrefix } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { AdmissionApplication } from '../entity/application.entity';
import { CommitteeDecision, Review } from '../entity/review.entity';
import type { ApplicationInput, CommitteeDecisionInput, ReviewInput } from '../api/application.inputs';
import { ApplicationKind, ApplicationStatus as S, Recommendation, ScopeType } from '../enums';
import { WORKFLOW, doerOf, type Action, type TransitionOptions, type Who } from './workflow';

export type { TransitionOptions };
import { estimateBurden } from '../burden';
import { hasBlocking, loadRuleContext, runRules } from '../engine';
import type { ApplicationFacts, Finding } from '../rules';

/** Who did it, for the audit trail. */

export function factsOf(app: AdmissionApplication): ApplicationFacts {
  return {
    id: app.id ?? null,
    title: app.title,
    description: app.description,
    kind: app.kind,
    category: app.category,
    listItemId: app.listItemId ?? null,
    legalBasis: app.legalBasis,
    fundingAmount: Number(app.fundingAmount),
    ledgers: app.ledgers,
    dataElementCodes: app.dataElementCodes,
    wantsTerminal: app.wantsTerminal,
    wantsApp: app.wantsApp,
    appName: app.appName ?? null,
    integratedWithPlatform: app.integratedWithPlatform,
    certificates: app.certificates,
    evaluation: app.evaluation ?? null,
    oneVoteVeto: app.oneVoteVeto,
    requiresQualification: app.requiresQualification,
    requiresEnforcementPower: app.requiresEnforcementPower,
    departmentId: app.department.id,
    communityIds: app.communityIds,
    // the full estimate (ledgers, meetings, inspections, data entry): what the budget rule counts
    burdenHoursPerYear: app.burden?.hoursPerYear ?? null,
    periodStart: app.periodStart,
    periodEnd: app.periodEnd ?? null,
    today: chinaDate(),
    personnelSupport: app.personnelSupport ?? null,
    trainingSupport: app.trainingSupport ?? null,
    fundingFlow: app.fundingFlow ?? null,
    lastBlocked: app.blockedVersions?.length ? app.blockedVersions[app.blockedVersions.length - 1] : null,
  };
}

import { DEFAULT_RULE_SETTINGS, ruleSettingsOf, type RuleSettings } from './rule-settings';

export { ruleSettingsOf, type RuleSettings };

/** Runs the rules on an application and stores the findings on it. */
export async function checkRules(em: EntityManager, app: AdmissionApplication, settings: RuleSettings = DEFAULT_RULE_SETTINGS): Promise<Finding[]> {
  const facts = factsOf(app);
  const findings = runRules(facts, await loadRuleContext(em, app.county.id, facts, settings));
  app.findings = findings;
  app.hasBlockingFindings = hasBlocking(findings);
  app.checkedAt = new Date();
  return findings;
}

/**
 * Resolves the application's target area (its declared `scopeType` and townships or
 * communities: 实施范围) to the county's community ids; bad ids are field errors. Not to be
 * confused with the actor's Scope (src/kernel/context.ts).
 */
async function resolveTargetArea(
  em: EntityManager,
  countyId: number,
  input: ApplicationInput,
): Promise<{ townshipIds: number[]; declaredCommunityIds: number[]; communityIds: number[] }> {
  const problems: FieldProblem[] = [];
  const decode = (ids: string[], type: string, field: string) =>
    ids.map((id, i) => {
      try {
        return fromGlobalId(id, type, `${field}.${i}`).id;
      } catch {
        problems.push({ field: `${field}.${i}`, message: `无效的${type} ID`, messageEn: `Invalid ${type} ID` });
        return -1;
      }
    });
  if (input.scopeType === ScopeType.COUNTY) {
    const rows = await em.find(Community, { county: countyId }, { fields: ['id'] });
    return { townshipIds: [], declaredCommunityIds: [], communityIds: rows.map((c) => c.id) };
  }
  if (input.scopeType === ScopeType.TOWNSHIPS) {
    const ids = decode(input.townshipIds, 'Region', 'townshipIds');
    if (!ids.length) problems.push({ field: 'townshipIds', message: '请至少选择一个乡镇（街道）', messageEn: 'Choose at least one township' });
    const townships = await em.find(Region, { id: { $in: ids }, level: RegionLevel.TOWNSHIP, parent: countyId });
    ids.forEach((id, i) => {
      if (id > 0 && !townships.some((t) => t.id === id))
        problems.push({ field: `townshipIds.${i}`, message: '不是本县的乡镇（街道）', messageEn: 'Not a township of this county' });
    });
    if (problems.length) throw badInput('实施范围无效', 'Invalid scope', problems);
    const rows = await em.find(Community, { township: { $in: ids } }, { fields: ['id'] });
    return { townshipIds: ids, declaredCommunityIds: [], communityIds: rows.map((c) => c.id) };
  }
  const ids = decode(input.communityIds, 'Community', 'communityIds');
  if (!ids.length) problems.push({ field: 'communityIds', message: '请至少选择一个村（社区）', messageEn: 'Choose at least one community' });
  const found = await em.find(Community, { id: { $in: ids }, county: countyId }, { fields: ['id'] });
  ids.forEach((id, i) => {
    if (id > 0 && !found.some((c) => c.id === id))
      problems.push({ field: `communityIds.${i}`, message: '不是本县的村（社区）', messageEn: 'Not a community of this county' });
  });
  if (problems.length) throw badInput('实施范围无效', 'Invalid scope', problems);
  return { townshipIds: [], declaredCommunityIds: [...new Set(ids)], communityIds: [...new Set(ids)] };
}

function checkInput(input: ApplicationInput): void {
  const problems: FieldProblem[] = [];
  if (input.periodEnd && input.periodEnd < input.periodStart) {
    problems.push({ field: 'periodEnd', message: '截止日期不能早于起始日期', messageEn: 'periodEnd is before periodStart' });
  }
  if (input.emergency && !input.emergencyReason?.trim()) {
    problems.push({ field: 'emergencyReason', message: '紧急事项须说明紧急理由', messageEn: 'An emergency needs a reason' });
  }
  input.ledgers.forEach((l, i) => {
    if (l.frequency === 'AD_HOC' && !l.expectedPerYear) {
      problems.push({
        field: `ledgers.${i}.expectedPerYear`,
        message: '不定期台账须填写每年预计次数',
        messageEn: 'Ad hoc ledgers need an expected count a year',
      });
    }
  });
  if (problems.length) throw badInput('申请内容不完整或有误', 'The application has invalid fields', problems);
}

/** Most blocked versions kept per application. */
const BLOCKED_VERSIONS_KEPT = 10;

/**
 * Before an edit replaces the text of a blocked application, keep that text and its
 * blocking findings: REWORDED_AFTER_BLOCK shows them to the reviewer with a diff.
 */
function rememberBlockedText(app: AdmissionApplication, input: ApplicationInput): void {
  if (!app.hasBlockingFindings) return;
  const same = app.title === input.title.trim() && app.description === input.description.trim() && (app.evaluation ?? null) === (input.evaluation ?? null);
  if (same) return;
  const blocking = app.findings.filter((f) => f.severity === 'BLOCKING');
  const entry = {
    at: new Date().toISOString(),
    title: app.title,
    description: app.description,
    evaluation: app.evaluation ?? null,
    findings: blocking.map((f) => ({ code: f.code, message: f.message, evidence: f.evidence.map((e) => e.label).slice(0, 5) })),
  };
  app.blockedVersions = [...(app.blockedVersions ?? []), entry].slice(-BLOCKED_VERSIONS_KEPT);
}

/** Writes the declared content of `input` onto `app` (scope resolved, burden estimated). */
async function applyInput(
  em: EntityManager,
  app: AdmissionApplication,
  input: ApplicationInput,
  settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): Promise<void> {
  checkInput(input);
  rememberBlockedText(app, input);
  const area = await resolveTargetArea(em, app.county.id, input);
  Object.assign(app, {
    title: input.title.trim(),
    description: input.description.trim(),
    kind: input.kind,
    category: input.category,
    listItemId: input.listItemId ? fromGlobalId(input.listItemId, 'ListItem', 'listItemId').id : null,
    legalBasis: input.legalBasis.map((b) => b.trim()).filter(Boolean),
    scopeType: input.scopeType,
    scopeTownshipIds: area.townshipIds,
    scopeCommunityIds: area.declaredCommunityIds,
    communityIds: area.communityIds,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd ?? null,
    fundingAmount: input.fundingAmount.toFixed(2),
    fundingFlow: input.fundingFlow ?? null,
    personnelSupport: input.personnelSupport ?? null,
    trainingSupport: input.trainingSupport ?? null,
    ledgers: input.ledgers.map((l) => ({
      name: l.name.trim(),
      frequency: l.frequency,
      expectedPerYear: l.expectedPerYear ?? null,
      minutesPerFiling: l.minutesPerFiling,
      format: l.format,
      dataElementCodes: l.dataElementCodes,
    })),
    dataElementCodes: [...new Set(input.dataElementCodes)],
    wantsTerminal: input.wantsTerminal,
    wantsApp: input.wantsApp,
    appName: input.appName ?? null,
    integratedWithPlatform: input.integratedWithPlatform,
    certificates: input.certificates.map((c) => c.trim()).filter(Boolean),
    meetingHoursPerYear: input.meetingHoursPerYear,
    inspectionHoursPerYear: input.inspectionHoursPerYear,
    dataEntryHoursPerYear: input.dataEntryHoursPerYear,
    evaluation: input.evaluation ?? null,
    oneVoteVeto: input.oneVoteVeto,
    requiresQualification: input.requiresQualification,
    requiresEnforcementPower: input.requiresEnforcementPower,
    emergency: input.emergency,
    emergencyReason: input.emergencyReason ?? null,
  });
  app.burden = estimateBurden({ ...app, communities: app.communityIds.length });
  await checkRules(em, app, settings);
}

export async function createApplication(ctx: Context, input: ApplicationInput): Promise<AdmissionApplication> {
  const actor = ctx.actor!;
  return ctx.em.transactional(async (em) => {
    let departmentId: number;
    if (actor.role === Role.DEPARTMENT_USER) {
      if (input.departmentId) throw forbidden('JURISDICTION', '部门人员只能以本部门名义申请', 'Department users apply for their own department');
      departmentId = actor.departmentId!;
    } else if (input.departmentId) {
      departmentId = fromGlobalId(input.departmentId, 'Department', 'departmentId').id;
    } else {
      throw badInput('请指定申请部门', 'Give the department', [{ field: 'departmentId', message: '必填', messageEn: 'required' }]);
    }
    const department = await em.findOne(Department, { id: departmentId }, { populate: ['region'] });
    if (!department) throw notFound('该部门', 'Department');
    const county = department.region.getEntity();
    if (county.level !== RegionLevel.COUNTY) {
      throw badInput('只有县级部门向村（社区）申请准入', 'Only county departments apply for admission', [
        { field: 'departmentId', message: '不是县级部门', messageEn: 'not a county department' },
      ]);
    }
    const app = new AdmissionApplication();
    app.county = em.getReference(Region, county.id) as never;
    app.department = em.getReference(Department, department.id) as never;
    app.applicant = em.getReference(User, actor.userId) as never;
    await applyInput(em, app, input, ruleSettingsOf(ctx.config));
    const year = chinaYear();
    app.number = `${countyPrefix(county)}准申${year}-${String(await nextSequenceValue(em, county.id, 'application', year)).padStart(4, '0')}`;
    em.persist(app);
    await em.flush();
    await audit(em, ctx, { action: 'application.create', entity: app, after: snapshot(app), countyId: county.id });
    await em.flush();
    return app;
  });
}

/** Loads an application for a change, locking its row so concurrent decisions queue up. */
async function lockApplication(em: EntityManager, id: string | number): Promise<AdmissionApplication> {
  const key = typeof id === 'number' ? id : fromGlobalId(id, 'AdmissionApplication').id;
  const app = await em.findOne(AdmissionApplication, { id: key }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!app) throw notFound('该申请', 'Application');
  return app;
}

function checkVersion(app: AdmissionApplication, expected: number | null | undefined): void {
  if (expected != null && expected !== app.version) {
    throw conflict('申请已被他人处理，请刷新后再试', 'The application changed since you loaded it; reload and try again');
  }
}

export async function updateApplication(ctx: Context, id: string, input: ApplicationInput): Promise<AdmissionApplication> {
  const actor = ctx.actor!;
  return ctx.em.transactional(async (em) => {
    const app = await lockApplication(em, id);
    if (actor.role !== Role.ADMIN && !(actor.role === Role.DEPARTMENT_USER && actor.departmentId === app.department.id)) {
      throw forbidden('JURISDICTION', '只能修改本部门的申请', "Only your own department's applications");
    }
    if (![S.DRAFT, S.RETURNED].includes(app.status)) {
      throw conflict('只有草稿或退回修改的申请可以修改', 'Only drafts and returned applications can be changed');
    }
    if (input.departmentId && fromGlobalId(input.departmentId, 'Department', 'departmentId').id !== app.department.id) {
      throw badInput('不能更换申请部门', 'The department cannot change', [{ field: 'departmentId', message: '不能更换', messageEn: 'cannot change' }]);
    }
    const before = snapshot(app);
    await applyInput(em, app, input, ruleSettingsOf(ctx.config));
    app.version++;
    await audit(em, ctx, { action: 'application.update', entity: app, before, after: snapshot(app), countyId: app.county.id });
    await em.flush();
    return app;
  });
}

/** Runs the rules on demand (a draft, or any application for reviewers) and stores the findings. */
export async function checkApplication(ctx: Context, id: string): Promise<AdmissionApplication> {
  return ctx.em.transactional(async (em) => {
    const app = await lockApplication(em, id);
    const before = { findings: app.findings.map((f) => f.code), hasBlockingFindings: app.hasBlockingFindings };
    await checkRules(em, app, ruleSettingsOf(ctx.config));
    // Every mutation leaves a trace (留痕): who re-ran the rules, and what changed.
    await audit(em, ctx, {
      action: 'application.check',
      entity: app,
      before,
      after: { findings: app.findings.map((f) => f.code), hasBlockingFindings: app.hasBlockingFindings },
      countyId: app.county.id,
    });
    await em.flush();
    return app;
  });
}

/**
 * Moves an application by one row of the workflow table, atomically: lock the row,
 * check the version, (re)run the rules where the guard needs them, authorize, apply the
 * side effects, bump the version and write the audit event — or change nothing.
 */
export async function transition(
  em0: EntityManager,
  who: Who,
  id: string | number,
  action: Action,
  opts: TransitionOptions = {},
): Promise<AdmissionApplication> {
  return em0.transactional(async (em) => {
    const app = await lockApplication(em, id);
    checkVersion(app, opts.expectedVersion);
    const before = snapshot(app);
    const t = WORKFLOW.checkActor(app, action, who);
    if (t.recheck) await checkRules(em, app, opts.ruleSettings);
    await opts.before?.(em, app);
    WORKFLOW.checkGuards(app, t, who);
    await WORKFLOW.apply(app, t, { em, now: new Date(), who, doer: doerOf(who, opts.requestId), opts });
    app.version++;
    await audit(em, doerOf(who, opts.requestId), {
      action: `application.${action}`,
      entity: app,
      before,
      after: snapshot(app),
      comment: opts.comment ?? opts.reason ?? null,
      countyId: app.county.id,
    });
    await em.flush();
    return app;
  });
}

/** A review with its recommendation, and the transition the recommendation leads to. */
export async function reviewApplication(ctx: Context, id: string, input: ReviewInput): Promise<AdmissionApplication> {
  const actor = ctx.actor!;
  const appId = fromGlobalId(id, 'AdmissionApplication').id;
  const current = await ctx.em.findOne(AdmissionApplication, { id: appId });
  if (!current) throw notFound('该申请', 'Application');
  const emergency = current.status === S.EMERGENCY_IN_EFFECT;
  const action: Action =
    input.recommendation === Recommendation.APPROVE
      ? emergency
        ? 'approveEmergency'
        : current.kind === ApplicationKind.NEW_REGULAR
          ? 'referToCommittee'
          : 'approve'
      : input.recommendation === Recommendation.RETURN
        ? emergency
          ? 'rejectEmergency'
          : 'return'
        : emergency
          ? 'rejectEmergency'
          : 'reject';
  if (emergency && input.recommendation === Recommendation.RETURN) {
    throw badInput('紧急事项已进入实施，只能同意或不同意补批', 'An emergency entry can only be approved or rejected', [
      { field: 'recommendation', message: '不能退回', messageEn: 'RETURN is not allowed here' },
    ]);
  }
  return transition(ctx.em, actor, appId, action, {
    expectedVersion: input.expectedVersion,
    comment: input.comment,
    requestId: ctx.requestId,
    config: ctx.config,
    ruleSettings: ruleSettingsOf(ctx.config),
    before: async (em, app) => {
      const unknown = input.acknowledgedWarnings.filter((c) => !app.findings.some((f) => f.code === c));
      if (unknown.length) {
        throw badInput('确认了不存在的提示', 'Acknowledged warnings that were not raised', [
          { field: 'acknowledgedWarnings', message: `无此提示：${unknown.join('、')}`, messageEn: `not raised: ${unknown.join(', ')}` },
        ]);
      }
      app.acknowledgedWarnings = [...new Set([...app.acknowledgedWarnings, ...input.acknowledgedWarnings])];
      em.persist(
        em.create(Review, {
          application: app,
          reviewer: em.getReference(User, actor.userId),
          legality: input.legality.opinion,
          legalityComment: input.legality.comment ?? null,
          feasibility: input.feasibility.opinion,
          feasibilityComment: input.feasibility.comment ?? null,
          reasonableness: input.reasonableness.opinion,
          reasonablenessComment: input.reasonableness.comment ?? null,
          recommendation: input.recommendation,
          comment: input.comment ?? null,
          acknowledgedWarnings: input.acknowledgedWarnings,
        }),
      );
    },
  });
}

export async function recordCommitteeDecision(ctx: Context, id: string, input: CommitteeDecisionInput): Promise<AdmissionApplication> {
  const actor = ctx.actor!;
  const action: Action =
    input.decision === Recommendation.APPROVE ? 'committeeApprove' : input.decision === Recommendation.RETURN ? 'committeeReturn' : 'committeeReject';
  return transition(ctx.em, actor, id, action, {
    expectedVersion: input.expectedVersion,
    comment: input.comment ?? `${input.meeting}（${input.meetingDate}）`,
    requestId: ctx.requestId,
    config: ctx.config,
    before: async (em, app) => {
      em.persist(
        em.create(CommitteeDecision, {
          application: app,
          meeting: input.meeting.trim(),
          meetingDate: input.meetingDate,
          decision: input.decision,
          recordedBy: em.getReference(User, actor.userId),
          comment: input.comment ?? null,
        }),
      );
    },
  });
}

export { toGlobalId };
