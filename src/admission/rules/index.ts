import type { Rule } from './types';
import { negativeAsPurchaseRule, negativeListRule, negativeLookalikeRule } from './negative-list.rule';
import { professionalWorkRule, purchaseQualificationRule } from './purchase.rule';
import { legalBasisRule, legalBasisUnverifiedRule } from './legal-basis.rule';
import { listedItemRule } from './listed-item.rule';
import { fundingRule, fundingSufficiencyRule } from './funding.rule';
import { supportRule } from './support.rule';
import { terminalRule } from './terminal.rule';
import { dataAlreadyCollectedRule } from './data-elements.rule';
import { ledgerRule } from './ledgers.rule';
import { abolishedCertificateRule } from './certificates.rule';
import { overlapRule } from './overlap.rule';
import { oneVoteVetoRule } from './one-vote-veto.rule';
import { targetAssessmentRule } from './target-assessment.rule';
import { budgetRule } from './budget.rule';
import { periodRule } from './period.rule';
import { rewordedRule } from './reworded.rule';

/** Every rule the engine runs, in the order findings are listed. A new rule is a new file and a line here. */
export const RULES: Rule[] = [
  periodRule,
  negativeListRule,
  negativeAsPurchaseRule,
  purchaseQualificationRule,
  professionalWorkRule,
  legalBasisRule,
  listedItemRule,
  abolishedCertificateRule,
  terminalRule,
  oneVoteVetoRule,
  targetAssessmentRule,
  negativeLookalikeRule,
  legalBasisUnverifiedRule,
  fundingRule,
  fundingSufficiencyRule,
  supportRule,
  dataAlreadyCollectedRule,
  ledgerRule,
  overlapRule,
  budgetRule,
  rewordedRule,
];

export * from './types';
