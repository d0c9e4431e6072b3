import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DataElement } from '../platform';
import { CertificateType } from '../catalogue';
import { currentListItems } from '../catalogue';
import { AdmissionApplication } from './entity/application.entity';
import { ApplicationKind, ApplicationStatus, FindingSeverity } from './enums';
import { toGlobalId } from '../kernel/global-id';
import { FindingReview } from './entity/finding-review.entity';
import { RULES, type ApplicationFacts, type Finding, type FindingReviewFacts, type RuleContext } from './rules';
import { labelOf } from './rules/codes';
import { budgetFacts } from './service/budget';
import { chinaYear } from '../kernel/dates';

/** Statuses of items that are admitted into communities (or about to be). */
export const ADMITTED_STATUSES = [ApplicationStatus.APPROVED, ApplicationStatus.IN_EFFECT, ApplicationStatus.EMERGENCY_IN_EFFECT];

/** Loads what the rules compare an application against (queries run together). */
export async function loadRuleContext(
  em: EntityManager,
  countyId: number,
  app: ApplicationFacts,
  options: { fundingFloorYuanPerHour?: number } = {},
): Promise<RuleContext> {
  const codes = [...new Set([...app.dataElementCodes, ...app.ledgers.flatMap((l) => l.dataElementCodes)])];
  const [listItems, dataElements, certificates, existing, budget, reviews] = await Promise.all([
    currentListItems(em, countyId),
    codes.length ? em.find(DataElement, { code: { $in: codes } }) : Promise.resolve([]),
    app.certificates.length ? em.find(CertificateType, { county: countyId, name: { $in: app.certificates.map((c) => c.trim()) } }) : Promise.resolve([]),
    // Every department's admitted items, whoever asks: overlaps with another department's item are the point (宜并则并).
    em.find(AdmissionApplication, { county: countyId, status: { $in: ADMITTED_STATUSES }, ...(app.id ? { id: { $ne: app.id } } : {}) }, { filters: false }),
    budgetFacts(em, countyId, chinaYear(), app.id),
    app.id ? em.find(FindingReview, { application: app.id }, { orderBy: { id: 'asc' }, populate: ['reviewer'], filters: false }) : Promise.resolve([]),
  ]);
  return {
    listItems: listItems.map((i) => ({
      id: i.id,
      itemKey: i.itemKey,
      listType: i.listType,
      title: i.title,
      category: i.category,
      description: i.description,
      legalBasis: i.legalBasis,
      triggerPhrases: i.triggerPhrases,
      examples: i.examples,
      counterExamples: i.counterExamples,
    })),
    dataElements: dataElements.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      collectedOnPlatform: e.collectedOnPlatform,
      sourceSystem: e.sourceSystem ?? null,
    })),
    certificates: certificates.map((c) => ({ id: c.id, name: c.name, abolishedOn: c.abolishedOn ?? null, abolishedBy: c.abolishedBy ?? null })),
    existingItems: existing.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      category: a.category,
      departmentId: a.department.id,
      communityIds: a.communityIds,
      ledgers: a.ledgers,
    })),
    budget,
    fundingFloorYuanPerHour: options.fundingFloorYuanPerHour ?? 0,
    reviews: reviews.map((r) => ({
      id: r.id,
      kind: r.kind,
      code: r.findingCode,
      listItemId: r.listItem?.id ?? null,
      reason: r.reason,
      textHash: r.textHash,
      reviewer: r.reviewer.getEntity().displayName,
      decidedAt: r.createdAt.toISOString(),
    })),
  };
}

/** The text a reviewer's decision is bound to: an override holds while it is unchanged. */
export function textHash(app: Pick<ApplicationFacts, 'title' | 'description' | 'evaluation'>): string {
  return crypto
    .createHash('sha256')
    .update(`${app.title}\n${app.description}\n${app.evaluation ?? ''}`)
    .digest('hex');
}

/**
 * Reviewers' decisions on disputed findings: an OVERRIDE turns the blocking finding it
 * names into a REVIEWER_OVERRIDE warning (while the text it was decided on is unchanged);
 * a MISSED decision adds the negative-list finding the engine did not raise. The latest
 * decision on a code wins.
 */
export function applyReviews(app: ApplicationFacts, reviews: FindingReviewFacts[], findings: Finding[], listItems: RuleContext['listItems'] = []): Finding[] {
  if (!reviews.length) return findings;
  const latest = new Map<string, FindingReviewFacts>();
  for (const r of reviews) latest.set(r.code, r);
  let out = [...findings];
  const hash = textHash(app);
  for (const r of latest.values()) {
    if (r.kind === 'OVERRIDE') {
      if (r.textHash !== hash) continue;
      const hit = out.find((f) => f.code === r.code && f.severity === FindingSeverity.BLOCKING);
      if (!hit) continue;
      out = out.filter((f) => f !== hit);
      out.push({
        code: 'REVIEWER_OVERRIDE',
        severity: FindingSeverity.WARNING,
        message: `${r.reviewer}已复核撤销阻断发现 ${r.code}（${labelOf(r.code).zh}）：${r.reason}`,
        messageEn: `A reviewer overrode the blocking finding ${r.code}: ${r.reason}`,
        evidence: [{ kind: 'FindingReview', id: toGlobalId('FindingReview', r.id), label: `原发现：${hit.message}` }, ...hit.evidence],
      });
    } else {
      const code = app.kind === ApplicationKind.PURCHASE_OF_SERVICE ? 'NEGATIVE_AS_PURCHASE' : r.code;
      const existing = out.find((f) => f.code === code && f.severity === FindingSeverity.BLOCKING);
      const item = r.listItemId != null ? listItems.find((i) => i.id === r.listItemId) : undefined;
      const evidence = {
        kind: 'FindingReview',
        id: toGlobalId('FindingReview', r.id),
        label: `审核人员${r.reviewer}认定${item ? `属负面清单 ${item.itemKey}：${item.title}` : ''}：${r.reason}`,
        itemKey: item?.itemKey ?? null,
        category: item?.category ?? null,
        phrases: [],
        score: null,
      };
      if (existing) existing.evidence = [evidence, ...existing.evidence];
      else
        out.unshift({
          code,
          severity: FindingSeverity.BLOCKING,
          message: `审核人员认定该事项属于${labelOf(code).zh}：${r.reason}`,
          messageEn: `A reviewer found this to be ${labelOf(code).en.toLowerCase()}: ${r.reason}`,
          evidence: [evidence],
        });
    }
  }
  return out;
}

/** Runs every rule, then the reviewers' decisions; findings in rule order. */
export function runRules(app: ApplicationFacts, ctx: RuleContext): Finding[] {
  const findings = RULES.flatMap((rule) => rule.check(app, ctx));
  return applyReviews(app, ctx.reviews ?? [], findings, ctx.listItems);
}

export const hasBlocking = (findings: Finding[]) => findings.some((f) => f.severity === FindingSeverity.BLOCKING);
