/**
 * Refusals and reports (拒绝执行 / 举报): a community worker refuses a task or reports one,
 * possibly anonymously; the county's reviewers and inspectors verify or dismiss it; an
 * interview of the department marks it DEPARTMENT_INTERVIEWED (supervision.service.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { changeLocked, changeRecord, createRecord } from '../../kernel/mutation';
import { Community } from '../../geography';
import { Region } from '../../geography';
import { Department } from '../../organisation';
import { AdmissionApplication } from '../../admission';
import { ADMITTED_STATUSES } from '../../admission';
import type { Context } from '../../kernel/context';
import { badInput, forbidden } from '../../kernel/errors';
import { chinaYear } from '../../kernel/dates';
import { nextSequenceValue } from '../../kernel/document-sequence.entity';
import { actorScope } from '../../kernel/context';
import { assertCountyRole } from '../../kernel/jurisdiction';
import { SUPERVISORS } from '../../kernel/roles';
import { countyPrefix } from '../../geography';
import { decodeId, Problems } from '../../kernel/input';
import { Refusal } from './refusal.entity';
import { REFUSAL_LIFECYCLE } from './refusal.lifecycle';
import { RefusalKind, RefusalReason } from './refusal.enums';
import type { NoteInput } from '../../kernel/note.input';
import type { RefusalInput } from './refusal.inputs';

/** A community refuses a task, or reports one (anonymously if it wishes). */
export async function submitRefusal(ctx: Context, input: RefusalInput): Promise<Refusal> {
  const scope = actorScope(ctx);
  return createRecord(ctx, {
    action: input.kind === RefusalKind.REFUSAL ? 'refusal.submit' : 'report.submit',
    // An anonymous report leaves no trace of its author, in the audit trail either.
    doer: input.anonymous ? { actor: null } : ctx,
    comment: input.anonymous ? '匿名举报（不记录举报人）' : null,
    county: (r) => r.county.id,
    build: async (em) => {
      const problems = new Problems();
      let communityId: number;
      if (scope.role === Role.COMMUNITY_USER) {
        if (input.communityId && decodeId(problems, input.communityId, 'Community', 'communityId') !== scope.communityId) {
          throw forbidden('JURISDICTION', '只能就本村（社区）的任务拒绝执行或举报', 'Only tasks pushed onto your own community');
        }
        communityId = scope.communityId!;
      } else if (scope.role === Role.ADMIN) {
        if (!input.communityId) throw badInput('请指定村（社区）', 'Give the community', [{ field: 'communityId', message: '必填', messageEn: 'required' }]);
        communityId = decodeId(problems, input.communityId, 'Community', 'communityId');
      } else {
        throw forbidden('BINDING', '由村（社区）工作者提出', 'Community workers refuse or report tasks');
      }
      const community = communityId > 0 ? await em.findOne(Community, { id: communityId }) : null;
      if (!community) problems.add('communityId', '未找到该村（社区）', 'Community not found');
      if (input.anonymous && input.kind !== RefusalKind.REPORT)
        problems.add('anonymous', '只有举报可以匿名；拒绝执行以村（社区）名义提出', 'Only reports can be anonymous');
      if (new Set(input.reasons).size !== input.reasons.length) problems.add('reasons', '理由重复', 'Duplicate reasons');
      let department: Department | null = null;
      if (input.departmentId) {
        const id = decodeId(problems, input.departmentId, 'Department', 'departmentId');
        department = id > 0 ? await em.findOne(Department, { id }) : null;
        if (id > 0 && !department) problems.add('departmentId', '未找到该部门', 'Department not found');
        else if (department && community && department.region.id !== community.county.id)
          problems.add('departmentId', '不是本县的部门', 'Not a department of this county');
      }
      let application: AdmissionApplication | null = null;
      if (input.applicationId) {
        const id = decodeId(problems, input.applicationId, 'AdmissionApplication', 'applicationId');
        application = id > 0 ? await em.findOne(AdmissionApplication, { id }) : null;
        if (id > 0 && !application) problems.add('applicationId', '未找到该准入申请', 'Application not found');
        else if (application && community && application.county.id !== community.county.id)
          problems.add('applicationId', '不是本县的准入申请', 'Not an application of this county');
        else if (application && department && application.department.id !== department.id)
          problems.add('applicationId', '该申请不是所填部门的', 'The application belongs to another department');
        else if (
          application &&
          community &&
          input.reasons.includes(RefusalReason.NO_ADMISSION) &&
          ADMITTED_STATUSES.includes(application.status) &&
          application.communityIds.includes(community.id)
        ) {
          problems.add(
            'reasons',
            `“${application.title}”已准入本村（社区），请先核验批准文书；如任务超出准入内容，请选择其他理由`,
            'The item is admitted for this community: verify its approval document',
          );
        }
      }
      problems.throwIfAny('拒绝执行或举报内容有误', 'Invalid refusal or report');
      const county = await em.findOneOrFail(Region, { id: community!.county.id });
      const year = chinaYear();
      const kindKey = input.kind === RefusalKind.REFUSAL ? 'refusal' : 'report';
      const serial = await nextSequenceValue(em, county.id, kindKey, year);
      return em.create(Refusal, {
        number: `${countyPrefix(county)}${input.kind === RefusalKind.REFUSAL ? '拒' : '举'}〔${year}〕${serial}号`,
        county,
        community: community!,
        kind: input.kind,
        anonymous: input.anonymous,
        reporter: input.anonymous ? null : em.getReference(User, scope.userId),
        department: department ?? application?.department.id ?? null,
        application,
        taskTitle: input.taskTitle.trim(),
        taskDescription: input.taskDescription.trim(),
        claimedDocumentNumber: input.claimedDocumentNumber?.trim() || null,
        taskReceivedOn: input.taskReceivedOn ?? null,
        reasons: input.reasons,
        evidence: input.evidence.map((e) => ({ kind: e.kind, description: e.description.trim(), reference: e.reference?.trim() || null })),
        statusChangedAt: new Date(),
      });
    },
  });
}

const WHAT = ['该拒绝执行或举报', 'Refusal or report'] as const;

async function decide(ctx: Context, id: string, input: NoteInput, action: 'verify' | 'dismiss'): Promise<Refusal> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, Refusal, id, {
    what: WHAT,
    action: `refusal.${action}`,
    access: (r) => assertCountyRole(scope, r.county.id, SUPERVISORS),
    lifecycle: { machine: REFUSAL_LIFECYCLE, action },
    apply: (r, em) => void Object.assign(r, { statusChangedAt: new Date(), handledBy: em.getReference(User, scope.userId), handlingNote: input.note.trim() }),
    comment: input.note,
    county: (r) => r.county.id,
  });
}

/** The county's reviewers or inspectors find the refusal or report true. */
export const verifyRefusal = (ctx: Context, id: string, input: NoteInput) => decide(ctx, id, input, 'verify');

/** … or not. */
export const dismissRefusal = (ctx: Context, id: string, input: NoteInput) => decide(ctx, id, input, 'dismiss');

/** Inside an interview's transaction: verified refusals become DEPARTMENT_INTERVIEWED. */
export async function markInterviewed(em: EntityManager, ctx: Context, refusals: Refusal[], interviewId: number): Promise<void> {
  for (const r of refusals) {
    if (!REFUSAL_LIFECYCLE.may(r, REFUSAL_LIFECYCLE.transition('interviewed'), undefined)) continue;
    await changeLocked(em, ctx, r, {
      action: 'refusal.interviewed',
      lifecycle: { machine: REFUSAL_LIFECYCLE, action: 'interviewed' },
      apply: () => void (r.statusChangedAt = new Date()),
      comment: `已约谈相关部门（约谈 ${interviewId}）`,
      county: () => r.county.id,
    });
  }
}
