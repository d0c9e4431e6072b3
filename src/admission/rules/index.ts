import type { Rule } from './types';
import { negativeAsPurchaseRule, negativeListRule } from './negative-list.rule';
import { purchaseQualificationRule } from './purchase.rule';
import { legalBasisRule } from './legal-basis.rule';
import { fundingRule } from './funding.rule';
import { terminalRule } from './terminal.rule';
import { dataAlreadyCollectedRule } from './data-elements.rule';
import { ledgerRule } from './ledgers.rule';
import { abolishedCertificateRule } from './certificates.rule';
import { overlapRule } from './overlap.rule';
import { oneVoteVetoRule } from './one-vote-veto.rule';
import { budgetRule } from './budget.rule';
import { periodRule } from './period.rule';

/** Every rule the engine runs, in the order findings are listed. A new rule is a new file and a line here. */
export const RULES: Rule[] = [
  periodRule,
  negativeListRule,
  negativeAsPurchaseRule,
  purchaseQualificationRule,
  legalBasisRule,
  abolishedCertificateRule,
  terminalRule,
  oneVoteVetoRule,
  fundingRule,
  dataAlreadyCollectedRule,
  ledgerRule,
  overlapRule,
  budgetRule,
];

export * from './types';
