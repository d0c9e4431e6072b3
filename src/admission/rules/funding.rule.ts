import { ApplicationKind, FindingSeverity } from '../enums';
import { applicationHours } from './budget.rule';
import type { ApplicationFacts, Finding, Rule } from './types';

/** 费随事转: an assistance item must bring funding; without it the reviewer must explicitly accept (WARNING). */
export const fundingRule: Rule = {
  code: 'NO_FUNDING',
  severity: FindingSeverity.WARNING,
  description: '协助办理事项应随事转费（费随事转），未安排经费须审核人员明确确认。',
  check(app): Finding[] {
    if (app.kind === ApplicationKind.PURCHASE_OF_SERVICE || app.fundingAmount > 0) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: '未安排下沉村（社区）的工作经费，不符合“费随事转”原则。',
        messageEn: 'No funding reaches communities: funding should follow the task.',
        evidence: [],
      },
    ];
  },
};

const DAY = 24 * 3600 * 1000;
const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Years the period covers (a standing item: one year of funding against one year of burden). */
export function periodYears(app: Pick<ApplicationFacts, 'periodStart' | 'periodEnd'>): number {
  if (!app.periodStart || !app.periodEnd) return 1;
  const days = (Date.parse(`${app.periodEnd}T00:00:00Z`) - Date.parse(`${app.periodStart}T00:00:00Z`)) / DAY + 1;
  if (!Number.isFinite(days) || days <= 0) return 1;
  return Math.min(10, Math.max(1 / 12, days / 365));
}

/**
 * 事费配套: funding judged against the burden it pays for (WARNING). The burden estimate
 * (hours a year across the communities in scope) is spread over the period; funding
 * below the county's floor of yuan per community-hour (FUNDING_FLOOR_YUAN_PER_HOUR) is
 * flagged with the figures. 1 yuan for 12,376 hours a year is not 费随事转.
 */
export const fundingSufficiencyRule: Rule = {
  code: 'FUNDING_INSUFFICIENT',
  severity: FindingSeverity.WARNING,
  description: '经费按测算负担折算每社区工时低于标准（元/小时，可配置）的，提示审核人员（事费配套）。',
  check(app, ctx): Finding[] {
    const floor = ctx.fundingFloorYuanPerHour ?? 0;
    if (floor <= 0 || app.fundingAmount <= 0) return [];
    const hours = applicationHours(app) * periodYears(app);
    if (hours <= 0) return [];
    const perHour = app.fundingAmount / hours;
    if (perHour >= floor) return [];
    const needed = Math.ceil(hours * floor);
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `下沉经费 ${r2(app.fundingAmount)} 元，测算负担 ${r1(hours)} 小时（实施期内、全部村（社区）），折合每小时 ${r2(perHour)} 元，低于本县标准 ${floor} 元/小时；按标准应不少于 ${needed} 元（事费配套）。`,
        messageEn: `Funding of ${r2(app.fundingAmount)} yuan for ${r1(hours)} community-hours is ${r2(perHour)} yuan an hour, below the floor of ${floor}; at least ${needed} yuan would match the burden.`,
        evidence: [
          { kind: 'BurdenEstimate', id: null, label: `经费 ${r2(app.fundingAmount)} 元 ÷ 负担 ${r1(hours)} 小时 = ${r2(perHour)} 元/小时 < ${floor} 元/小时` },
        ],
      },
    ];
  },
};
