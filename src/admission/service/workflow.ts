import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import type { Actor } from '../../kernel/context';
import { badInput, type FieldProblem } from '../../kernel/errors';
import { labelOf as enumLabel } from '../../kernel/enums';
import { addWorkingDays, chinaDate } from '../../kernel/dates';
import type { Doer } from '../../kernel/mutation';
import { StateMachine, type Transition as MachineTransition } from '../../kernel/state-machine';
import type { Config } from '../../config';
import { labelOf } from '../rules/codes';
import { ApplicationKind, ApplicationStatus as S, ApplicationStatus, FindingSeverity } from '../enums';
import type { AdmissionApplication } from '../entity/application.entity';
import { addToLists, removeFromLists } from './list-staging';
import { documentOf, issueDocument } from './approval-documents';
import type { RuleSettings } from './rule-settings';

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

export interface TransitionOptions {
  comment?: string | null;
  reason?: string | null;
  expectedVersion?: number | null;
  requestId?: string;
  /** Working days an emergency entry has to be approved (configuration). */
  emergencyWorkingDays?: number;
  /** The configuration (signing keys folder): documents are signed when issued. */
  config?: Config;
  /** Configured rule settings, for the transitions that re-run the rules. */
  ruleSettings?: RuleSettings;
  /** Extra work inside the same transaction, after authorization, before the status changes. */
  before?: (em: EntityManager, app: AdmissionApplication) => Promise<void>;
}

/** Who did it, for the audit trail (the system for scheduled jobs). */
export const doerOf = (who: Who, requestId?: string): Doer => ({ actor: who === 'system' ? null : who, requestId });

/** What an effect gets: the transaction, the moment, who acts and the caller's options. */
export interface EffectContext {
  em: EntityManager;
  now: Date;
  who: Who;
  doer: Doer;
  opts: TransitionOptions;
}

/** A row of the workflow table. */
export interface Transition extends MachineTransition<S, Action, AdmissionApplication, Who, EffectContext> {
  to: S;
  roles: Array<Role | 'system'>;
  label: [string, string];
  /** Re-run the rules before the guards (the guards read the findings). */
  recheck?: boolean;
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
    blocking.map((f) => ({
      field: 'findings',
      constraint: f.code,
      message: `${labelOf(f.code).zh}：${f.message}`,
      messageEn: `${labelOf(f.code).en}: ${f.messageEn}`,
    })),
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
const needsCommittee: Guard = (app) =>
  app.kind === ApplicationKind.NEW_REGULAR ? null : ['仅新增常规类事项提请县委常委会', 'Only new regular items go to the committee'];
const noCommittee: Guard = (app) =>
  app.kind === ApplicationKind.NEW_REGULAR ? ['新增常规类事项须提请县委常委会研究', 'New regular items must go to the county committee'] : null;

const DEPT = [Role.DEPARTMENT_USER, Role.ADMIN];
const REVIEW = [Role.REVIEWER, Role.ADMIN];
const COMMITTEE = [Role.COMMITTEE_SECRETARY, Role.ADMIN];

// ---------------------------------------------------------------------------------------
// Effects: what a transition does besides moving the status (inside its transaction)

type Effect = NonNullable<Transition['effect']>;

const submitted: Effect = (app, { now }) => void (app.submittedAt = now);

const enterFirst: Effect = async (app, { em, now, opts }) => {
  app.submittedAt = now;
  app.enteredAt = now;
  app.approvalDeadline = addWorkingDays(now, opts.emergencyWorkingDays ?? 5);
  em.persist(await issueDocument(em, app, true, opts.config));
};

/** Approved: the approval document is issued, a new regular item staged onto the assistance list. */
const approved: Effect = async (app, { em, now, doer, opts }) => {
  app.decidedAt = now;
  em.persist(await issueDocument(em, app, false, opts.config));
  await addToLists(em, doer, app);
};

const emergencyApproved: Effect = async (app, { em, now, doer }) => {
  app.decidedAt = now;
  app.approvedInTime = !app.approvalDeadline || now <= app.approvalDeadline;
  const doc = await documentOf(em, app);
  if (doc) doc.provisional = false;
  await addToLists(em, doer, app);
};

const decided: Effect = (app, { now }) => void (app.decidedAt = now);

/** The item leaves communities: revoked with its reason, its document revoked, its list item staged for cancellation. */
const leaves =
  (defaultReason: string | null, emergencyRefused = false): Effect =>
  async (app, { em, now, doer, opts }) => {
    if (emergencyRefused) {
      app.decidedAt = now;
      app.approvedInTime = false;
    }
    app.revokedAt = now;
    app.revokeReason = opts.reason ?? defaultReason;
    const doc = await documentOf(em, app);
    if (doc && !doc.revokedAt) {
      doc.revokedAt = now;
      doc.revokeReason = app.revokeReason;
    }
    await removeFromLists(em, doer, app, app.revokeReason ?? '事项撤销');
  };

const entered: Effect = async (app, { em, now }) => {
  const doc = await documentOf(em, app);
  if (doc && doc.validFrom > chinaDate(now)) {
    throw badInput(`批准文书 ${doc.validFrom} 起生效，尚不能进入`, `The document is valid from ${doc.validFrom}`);
  }
  app.enteredAt = now;
};

const completed: Effect = (app, { now }) => void (app.completedAt = now);

// ---------------------------------------------------------------------------------------
// The table

/**
 * The admission workflow as one table (cf. Vendure's order process): each action, the
 * states it may start from, where it leads, who may take it, whom it concerns (`access`:
 * own department, own county — FORBIDDEN), what must hold (`guards` — BAD_USER_INPUT),
 * whether the rules run again first, and what it does (`effect`).
 */
export const TRANSITIONS: Transition[] = [
  {
    action: 'submit',
    from: [S.DRAFT, S.RETURNED],
    to: S.SUBMITTED,
    roles: DEPT,
    access: [ownDepartment],
    guards: [noBlockingFindings],
    recheck: true,
    effect: submitted,
    label: ['提交申请', 'Submit'],
  },
  {
    action: 'declareEmergency',
    from: [S.DRAFT, S.RETURNED],
    to: S.EMERGENCY_IN_EFFECT,
    roles: DEPT,
    access: [ownDepartment],
    guards: [isEmergency, noBlockingFindings],
    recheck: true,
    effect: enterFirst,
    label: ['紧急事项先进后批', 'Enter first (emergency)'],
  },
  {
    action: 'withdraw',
    from: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.RETURNED, S.COMMITTEE],
    to: S.WITHDRAWN,
    roles: DEPT,
    access: [ownDepartment],
    label: ['撤回申请', 'Withdraw'],
  },
  { action: 'startReview', from: [S.SUBMITTED], to: S.IN_REVIEW, roles: REVIEW, access: [ownCounty], label: ['开始审核', 'Start review'] },
  {
    action: 'approve',
    from: [S.IN_REVIEW],
    to: S.APPROVED,
    roles: REVIEW,
    access: [ownCounty],
    guards: [noCommittee, noBlockingFindings, warningsAcknowledged],
    recheck: true,
    effect: approved,
    label: ['审核同意', 'Approve'],
  },
  {
    action: 'referToCommittee',
    from: [S.IN_REVIEW],
    to: S.COMMITTEE,
    roles: REVIEW,
    access: [ownCounty],
    guards: [needsCommittee, noBlockingFindings, warningsAcknowledged],
    recheck: true,
    label: ['提请县委常委会研究', 'Refer to the committee'],
  },
  { action: 'return', from: [S.SUBMITTED, S.IN_REVIEW], to: S.RETURNED, roles: REVIEW, access: [ownCounty], label: ['退回修改', 'Return for revision'] },
  { action: 'reject', from: [S.SUBMITTED, S.IN_REVIEW], to: S.REJECTED, roles: REVIEW, access: [ownCounty], effect: decided, label: ['不予准入', 'Reject'] },
  {
    action: 'committeeApprove',
    from: [S.COMMITTEE],
    to: S.APPROVED,
    roles: COMMITTEE,
    access: [ownCounty],
    effect: approved,
    label: ['常委会同意', 'Committee approves'],
  },
  { action: 'committeeReturn', from: [S.COMMITTEE], to: S.RETURNED, roles: COMMITTEE, access: [ownCounty], label: ['常委会退回', 'Committee returns'] },
  {
    action: 'committeeReject',
    from: [S.COMMITTEE],
    to: S.REJECTED,
    roles: COMMITTEE,
    access: [ownCounty],
    effect: decided,
    label: ['常委会不同意', 'Committee rejects'],
  },
  {
    action: 'approveEmergency',
    from: [S.EMERGENCY_IN_EFFECT],
    to: S.IN_EFFECT,
    roles: REVIEW,
    access: [ownCounty],
    guards: [noBlockingFindings, warningsAcknowledged],
    recheck: true,
    effect: emergencyApproved,
    label: ['紧急事项补批同意', 'Approve emergency entry'],
  },
  {
    action: 'rejectEmergency',
    from: [S.EMERGENCY_IN_EFFECT],
    to: S.REVOKED,
    roles: REVIEW,
    access: [ownCounty],
    effect: leaves('紧急事项补批未获同意，立即退出', true),
    label: ['紧急事项补批不同意，立即退出', 'Reject emergency entry: leaves at once'],
  },
  {
    action: 'enter',
    from: [S.APPROVED],
    to: S.IN_EFFECT,
    roles: [...DEPT, Role.REVIEWER],
    access: [ownDepartment, ownCounty],
    effect: entered,
    label: ['持批准文书进入', 'Enter holding the document'],
  },
  {
    action: 'complete',
    from: [S.IN_EFFECT],
    to: S.COMPLETED,
    roles: [...DEPT, Role.REVIEWER],
    access: [ownDepartment, ownCounty],
    effect: completed,
    label: ['工作完成', 'Complete'],
  },
  {
    action: 'revoke',
    from: [S.APPROVED, S.IN_EFFECT, S.COMPLETED, S.EMERGENCY_IN_EFFECT],
    to: S.REVOKED,
    roles: REVIEW,
    access: [ownCounty],
    effect: leaves(null),
    label: ['撤销（退出村/社区）', 'Revoke'],
  },
  {
    action: 'expire',
    from: [S.APPROVED, S.IN_EFFECT],
    to: S.REVOKED,
    roles: ['system'],
    effect: leaves('有效期届满'),
    label: ['有效期届满自动撤销', 'Expired'],
  },
];

/**
 * The machine over the table: FORBIDDEN for a role the row does not name or an
 * application of another department or county; CONFLICT when the application is not in a
 * state the row starts from (someone else moved it first); BAD_USER_INPUT when a guard
 * refuses.
 */
export const WORKFLOW = new StateMachine<S, Action, AdmissionApplication, Who, EffectContext, Transition>('admission', TRANSITIONS, {
  state: (app) => app.status,
  setState: (app, status) => void (app.status = status),
  roleOf: (who) => (who === 'system' ? 'system' : who.role),
  forbiddenRole: (t) => {
    const label = (t as Transition).label;
    return [`当前角色不能执行“${label[0]}”`, `Your role cannot ${label[1].toLowerCase()}`];
  },
  conflict: (app, t) => {
    const label = (t as Transition).label;
    return [
      `申请当前状态为“${enumLabel(ApplicationStatus, app.status).zh}”，不能${label[0]}`,
      `The application is ${enumLabel(ApplicationStatus, app.status).en}; cannot ${label[1].toLowerCase()}`,
    ];
  },
});

/** Every check of `action` on `app` by `who`, in order (role, access, state, guards); returns the row. */
export function authorize(app: AdmissionApplication, action: Action, who: Who): Transition {
  return WORKFLOW.check(app, action, who);
}

/** The actions `who` could take on `app` now (for front ends to show the right buttons). */
export function availableActions(app: AdmissionApplication, who: Who): Action[] {
  return WORKFLOW.available(app, who);
}
