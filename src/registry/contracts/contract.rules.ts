import { negativeAsPurchaseRule } from '../../admission';
import { purchaseQualificationRule } from '../../admission';
import { findTargetAssessment, findVeto } from '../../admission';
import type { ApplicationFacts, RuleEvidence as Evidence, ListItemFacts, RuleContext } from '../../admission';
import { ApplicationKind } from '../../admission';
import type { WorkCategory } from '../../catalogue';
import { toGlobalId } from '../../kernel/global-id';

/** What the guards see of a service contract. */
export interface ContractFacts {
  title: string;
  scope: string;
  category: WorkCategory;
  listItemId: number | null;
  evaluationMethod: string;
  requiresQualification: boolean;
  requiresEnforcementPower: boolean;
  departmentId: number;
  communityId: number;
}

/** A guard that failed: which input field, which rule, why. */
export interface ContractProblem {
  code: 'NEGATIVE_AS_PURCHASE' | 'ON_ASSISTANCE_LIST' | 'PURCHASE_NEEDS_QUALIFICATION' | 'TARGET_ASSESSMENT' | 'ONE_VOTE_VETO';
  field: string;
  message: string;
  messageEn: string;
  evidence: Evidence[];
}

/** Words that give away a service needing a professional qualification or enforcement power, besides what the admission analysis reads as professional work. */
export const QUALIFICATION_WORDS = /资质|执业|司法鉴定|审计报告|造价咨询|安全评价|执法|行政处罚/;

/** The application-shaped facts the admission rules take, for a contract. */
function asApplication(c: ContractFacts): ApplicationFacts {
  return {
    id: null,
    title: c.title,
    description: c.scope,
    kind: ApplicationKind.PURCHASE_OF_SERVICE,
    category: c.category,
    listItemId: c.listItemId,
    legalBasis: [],
    fundingAmount: 0,
    ledgers: [],
    dataElementCodes: [],
    wantsTerminal: false,
    wantsApp: false,
    appName: null,
    integratedWithPlatform: false,
    certificates: [],
    evaluation: c.evaluationMethod,
    oneVoteVeto: false,
    requiresQualification: c.requiresQualification,
    requiresEnforcementPower: c.requiresEnforcementPower,
    departmentId: c.departmentId,
    communityIds: [c.communityId],
  };
}

/**
 * The purchase-of-services guards (政府购买服务): work outside the assistance and negative
 * lists only — no negative-list work disguised as a purchase (the admission engine's
 * `negativeMatches`, by category, linked item or give-away words), nothing on the
 * assistance list (that is admitted with funding instead); no service needing a
 * professional qualification or law-enforcement power; satisfaction by the contract
 * terms, never by target assessment or a one-vote veto. Empty when the contract may be signed.
 */
export function checkContract(c: ContractFacts, listItems: ListItemFacts[]): ContractProblem[] {
  const ctx: RuleContext = { listItems, dataElements: [], certificates: [], existingItems: [] };
  const app = asApplication(c);
  const problems: ContractProblem[] = [];
  for (const f of negativeAsPurchaseRule.check(app, ctx)) {
    problems.push({ code: 'NEGATIVE_AS_PURCHASE', field: 'scope', message: f.message, messageEn: f.messageEn, evidence: f.evidence });
  }
  const linked = c.listItemId != null ? listItems.find((i) => i.id === c.listItemId) : undefined;
  if (linked?.listType === 'ASSISTANCE') {
    problems.push({
      code: 'ON_ASSISTANCE_LIST',
      field: 'listItemId',
      message: `“${linked.title}”属于协助办理事项清单，应按准入程序办理并随事转费，不得以购买服务方式办理。`,
      messageEn: 'The work is on the assistance list: admit it with funding instead of buying it as a service.',
      evidence: [{ kind: 'ListItem', id: toGlobalId('ListItem', linked.id), label: `协助办理事项 ${linked.itemKey}：${linked.title}` }],
    });
  }
  // the admission engine's reading of the service (鉴定、检测并出具报告、注射疫苗…), then the flags, then give-away words
  const byText = purchaseQualificationRule.check(app, ctx);
  const flagged = c.requiresQualification || c.requiresEnforcementPower;
  const words = QUALIFICATION_WORDS.exec(`${c.title}\n${c.scope}`);
  if (byText.length || words) {
    problems.push({
      code: 'PURCHASE_NEEDS_QUALIFICATION',
      field: flagged ? (c.requiresEnforcementPower && !c.requiresQualification ? 'requiresEnforcementPower' : 'requiresQualification') : 'scope',
      message: byText[0]?.message ?? `服务内容含“${words![0]}”，需要专业资质或执法资格，不得向村（社区）购买。`,
      messageEn: byText[0]?.messageEn ?? 'The service needs a professional qualification or law-enforcement power, which communities do not have.',
      evidence: [...(byText[0]?.evidence ?? []).filter((e) => e.kind === 'Text'), ...(words ? [{ kind: 'Text', id: null, label: `内容含“${words[0]}”` }] : [])],
    });
  }
  problems.push(...evaluationProblems(c.evaluationMethod, 'evaluationMethod'));
  return problems;
}

/**
 * An evaluation text may judge only by the contract: no target-assessment scoring,
 * ranking or naming, no one-vote veto — also in paraphrase (the admission engine's
 * reading of evaluation clauses, analysis/evaluation.ts).
 */
export function evaluationProblems(text: string, field: string): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const target = findTargetAssessment(text, '');
  if (target.length) {
    problems.push({
      code: 'TARGET_ASSESSMENT',
      field,
      message: `评价方式含“${target.map((t) => t.phrase).join('、')}”（${target[0].why}）：购买服务满意度评定以合同条款为依据，不得以目标考核方式进行工作评价。`,
      messageEn: 'Satisfaction is judged by the contract terms only, never by target assessment.',
      evidence: target.map((t) => ({ kind: 'Text', id: null, label: `“${t.phrase}”：${t.why}` })),
    });
  }
  const veto = findVeto(text, '');
  if (veto.length) {
    problems.push({
      code: 'ONE_VOTE_VETO',
      field,
      message: `评价方式含“一票否决”或变相否决条款（${veto.map((v) => `“${v.phrase}”`).join('、')}），已明令取消。`,
      messageEn: 'The evaluation contains a one-vote-veto clause (or a paraphrase of one), which is abolished.',
      evidence: veto.map((v) => ({ kind: 'Text', id: null, label: `“${v.phrase}”：${v.why}` })),
    });
  }
  return problems;
}
