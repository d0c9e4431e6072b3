import type { EntityManager } from '@mikro-orm/postgresql';
import { DataElement } from '../platform';
import { CertificateType } from '../catalogue';
import { currentListItems } from '../catalogue';
import { AdmissionApplication } from './entity/application.entity';
import { ApplicationStatus, FindingSeverity } from './enums';
import { RULES, type ApplicationFacts, type Finding, type RuleContext } from './rules';
import { budgetFacts } from './service/budget';
import { chinaYear } from '../kernel/dates';

/** Statuses of items that are admitted into communities (or about to be). */
export const ADMITTED_STATUSES = [ApplicationStatus.APPROVED, ApplicationStatus.IN_EFFECT, ApplicationStatus.EMERGENCY_IN_EFFECT];

/** Loads what the rules compare an application against (four queries, run together). */
export async function loadRuleContext(em: EntityManager, countyId: number, app: ApplicationFacts): Promise<RuleContext> {
  const codes = [...new Set([...app.dataElementCodes, ...app.ledgers.flatMap((l) => l.dataElementCodes)])];
  const [listItems, dataElements, certificates, existing, budget] = await Promise.all([
    currentListItems(em, countyId),
    codes.length ? em.find(DataElement, { code: { $in: codes } }) : Promise.resolve([]),
    app.certificates.length ? em.find(CertificateType, { county: countyId, name: { $in: app.certificates.map((c) => c.trim()) } }) : Promise.resolve([]),
    // Every department's admitted items, whoever asks: overlaps with another department's item are the point (宜并则并).
    em.find(AdmissionApplication, { county: countyId, status: { $in: ADMITTED_STATUSES }, ...(app.id ? { id: { $ne: app.id } } : {}) }, { filters: false }),
    budgetFacts(em, countyId, chinaYear(), app.id),
  ]);
  return {
    listItems: listItems.map((i) => ({ id: i.id, itemKey: i.itemKey, listType: i.listType, title: i.title, category: i.category })),
    dataElements: dataElements.map((e) => ({ id: e.id, code: e.code, name: e.name, collectedOnPlatform: e.collectedOnPlatform, sourceSystem: e.sourceSystem ?? null })),
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
  };
}

/** Runs every rule; findings in rule order. */
export function runRules(app: ApplicationFacts, ctx: RuleContext): Finding[] {
  return RULES.flatMap((rule) => rule.check(app, ctx));
}

export const hasBlocking = (findings: Finding[]) => findings.some((f) => f.severity === FindingSeverity.BLOCKING);
