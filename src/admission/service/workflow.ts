import { Role } from '../../kernel/roles';
import type { Actor } from '../../kernel/context';
import { forbidden, badInput, conflict, type FieldProblem } from '../../kernel/errors';
import { labelOf as enumLabel } from '../../kernel/enums';
import { labelOf } from '../rules/codes';
import { ApplicationKind, ApplicationStatus as S, ApplicationStatus, FindingSeverity } from '../enums';
import type { AdmissionApplication } from '../entity/application.entity';

/** The actions that move an application, each a row of the transition table. */
export type Action =
  | 'submit'
  | 'declareEmergency'
  | 'withdraw'
  | 'startReview'
  | 'approve'
  | 'referToCommittee'
  | 'return'
  | 'reject'
  | 'committeeApprove'
  | 'committeeReturn'
  | 'committeeReject'
  | 'approveEmergency'
  | 'rejectEmergency'
  | 'enter'
  | 'complete'
  | 'revoke'
  | 'expire';

/** Who is acting: a person, or the system (scheduled jobs). */
export type Who = Actor | 'system';

export interface Guard {
  /** Returns null when the transition may happen, else why not (zh, en, and field details for the error). */
  (app: AdmissionApplication, who: Who): [string, string] | [string, string, FieldProblem[]] | null;
}

export interface Transition {
  action: Action;
  from: S[];
  to: S;
  /** Roles that may take it; `system` for scheduled jobs. */
  roles: Array<Role | 'system'>;
  guards: Guard[];
  label: [string, string];
}

const ownDepartment: Guard = (app, who) =>
  who === 'system' || who.role !== Role.DEPARTMENT_USER || who.departmentId === app.department.id
    ? null
    : ['只能操作本部门的申请', "Only your own department's applications"];

const ownCounty: Guard = (app, who) =>
  who === 'system' || ![Role.REVIEWER, Role.COMMITTEE_SECRETARY].includes(who.role) || who.regionId === app.county.id
    ? null
    : ['只能审核本县的申请', "Only your own county's applications"];

/** The blocking findings, listed by code and label: what the department must fix. */
const noBlockingFindings: Guard = (app) => {
  const blocking = app.findings.filter((f) => f.severity === FindingSeverity.BLOCKING);
  if (!blocking.length) return null;
  const codes = [...new Set(blocking.map((f) => f.code))];
  return [
    `存在阻断性审查发现，不能提交：${codes.map((c) => `${c}（${labelOf(c).zh}）`).join('、')}`,
    `Blocking findings: cannot be submitted: ${codes.map((c) => `${c} (${labelOf(c).en})`).join(', ')}`,
    blocking.map((f) => ({ field: 'findings', constraint: f.code, message: `${labelOf(f.code).zh}：${f.message}`, messageEn: `${labelOf(f.code).en}: ${f.messageEn}` })),
  ];
};

const warningsAcknowledged: Guard = (app) => {
  const pending = app.findings.filter((f) => f.severity === FindingSeverity.WARNING && !(app.acknowledgedWarnings as string[]).includes(f.code));
  const codes = [...new Set(pending.map((f) => f.code))];
  return codes.length
    ? [
        `以下提示须审核人员明确确认：${codes.map((c) => `${c}（${labelOf(c).zh}）`).join('、')}`,
        `Warnings not acknowledged: ${codes.map((c) => `${c} (${labelOf(c).en})`).join(', ')}`,
        codes.map((c) => ({ field: 'acknowledgedWarnings', constraint: c, message: `须确认：${labelOf(c).zh}`, messageEn: `acknowledge: ${labelOf(c).en}` })),
      ]
    : null;
};

const isEmergency: Guard = (app) => (app.emergency ? null : ['非紧急事项不能先进后批', 'Only emergency items may enter before approval']);
const needsCommittee: Guard = (app) => (app.kind === ApplicationKind.NEW_REGULAR ? null : ['仅新增常规类事项提请县委常委会', 'Only new regular items go to the committee']);
const noCommittee: Guard = (app) =>
  app.kind === ApplicationKind.NEW_REGULAR ? ['新增常规类事项须提请县委常委会研究', 'New regular items must go to the county committee'] : null;

const DEPT = [Role.DEPARTMENT_USER, Role.ADMIN];
const REVIEW = [Role.REVIEWER, Role.ADMIN];
const COMMITTEE = [Role.COMMITTEE_SECRETARY, Role.ADMIN];

/**
 * The admission workflow as a table (cf. Vendure's order state machine): each action,
 * the states it may start from, where it leads, who may take it and what must hold.
 */
export const TRANSITIONS: Transition[] = [
  { action: 'submit', from: [S.DRAFT, S.RETURNED], to: S.SUBMITTED, roles: DEPT, guards: [ownDepartment, noBlockingFindings], label: ['提交申请', 'Submit'] },
  { action: 'declareEmergency', from: [S.DRAFT, S.RETURNED], to: S.EMERGENCY_IN_EFFECT, roles: DEPT, guards: [ownDepartment, isEmergency, noBlockingFindings], label: ['紧急事项先进后批', 'Enter first (emergency)'] },
  { action: 'withdraw', from: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.RETURNED, S.COMMITTEE], to: S.WITHDRAWN, roles: DEPT, guards: [ownDepartment], label: ['撤回申请', 'Withdraw'] },
  { action: 'startReview', from: [S.SUBMITTED], to: S.IN_REVIEW, roles: REVIEW, guards: [ownCounty], label: ['开始审核', 'Start review'] },
  { action: 'approve', from: [S.IN_REVIEW], to: S.APPROVED, roles: REVIEW, guards: [ownCounty, noCommittee, noBlockingFindings, warningsAcknowledged], label: ['审核同意', 'Approve'] },
  { action: 'referToCommittee', from: [S.IN_REVIEW], to: S.COMMITTEE, roles: REVIEW, guards: [ownCounty, needsCommittee, noBlockingFindings, warningsAcknowledged], label: ['提请县委常委会研究', 'Refer to the committee'] },
  { action: 'return', from: [S.SUBMITTED, S.IN_REVIEW], to: S.RETURNED, roles: REVIEW, guards: [ownCounty], label: ['退回修改', 'Return for revision'] },
  { action: 'reject', from: [S.SUBMITTED, S.IN_REVIEW], to: S.REJECTED, roles: REVIEW, guards: [ownCounty], label: ['不予准入', 'Reject'] },
  { action: 'committeeApprove', from: [S.COMMITTEE], to: S.APPROVED, roles: COMMITTEE, guards: [ownCounty], label: ['常委会同意', 'Committee approves'] },
  { action: 'committeeReturn', from: [S.COMMITTEE], to: S.RETURNED, roles: COMMITTEE, guards: [ownCounty], label: ['常委会退回', 'Committee returns'] },
  { action: 'committeeReject', from: [S.COMMITTEE], to: S.REJECTED, roles: COMMITTEE, guards: [ownCounty], label: ['常委会不同意', 'Committee rejects'] },
  { action: 'approveEmergency', from: [S.EMERGENCY_IN_EFFECT], to: S.IN_EFFECT, roles: REVIEW, guards: [ownCounty, noBlockingFindings, warningsAcknowledged], label: ['紧急事项补批同意', 'Approve emergency entry'] },
  { action: 'rejectEmergency', from: [S.EMERGENCY_IN_EFFECT], to: S.REVOKED, roles: REVIEW, guards: [ownCounty], label: ['紧急事项补批不同意，立即退出', 'Reject emergency entry: leaves at once'] },
  { action: 'enter', from: [S.APPROVED], to: S.IN_EFFECT, roles: [...DEPT, Role.REVIEWER], guards: [ownDepartment, ownCounty], label: ['持批准文书进入', 'Enter holding the document'] },
  { action: 'complete', from: [S.IN_EFFECT], to: S.COMPLETED, roles: [...DEPT, Role.REVIEWER], guards: [ownDepartment, ownCounty], label: ['工作完成', 'Complete'] },
  { action: 'revoke', from: [S.APPROVED, S.IN_EFFECT, S.COMPLETED, S.EMERGENCY_IN_EFFECT], to: S.REVOKED, roles: REVIEW, guards: [ownCounty], label: ['撤销（退出村/社区）', 'Revoke'] },
  { action: 'expire', from: [S.APPROVED, S.IN_EFFECT], to: S.REVOKED, roles: ['system'], guards: [], label: ['有效期届满自动撤销', 'Expired'] },
];

const BY_ACTION = new Map(TRANSITIONS.map((t) => [t.action, t]));

/**
 * Checks that `who` may take `action` on `app` in its current state; returns the
 * transition. FORBIDDEN: role or jurisdiction. CONFLICT: not from this state (someone
 * else moved it first).
 */
export function checkActor(app: AdmissionApplication, action: Action, who: Who): Transition {
  const t = BY_ACTION.get(action)!;
  const role = who === 'system' ? 'system' : who.role;
  if (!t.roles.includes(role)) throw forbidden('ROLE', `当前角色不能执行“${t.label[0]}”`, `Your role cannot ${t.label[1].toLowerCase()}`);
  for (const guard of [ownDepartment, ownCounty]) {
    if (t.guards.includes(guard)) {
      const why = guard(app, who);
      if (why) throw forbidden('JURISDICTION', why[0], why[1]); // own department, own county
    }
  }
  if (!t.from.includes(app.status)) {
    throw conflict(
      `申请当前状态为“${enumLabel(ApplicationStatus, app.status).zh}”，不能${t.label[0]}`,
      `The application is ${enumLabel(ApplicationStatus, app.status).en}; cannot ${t.label[1].toLowerCase()}`,
    );
  }
  return t;
}

/** Checks the transition's other guards (BAD_USER_INPUT with the reason when one fails). */
export function checkGuards(app: AdmissionApplication, t: Transition, who: Who): void {
  for (const guard of t.guards) {
    if (guard === ownDepartment || guard === ownCounty) continue;
    const why = guard(app, who);
    if (why) throw badInput(why[0], why[1], why[2] ?? []);
  }
}

export function authorize(app: AdmissionApplication, action: Action, who: Who): Transition {
  const t = checkActor(app, action, who);
  checkGuards(app, t, who);
  return t;
}

/**
 * Whether `who` may take transition `t` on `app` now: the same checks as `authorize`
 * (role, state, every guard), as a plain test that builds no errors.
 */
export function mayTake(app: AdmissionApplication, t: Transition, who: Who): boolean {
  if (!t.from.includes(app.status)) return false;
  if (!t.roles.includes(who === 'system' ? 'system' : who.role)) return false;
  for (const guard of t.guards) if (guard(app, who)) return false;
  return true;
}

/** The actions `who` could take on `app` now (for front ends to show the right buttons). */
export function availableActions(app: AdmissionApplication, who: Who): Action[] {
  const actions: Action[] = [];
  for (const t of TRANSITIONS) if (mayTake(app, t, who)) actions.push(t.action);
  return actions;
}
