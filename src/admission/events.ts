import type { AdmissionApplication } from './entity/application.entity';

/**
 * An emergency entry (先进后批) passed its approval deadline unapproved and was flagged
 * (src/admission/schedules.ts). Supervision opens a case against the department
 * (src/registry: a finding with source EMERGENCY_OVERDUE), in the same transaction.
 */
export class EmergencyEntryOverdue {
  static readonly required = true;
  constructor(
    readonly application: AdmissionApplication,
    readonly at: Date,
  ) {}
}
