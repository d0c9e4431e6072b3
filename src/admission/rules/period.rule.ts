import { FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

declare module './types' {
  interface ApplicationFacts {
    /** Declared period (实施期限), YYYY-MM-DD; the end null for a standing item. */
    periodStart?: string | null;
    periodEnd?: string | null;
    /** Today in China Standard Time (YYYY-MM-DD), as of the check. */
    today?: string | null;
  }
}

/**
 * The validity window an approval document would get — from the later of the period start
 * and the day it is issued, until the period end — must never be inverted: a period that
 * ends before it starts, or has already ended, is BLOCKING (it cannot be submitted or
 * approved, and no document can be issued for it).
 */
export const periodRule: Rule = {
  code: 'PERIOD_INVALID',
  severity: FindingSeverity.BLOCKING,
  description: '实施期限无效：截止日期早于起始日期，或实施期限已经结束，不能签发有效的批准文书。',
  check(app): Finding[] {
    const start = app.periodStart ?? null;
    const end = app.periodEnd ?? null;
    if (!start || !end) return [];
    if (end < start) {
      return [
        {
          code: this.code,
          severity: this.severity,
          message: `实施期限无效：截止日期 ${end} 早于起始日期 ${start}。`,
          messageEn: `Invalid period: it ends (${end}) before it starts (${start}).`,
          evidence: [{ kind: 'Period', id: null, label: `${start} 至 ${end}` }],
        },
      ];
    }
    const today = app.today ?? null;
    if (today && end < today) {
      return [
        {
          code: this.code,
          severity: this.severity,
          message: `实施期限已于 ${end} 结束，不能再申请准入；如仍需开展，请重新确定实施期限。`,
          messageEn: `The period ended on ${end}: an approval would be valid for no day. Set a new period if the work is still needed.`,
          evidence: [{ kind: 'Period', id: null, label: `${start} 至 ${end}` }],
        },
      ];
    }
    return [];
  },
};
