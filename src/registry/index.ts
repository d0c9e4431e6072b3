/**
 * The burden registry (减负台账): what the policy asks a county to clean up and keep clean
 * besides admission — ledgers and reports, plaques, certificates, refusals and reports,
 * purchase of services, funding (费随事转) and supervision — one folder per area, and a
 * department's record across them. The public surface of the module.
 */
import './supervision/supervision.subscribers';
import { LedgerFiling, LedgerRequirement } from './ledgers/ledger.entity';
import { Plaque } from './plaques/plaque.entity';
import { CertificateIssuance } from './certificates/certificate-issuance.entity';
import { Refusal } from './refusals/refusal.entity';
import { ServiceContract, ServiceContractEvaluation } from './contracts/service-contract.entity';
import { FundingAllocation } from './funding/funding-allocation.entity';
import { Inspection, Interview, PublicCriticism, SupervisionFinding } from './supervision/supervision.entity';
import { LedgerFilingResolver, LedgerRequirementResolver } from './ledgers/ledger.resolver';
import { PlaqueResolver } from './plaques/plaque.resolver';
import { CertificateIssuanceResolver, CertificateTypeResolver } from './certificates/certificate.resolver';
import { RefusalResolver } from './refusals/refusal.resolver';
import { ServiceContractEvaluationResolver, ServiceContractResolver } from './contracts/contract.resolver';
import { FundingAllocationResolver, UnfundedItemResolver, UnpaidCommunityResolver } from './funding/funding.resolver';
import {
  InspectionResolver,
  InterviewResolver,
  PublicCriticismResolver,
  RepeatOffenderResolver,
  SupervisionFindingResolver,
} from './supervision/supervision.resolver';
import { DepartmentRecordResolver } from './department-record/department-record.resolver';

export * from './ledgers/ledger.enums';
export * from './ledgers/ledger.entity';
export { LedgerRequirementConnection } from './ledgers/ledger.resolver';
export * from './plaques/plaque.enums';
export * from './plaques/plaque.entity';
export * from './certificates/certificate.enums';
export * from './certificates/certificate-issuance.entity';
export * from './certificates/certificate.rules';
export * from './refusals/refusal.enums';
export * from './refusals/refusal.entity';
export * from './contracts/contract.enums';
export * from './contracts/service-contract.entity';
export * from './funding/funding.enums';
export * from './funding/funding-allocation.entity';
export * from './supervision/supervision.enums';
export * from './supervision/supervision.entity';
export { openEscalationFinding } from './supervision/supervision.service';

/** The registry's tables (the certificate list itself is the catalogue's). */
export const REGISTRY_ENTITIES = [
  LedgerRequirement,
  LedgerFiling,
  Plaque,
  CertificateIssuance,
  Refusal,
  ServiceContract,
  ServiceContractEvaluation,
  FundingAllocation,
  Inspection,
  SupervisionFinding,
  Interview,
  PublicCriticism,
];

export const REGISTRY_RESOLVERS = [
  LedgerRequirementResolver,
  LedgerFilingResolver,
  PlaqueResolver,
  CertificateTypeResolver,
  CertificateIssuanceResolver,
  RefusalResolver,
  ServiceContractResolver,
  ServiceContractEvaluationResolver,
  FundingAllocationResolver,
  UnfundedItemResolver,
  UnpaidCommunityResolver,
  InspectionResolver,
  SupervisionFindingResolver,
  InterviewResolver,
  PublicCriticismResolver,
  RepeatOffenderResolver,
  DepartmentRecordResolver,
] as const;
