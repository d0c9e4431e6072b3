import { ApplicationKind, FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

/** Communities may not be bought services needing a professional qualification or law-enforcement power (BLOCKING). */
export const purchaseQualificationRule: Rule = {
  code: 'PURCHASE_NEEDS_QUALIFICATION',
  severity: FindingSeverity.BLOCKING,
  description: '不得向村（社区）购买需要专业资质或执法资格的服务事项。',
  check(app): Finding[] {
    if (app.kind !== ApplicationKind.PURCHASE_OF_SERVICE || !(app.requiresQualification || app.requiresEnforcementPower)) return [];
    const needs = [app.requiresQualification && '专业资质', app.requiresEnforcementPower && '执法资格'].filter(Boolean).join('、');
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `购买服务事项需要${needs}，村（社区）不具备，不得购买。`,
        messageEn: 'The purchased service needs a professional qualification or law-enforcement power, which communities do not have.',
        evidence: [],
      },
    ];
  },
};
