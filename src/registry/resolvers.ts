import { LedgerFilingResolver, LedgerRequirementResolver } from './ledger.resolver';
import { PlaqueResolver } from './plaque.resolver';
import { CertificateIssuanceResolver, CertificateTypeResolver } from './certificate.resolver';
import { RefusalResolver } from './refusal.resolver';
import { ServiceContractEvaluationResolver, ServiceContractResolver } from './contract.resolver';
import { FundingAllocationResolver, UnfundedItemResolver, UnpaidCommunityResolver } from './funding.resolver';
import { InspectionResolver, InterviewResolver, PublicCriticismResolver, RepeatOffenderResolver, SupervisionFindingResolver } from './supervision.resolver';
import { DepartmentRecordResolver } from './department-record.resolver';

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
