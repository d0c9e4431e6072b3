import { FILINGS_PER_YEAR, LedgerFrequency } from './enums';
import type { BurdenEstimate, LedgerDemand } from './entity/application.entity';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Filings a year of one ledger. */
export function filingsPerYear(ledger: Pick<LedgerDemand, 'frequency' | 'expectedPerYear'>): number {
  return ledger.frequency === LedgerFrequency.AD_HOC ? (ledger.expectedPerYear ?? 0) : FILINGS_PER_YEAR[ledger.frequency];
}

/**
 * Standard Cost Model: Σ filings a year × minutes per filing ÷ 60 per community, plus the
 * declared meeting, inspection and data-entry hours per community; times the communities
 * in scope. Hours rounded to one decimal.
 */
export function estimateBurden(input: {
  ledgers: Array<Pick<LedgerDemand, 'frequency' | 'expectedPerYear' | 'minutesPerFiling'>>;
  meetingHoursPerYear: number;
  inspectionHoursPerYear: number;
  dataEntryHoursPerYear: number;
  communities: number;
}): BurdenEstimate {
  const ledgerHours = input.ledgers.reduce((h, l) => h + (filingsPerYear(l) * l.minutesPerFiling) / 60, 0);
  const otherHours = input.meetingHoursPerYear + input.inspectionHoursPerYear + input.dataEntryHoursPerYear;
  const perCommunity = ledgerHours + otherHours;
  return {
    communities: input.communities,
    ledgerHoursPerCommunity: round1(ledgerHours),
    otherHoursPerCommunity: round1(otherHours),
    hoursPerCommunity: round1(perCommunity),
    hoursPerYear: round1(perCommunity * input.communities),
  };
}
