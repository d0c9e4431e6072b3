/**
 * Reviewers' decisions on disputed findings (审查发现复核), and adding them to the county's
 * vocabulary. A decision is recorded on the application, changes its findings at once
 * (the engine applies it on every check: engine.ts applyReviews) and is audited in the
 * same transaction. Adding it to the examples stages a change of the negative item — the
 * excerpt as a counter-example (an override) or an example (a miss) — published with the
 * next list version, after which the engine reads every county application with it.
 */
import { LockMode } from '@mikro-orm/core';
import type { Context } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound, type FieldProblem } from '../../kernel/errors';
import { fromGlobalId } from '../../kernel/global-id';
import { audit } from '../../kernel/mutation';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { ListItem, ListItemStatus, ListType } from '../../catalogue';
import { addListItemVocabulary } from '../../catalogue';
import { ListChange } from '../../catalogue';
import { AdmissionApplication } from '../entity/application.entity';
import { FindingReview, FindingReviewKind } from '../entity/finding-review.entity';
import { ApplicationKind, ApplicationStatus as S, FindingSeverity } from '../enums';
import { checkRules, factsOf, ruleSettingsOf } from './application.service';
import { textHash } from '../engine';
import { labelOf } from '../rules/codes';

/** Statuses in which a finding can still matter (before a decision). */
const OPEN = [S.DRAFT, S.RETURNED, S.SUBMITTED, S.IN_REVIEW, S.COMMITTEE, S.EMERGENCY_IN_EFFECT];
const NEGATIVE_CODES = ['NEGATIVE_LIST', 'NEGATIVE_AS_PURCHASE'];
export const LIMITS = { reason: 2000, excerpt: 500, phrase: 40 };

export interface RecordFindingReviewInput {
  applicationId: string;
  kind: FindingReviewKind;
  findingCode: string;
  listItemId?: string | null;
  reason: string;
  excerpt?: string | null;
}

function mayReview(ctx: Context, countyId: number): void {
  const actor = ctx.actor!;
  if (actor.role === Role.ADMIN) return;
  if (actor.role !== Role.REVIEWER) throw forbidden('ROLE', '只有审核人员可以复核审查发现', 'Only reviewers review findings');
  if (actor.regionId !== countyId) throw forbidden('JURISDICTION', '只能复核本县申请的审查发现', "Only your own county's findings");
}

/** The sentence(s) of the application a finding's phrases come from: what becomes an example. */
function defaultExcerpt(app: AdmissionApplication, phrases: string[]): string {
  const sentences = `${app.title}。${app.description}`
    .split(/(?<=[。！？；\n])/)
    .map((x) => x.trim())
    .filter(Boolean);
  const hit = sentences.filter((s) => phrases.some((p) => p && s.includes(p.replace(/（.*$/, ''))));
  return (hit.length ? hit.join('') : app.description).slice(0, LIMITS.excerpt);
}

export async function recordFindingReview(ctx: Context, input: RecordFindingReviewInput): Promise<FindingReview> {
  const appId = fromGlobalId(input.applicationId, 'AdmissionApplication', 'applicationId').id;
  const reason = input.reason?.trim() ?? '';
  const problems: FieldProblem[] = [];
  if (reason.length < 4)
    problems.push({ field: 'reason', message: '请写明复核理由（至少 4 个字）', messageEn: 'give the reason (at least 4 characters)', constraint: 'minLength' });
  if (reason.length > LIMITS.reason)
    problems.push({ field: 'reason', message: `理由不能超过 ${LIMITS.reason} 字`, messageEn: 'reason too long', constraint: 'maxLength' });
  if (input.excerpt && input.excerpt.trim().length > LIMITS.excerpt)
    problems.push({ field: 'excerpt', message: `摘录不能超过 ${LIMITS.excerpt} 字`, messageEn: 'excerpt too long', constraint: 'maxLength' });
  if (problems.length) throw badInput('复核内容有误', 'The review is invalid', problems);

  return ctx.em.transactional(async (em) => {
    const app = await em.findOne(AdmissionApplication, { id: appId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!app) throw notFound('该申请', 'Application');
    mayReview(ctx, app.county.id);
    if (!OPEN.includes(app.status))
      throw conflict('申请已作出决定，不能再复核审查发现', 'The application has been decided; its findings can no longer be reviewed');

    let listItem: ListItem | null = null;
    if (input.listItemId) {
      listItem = await em.findOne(ListItem, {
        id: fromGlobalId(input.listItemId, 'ListItem', 'listItemId').id,
        region: app.county.id,
        status: ListItemStatus.ACTIVE,
      });
      if (!listItem)
        throw badInput('不是本县现行清单中的事项', 'Not an item of the county’s current lists', [
          { field: 'listItemId', message: '不是本县现行清单中的事项', messageEn: 'not a current item of this county' },
        ]);
    }
    const finding = app.findings.find((f) => f.code === input.findingCode && f.severity === FindingSeverity.BLOCKING);
    if (input.kind === FindingReviewKind.OVERRIDE) {
      if (!finding) {
        throw badInput(`申请当前没有阻断发现 ${input.findingCode}`, `The application has no blocking finding ${input.findingCode}`, [
          { field: 'findingCode', message: '只能撤销申请当前的阻断发现', messageEn: 'only a current blocking finding can be overridden' },
        ]);
      }
      if (!listItem) {
        const first = finding.evidence.find((e) => e.kind === 'ListItem' && e.id);
        if (first?.id) listItem = await em.findOne(ListItem, { id: fromGlobalId(first.id, 'ListItem').id });
      }
    } else {
      if (!NEGATIVE_CODES.includes(input.findingCode)) {
        throw badInput('漏判只能认定负面清单事项', 'A caught miss names negative-list work', [
          { field: 'findingCode', message: '应为 NEGATIVE_LIST 或 NEGATIVE_AS_PURCHASE', messageEn: 'must be NEGATIVE_LIST or NEGATIVE_AS_PURCHASE' },
        ]);
      }
      if (!listItem || listItem.listType !== ListType.NEGATIVE) {
        throw badInput('请指定本县负面清单中的事项', 'Name the negative item', [
          { field: 'listItemId', message: '须为本县负面清单事项', messageEn: 'must be a negative item of this county' },
        ]);
      }
    }
    const code =
      input.kind === FindingReviewKind.MISSED
        ? app.kind === ApplicationKind.PURCHASE_OF_SERVICE
          ? 'NEGATIVE_AS_PURCHASE'
          : 'NEGATIVE_LIST'
        : input.findingCode;
    const phrases = finding?.evidence.flatMap((e) => e.phrases ?? []) ?? [];
    const before = { findings: app.findings.map((f) => `${f.code}:${f.severity}`), hasBlockingFindings: app.hasBlockingFindings };
    const review = em.create(FindingReview, {
      application: app,
      county: app.county.id,
      kind: input.kind,
      findingCode: code,
      listItem,
      reason,
      excerpt: input.excerpt?.trim() || defaultExcerpt(app, phrases),
      textHash: textHash(factsOf(app)),
      reviewer: em.getReference(User, ctx.actor!.userId),
    });
    await em.flush();
    await checkRules(em, app, ruleSettingsOf(ctx.config));
    await audit(em, ctx, {
      action: 'findingReview.record',
      entity: review,
      after: { kind: review.kind, findingCode: code, listItemId: listItem?.id ?? null, reason, excerpt: review.excerpt, applicationId: app.id },
      comment: reason,
      countyId: app.county.id,
    });
    await audit(em, ctx, {
      action: input.kind === FindingReviewKind.OVERRIDE ? 'application.overrideFinding' : 'application.reportMissedFinding',
      entity: app,
      before,
      after: { findings: app.findings.map((f) => `${f.code}:${f.severity}`), hasBlockingFindings: app.hasBlockingFindings },
      comment: `${code}（${labelOf(code).zh}）：${reason}`,
      countyId: app.county.id,
    });
    await em.flush();
    return review;
  });
}

/**
 * Adds a decision's excerpt to the county's vocabulary of its negative item: an override
 * as a counter-example (so the look-alike is let through next time), a miss as an
 * example, optionally with a trigger phrase. Staged for the next list version.
 */
export async function addFindingReviewToExamples(
  ctx: Context,
  id: string,
  input: { excerpt?: string | null; triggerPhrase?: string | null },
): Promise<FindingReview> {
  const reviewId = fromGlobalId(id, 'FindingReview').id;
  return ctx.em.transactional(async (em) => {
    const review = await em.findOne(FindingReview, { id: reviewId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!review) throw notFound('该复核记录', 'Finding review');
    mayReview(ctx, review.county.id);
    if (review.exampleChange) throw conflict('该复核已加入本县例句', 'This decision was already added to the examples');
    if (!review.listItem) {
      throw badInput('该复核没有对应的负面清单事项，无法加入例句', 'The decision names no negative item', [
        { field: 'id', message: '未关联负面清单事项', messageEn: 'no negative item' },
      ]);
    }
    const excerpt = (input.excerpt?.trim() || review.excerpt).slice(0, LIMITS.excerpt);
    const phrase = input.triggerPhrase?.trim() || null;
    if (phrase && (phrase.length < 2 || phrase.length > LIMITS.phrase)) {
      throw badInput('触发词应为 2–40 个字', 'A trigger phrase has 2–40 characters', [
        { field: 'triggerPhrase', message: '长度应为 2–40 个字', messageEn: '2–40 characters' },
      ]);
    }
    if (phrase && review.kind === FindingReviewKind.OVERRIDE) {
      throw badInput('误判不能加入触发词', 'An override adds no trigger phrase', [
        { field: 'triggerPhrase', message: '误判只加入可准入例句', messageEn: 'an override adds a counter-example only' },
      ]);
    }
    const app = await em.findOneOrFail(AdmissionApplication, { id: review.application.id });
    const change = await addListItemVocabulary(em, ctx, {
      itemId: review.listItem.id,
      reason: `审核人员复核 ${app.number}（${review.kind === FindingReviewKind.OVERRIDE ? '误判，加入可准入例句' : '漏判，加入例句'}）：${review.reason}`.slice(
        0,
        1000,
      ),
      add: review.kind === FindingReviewKind.OVERRIDE ? { counterExamples: [excerpt] } : { examples: [excerpt], triggerPhrases: phrase ? [phrase] : [] },
    });
    review.exampleChange = em.getReference(ListChange, change.id, { wrapped: true });
    await audit(em, ctx, {
      action: 'findingReview.addToExamples',
      entity: review,
      after: { listChangeId: change.id, excerpt, triggerPhrase: phrase },
      countyId: review.county.id,
    });
    await em.flush();
    return review;
  });
}
