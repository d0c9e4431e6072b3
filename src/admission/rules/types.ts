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
  /** Period (YYYY-MM-DD); the funding rule spreads the yearly burden over it. */
  periodStart?: string | null;
  periodEnd?: string | null;
  personnelSupport?: string | null;
  trainingSupport?: string | null;
  fundingFlow?: string | null;
  /** The text as it stood when it was last blocked (REWORDED_AFTER_BLOCK compares with it). */
  lastBlocked?: BlockedVersion | null;
}

/** An application's text and blocking findings at the moment an edit replaced them. */
export interface BlockedVersion {
  at: string;
  title: string;
  description: string;
  evaluation?: string | null;
  findings: Array<{ code: string; message: string; evidence: string[] }>;
}

export interface ListItemFacts {
  id: number;
  itemKey: string;
  listType: 'DUTY' | 'ASSISTANCE' | 'NEGATIVE';
  title: string;
  category: WorkCategory;
  description?: string;
  legalBasis?: string[];
  /** Reviewers' vocabulary, versioned with the lists: phrases that mark this item's work… */
  triggerPhrases?: string[];
  /** …sentences that are this item's work… */
  examples?: string[];
  /** …and admissible sentences that resemble it (look-alikes a reviewer let through). */
  counterExamples?: string[];
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
  /** Funding floor in yuan per community-hour of estimated burden (FUNDING_FLOOR_YUAN_PER_HOUR); 0 turns the check off. */
  fundingFloorYuanPerHour?: number;
  /** Reviewers' decisions on this application's findings (overrides and caught misses). */
  reviews?: FindingReviewFacts[];
}

/** A reviewer's decision on a finding of this application (src/admission/finding-review.entity.ts). */
export interface FindingReviewFacts {
  id: number;
  kind: 'OVERRIDE' | 'MISSED';
  code: string;
  /** The negative item concerned, if any. */
  listItemId: number | null;
  reason: string;
  /** SHA-256 of the text it was decided on; an override holds only while the text is the same. */
  textHash: string;
  reviewer: string;
  decidedAt: string;
}

export interface Evidence {
  kind: string;
  id: string | null;
  label: string;
  /** For negative-list evidence: the list item's key and category, the phrases that matched, the score. */
  itemKey?: string | null;
  category?: WorkCategory | null;
  phrases?: string[];
  score?: number | null;
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
