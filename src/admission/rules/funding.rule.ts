import { ApplicationKind, FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

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
