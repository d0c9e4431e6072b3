import type { WorkCategory } from '../../catalogue';
import type { LedgerDemand } from '../entity/application.entity';
import type { ApplicationKind, FindingSeverity } from '../enums';

/** What a rule sees of the application under check. */
export interface ApplicationFacts {
  id: number | null;
  title: string;
  description: string;
  kind: ApplicationKind;
  category: WorkCategory;
  listItemId: number | null;
  legalBasis: string[];
  fundingAmount: number;
  ledgers: LedgerDemand[];
  dataElementCodes: string[];
  wantsTerminal: boolean;
  wantsApp: boolean;
  appName: string | null;
  integratedWithPlatform: boolean;
  certificates: string[];
  evaluation: string | null;
  oneVoteVeto: boolean;
  requiresQualification: boolean;
  requiresEnforcementPower: boolean;
  departmentId: number;
  /** Community ids in scope. */
  communityIds: number[];
  /** The burden estimate, hours a year across the scope, when known (the budget rule uses it). */
  burdenHoursPerYear?: number | null;
}

export interface ListItemFacts {
  id: number;
  itemKey: string;
  listType: 'DUTY' | 'ASSISTANCE' | 'NEGATIVE';
  title: string;
  category: WorkCategory;
}

export interface DataElementFacts {
  id: number;
  code: string;
  name: string;
  collectedOnPlatform: boolean;
  sourceSystem: string | null;
}

export interface CertificateFacts {
  id: number;
  name: string;
  abolishedOn: string | null;
  abolishedBy: string | null;
}

/** An approved or in-effect item of the same county, to compare against. */
export interface ExistingItemFacts {
  id: number;
  number: string;
  title: string;
  category: WorkCategory;
  departmentId: number;
  communityIds: number[];
  ledgers: LedgerDemand[];
}

/**
 * Everything rules may look at besides the application: the county's published lists,
 * the data element catalogue, the certificate list and the items already admitted.
 * The engine fills it from the database; rule tests fill it by hand.
 */
export interface RuleContext {
  listItems: ListItemFacts[];
  dataElements: DataElementFacts[];
  certificates: CertificateFacts[];
  existingItems: ExistingItemFacts[];
  /** The county's burden budget for this year (ceiling and hours used), or null when none is set (statistics/budget.ts). */
  budget?: { ceilingHours: number; usedHours: number } | null;
}

export interface Evidence {
  kind: string;
  id: string | null;
  label: string;
}

export interface Finding {
  code: string;
  severity: FindingSeverity;
  message: string;
  messageEn: string;
  evidence: Evidence[];
}

/** One rule: a stable code, what it checks, and the check itself. Add a rule by adding a file to rules/index.ts. */
export interface Rule {
  code: string;
  severity: FindingSeverity;
  description: string;
  check(app: ApplicationFacts, ctx: RuleContext): Finding[];
}
