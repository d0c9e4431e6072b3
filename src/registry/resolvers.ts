import { LedgerFilingResolver, LedgerRequirementResolver } from './ledgers/ledger.resolver';
import { PlaqueResolver } from './plaques/plaque.resolver';
import { CertificateIssuanceResolver, CertificateTypeResolver } from './certificates/certificate.resolver';
import { RefusalResolver } from './refusals/refusal.resolver';
import { ServiceContractEvaluationResolver, ServiceContractResolver } from './contracts/contract.resolver';
import { FundingAllocationResolver, UnfundedItemResolver, UnpaidCommunityResolver } from './funding/funding.resolver';
import { InspectionResolver, InterviewResolver, PublicCriticismResolver, RepeatOffenderResolver, SupervisionFindingResolver } from './supervision/supervision.resolver';
import { DepartmentRecordResolver } from './department-record/department-record.resolver';

/** The burden registry's resolvers (registered in src/schema.ts). */
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
