/** Dates as the county sees them: calendar days in China Standard Time (UTC+8, no DST). */
const CST_OFFSET_MS = 8 * 3600 * 1000;

/** `YYYY-MM-DD` of `at` in China Standard Time. */
export function chinaDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year of `at` in China Standard Time. */
export function chinaYear(at: Date = new Date()): number {
  return Number(chinaDate(at).slice(0, 4));
}

/**
 * `from` plus `days` working days (Saturdays and Sundays skipped; public holidays are
 * not modelled), at the same time of day.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let t = from.getTime();
  let left = days;
  while (left > 0) {
    t += 86_400_000;
    const weekday = new Date(t + CST_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(t);
}
