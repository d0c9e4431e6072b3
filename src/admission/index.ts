/**
 * Admission (准入): applications and their workflow (service/workflow.ts, guards and
 * effects in one table), the rules engine (rules/, engine.ts), the burden estimate and
 * budget, reviews and committee decisions, and approval documents (documents/: SM2
 * signing, keys, revocation lists, verification online and offline, the PDF). The public
 * surface of the module.
 */
import { AdmissionApplication } from './entity/application.entity';
import { CommitteeDecision, Review } from './entity/review.entity';
import { ApprovalDocument } from './entity/approval-document.entity';
import { DocumentRevocationList, DocumentSigningKey } from './entity/signing-key.entity';
import { FindingReview } from './entity/finding-review.entity';
import { ApplicationReviewFieldsResolver, FindingResolver, FindingReviewResolver } from './api/finding-review.resolver';
import { ApplicationResolver, ReviewResolver } from './api/application.resolver';
import { ApprovalDocumentResolver, DocumentSigningKeyResolver } from './api/approval-document.resolver';

export * from './enums';
export * from './events';
export * from './entity/application.entity';
export * from './entity/approval-document.entity';
export * from './entity/signing-key.entity';
export { AdmissionApplicationConnection } from './api/application.resolver';
export { ADMITTED_STATUSES } from './engine';
export { estimateBurden, filingsPerYear } from './burden';
export type { ApplicationFacts, ListItemFacts, RuleContext, Evidence as RuleEvidence, Finding as RuleFinding } from './rules';
export { negativeAsPurchaseRule } from './rules/negative-list.rule';
export { oneVoteVetoRule } from './rules/one-vote-veto.rule';
export { findTargetAssessment, findVeto } from './analysis/evaluation';
export { purchaseQualificationRule } from './rules/purchase.rule';
export * from './service/budget';
export * from './service/jobs';
export * from './documents/document-signing';
export * from './documents/signing-keys';
export * from './documents/document-pdf';
export * from './documents/verification-core';
export * from './documents/verification';
export * from './documents/document-http';

export { AdmissionApplication, Review, CommitteeDecision, ApprovalDocument, DocumentSigningKey, DocumentRevocationList, FindingReview };
export const ADMISSION_RESOLVERS = [
  ApplicationResolver,
  ReviewResolver,
  FindingReviewResolver,
  FindingResolver,
  ApplicationReviewFieldsResolver,
  ApprovalDocumentResolver,
  DocumentSigningKeyResolver,
] as const;
