import { AdmissionApplication } from './application.entity';
import { Review, CommitteeDecision } from './review.entity';
import { ApprovalDocument } from './approval-document.entity';
import { DocumentSequence } from '../kernel/document-sequence.entity';
import { CertificateType } from '../registry/certificate-type.entity';
import { DocumentRevocationList, DocumentSigningKey } from './signing-key.entity';
import { FindingReview } from './finding-review.entity';

/** The admission module's tables (and the certificate list its rules read). */
export const ADMISSION_ENTITIES = [AdmissionApplication, Review, CommitteeDecision, ApprovalDocument, DocumentSequence, CertificateType, FindingReview, DocumentSigningKey, DocumentRevocationList];
