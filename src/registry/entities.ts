import './subscribers';
import { LedgerFiling, LedgerRequirement } from './ledger.entity';
import { Plaque } from './plaque.entity';
import { CertificateIssuance } from './certificate-issuance.entity';
import { Refusal } from './refusal.entity';
import { ServiceContract, ServiceContractEvaluation } from './service-contract.entity';
import { FundingAllocation } from './funding-allocation.entity';
import { Inspection, Interview, PublicCriticism, SupervisionFinding } from './supervision.entity';

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
