import { estimateBurden } from '../burden';
import { FindingSeverity } from '../enums';
import type { ApplicationFacts, Finding, Rule } from './types';

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The burden hours a year the application would add across its communities: its full
 * estimate when the caller passes it (`burdenHoursPerYear`), else the Standard Cost Model
 * of its ledgers alone (the same formula, without the declared meeting and other hours).
 */
export function applicationHours(app: ApplicationFacts): number {
  if (app.burdenHoursPerYear != null) return app.burdenHoursPerYear;
  return estimateBurden({
    ledgers: app.ledgers,
    meetingHoursPerYear: 0,
    inspectionHoursPerYear: 0,
    dataEntryHoursPerYear: 0,
    communities: app.communityIds.length,
  }).hoursPerYear;
}

/**
 * One in, one out (负担总量控制): when the county has set a yearly ceiling on the burden
 * hours its departments may add, an application that would take the year's approvals
 * (less abolitions) over it is flagged for the reviewer (WARNING).
 */
export const budgetRule: Rule = {
  code: 'BUDGET_EXCEEDED',
  severity: FindingSeverity.WARNING,
  description: '县设定了年度新增负担工时上限（一进一出）：批准本事项将超出上限时提示审核人员。',
  check(app, ctx): Finding[] {
    const budget = ctx.budget;
    if (!budget) return [];
    const hours = applicationHours(app);
    if (hours <= 0 || budget.usedHours + hours <= budget.ceilingHours) return [];
    const over = r1(budget.usedHours + hours - budget.ceilingHours);
    const left = r1(Math.max(0, budget.ceilingHours - budget.usedHours));
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `本事项测算负担 ${r1(hours)} 小时/年，本县本年度新增负担上限 ${r1(budget.ceilingHours)} 小时、已用 ${r1(budget.usedHours)} 小时（剩余 ${left} 小时），批准后将超出 ${over} 小时；请先取消或合并其他台账报表、事项（一进一出）。`,
        messageEn: `The item adds ${r1(hours)} hours a year; the county's yearly ceiling is ${r1(budget.ceilingHours)} hours with ${r1(budget.usedHours)} used, so approving it exceeds the ceiling by ${over} hours (one in, one out).`,
        evidence: [{ kind: 'BurdenBudget', id: null, label: `年度负担上限 ${r1(budget.ceilingHours)} 小时，已用 ${r1(budget.usedHours)} 小时` }],
      },
    ];
  },
};
