import './supervision/supervision.subscribers';
import { LedgerFiling, LedgerRequirement } from './ledgers/ledger.entity';
import { Plaque } from './plaques/plaque.entity';
import { CertificateIssuance } from './certificates/certificate-issuance.entity';
import { Refusal } from './refusals/refusal.entity';
import { ServiceContract, ServiceContractEvaluation } from './contracts/service-contract.entity';
import { FundingAllocation } from './funding/funding-allocation.entity';
import { Inspection, Interview, PublicCriticism, SupervisionFinding } from './supervision/supervision.entity';

/** The burden registry's tables (CertificateType is listed with the admission entities, whose rules read it). */
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
