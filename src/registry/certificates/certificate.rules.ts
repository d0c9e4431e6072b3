import { CertificateRefusalReason, IssuanceOutcome, RequesterKind } from './certificate.enums';
import { labelOf } from '../../kernel/enums';

export interface CertificateTypeFacts {
  id: number;
  name: string;
  communityCanVerify: boolean;
  abolishedOn: string | null;
  abolishedBy: string | null;
}

export interface CertificateRequestFacts {
  requesterKind: RequesterKind;
  forEnterpriseBusiness: boolean;
}

export interface CertificateDecision {
  outcome: IssuanceOutcome;
  reason: CertificateRefusalReason | null;
  message: string;
  messageEn: string;
}

/**
 * Whether a community may issue a certificate (万能章 clean-up), in this order:
 * abolished → refused; an enterprise asking for its own business → refused; not on the
 * county's list → refused; not something the community can verify → refused; else issued.
 * `type` is the certificate on the county's list, or null when it is not there.
 */
export function decideCertificateRequest(type: CertificateTypeFacts | null, request: CertificateRequestFacts, today: string): CertificateDecision {
  const refuse = (reason: CertificateRefusalReason, detail = ''): CertificateDecision => ({
    outcome: IssuanceOutcome.REFUSED,
    reason,
    message: `不予出具：${labelOf(CertificateRefusalReason, reason).zh}${detail}。`,
    messageEn: `Refused: ${labelOf(CertificateRefusalReason, reason).en}.`,
  });
  if (type?.abolishedOn && type.abolishedOn <= today) {
    return refuse(CertificateRefusalReason.ABOLISHED, `（${type.abolishedOn}${type.abolishedBy ? ` 依${type.abolishedBy}` : ''}取消）`);
  }
  if (request.requesterKind === RequesterKind.ENTERPRISE && request.forEnterpriseBusiness) return refuse(CertificateRefusalReason.ENTERPRISE_OWN_BUSINESS);
  if (!type) return refuse(CertificateRefusalReason.NOT_ON_LIST);
  if (!type.communityCanVerify) return refuse(CertificateRefusalReason.CANNOT_VERIFY);
  return { outcome: IssuanceOutcome.ISSUED, reason: null, message: `可以出具“${type.name}”。`, messageEn: `“${type.name}” may be issued.` };
}
