import { GEOGRAPHY_ENTITIES } from '../geography';
import { ORGANISATION_ENTITIES } from '../organisation';
import { ApiToken, RevokedToken, User, UserSession } from '../auth';
import { AuditChainHead, AuditEvent } from '../audit';
import { BusinessApp, CollectedValue, DataElement, DataRequirement, SyncRejectedRecord, SyncRun, Terminal } from '../platform';
import { CATALOGUE_ENTITIES, CertificateType } from '../catalogue';
import { AdmissionApplication, ApprovalDocument, CommitteeDecision, DocumentRevocationList, DocumentSigningKey, FindingReview, Review } from '../admission';
import { REGISTRY_ENTITIES } from '../registry';
import { STATISTICS_ENTITIES } from '../statistics';
import { DocumentSequence } from '../kernel/document-sequence.entity';
import { RateLimitCounter } from '../http/rate-limit';

/**
 * Every entity, listed explicitly so discovery is the same from source and from dist/.
 * Importing each module's index also loads its event subscribers (src/kernel/events.ts):
 * whoever opens the database has them all. The order is kept as it was (node(id) names
 * the types in this order when an ID is malformed).
 */
export const ENTITIES = [
  ...GEOGRAPHY_ENTITIES,
  ...ORGANISATION_ENTITIES,
  User,
  ApiToken,
  AuditEvent,
  DataElement,
  BusinessApp,
  Terminal,
  CollectedValue,
  SyncRun,
  SyncRejectedRecord,
  DataRequirement,
  ...CATALOGUE_ENTITIES,
  AdmissionApplication,
  Review,
  CommitteeDecision,
  ApprovalDocument,
  DocumentSequence,
  CertificateType,
  FindingReview,
  DocumentSigningKey,
  DocumentRevocationList,
  ...REGISTRY_ENTITIES,
  RevokedToken,
  AuditChainHead,
  RateLimitCounter,
  UserSession,
  ...STATISTICS_ENTITIES,
];
