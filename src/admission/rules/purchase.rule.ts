import { ApplicationKind, FindingSeverity } from '../enums';
import { analyse } from '../analysis';
import type { Evidence, Finding, Rule } from './types';

/**
 * Communities may not be bought services needing a professional qualification or
 * law-enforcement power (省意见二（六）) — by the department's own flags or by what the
 * text asks the community to do (安全鉴定, 检测并出具报告, 注射疫苗, 须持证上岗…) (BLOCKING).
 */
export const purchaseQualificationRule: Rule = {
  code: 'PURCHASE_NEEDS_QUALIFICATION',
  severity: FindingSeverity.BLOCKING,
  description: '不得向村（社区）购买需要专业资质或执法资格的服务事项（按申报标记和服务内容判断）。',
  check(app, ctx): Finding[] {
    if (app.kind !== ApplicationKind.PURCHASE_OF_SERVICE) return [];
    const found = analyse(app, ctx).professional;
    if (!(app.requiresQualification || app.requiresEnforcementPower || found.length)) return [];
    const needs = [
      (app.requiresQualification || found.some((f) => f.id !== 'LICENSED_STAFF' || !/执法/.test(f.phrase))) && '专业资质',
      (app.requiresEnforcementPower || found.some((f) => /执法/.test(f.phrase))) && '执法资格',
    ]
      .filter(Boolean)
      .join('、');
    const evidence: Evidence[] = found.map((f) => ({
      kind: 'Text',
      id: null,
      label: `“${f.phrase}”：${f.what}（“${f.clause.slice(0, 60)}”）`,
      phrases: [f.phrase],
    }));
    if (app.requiresQualification) evidence.push({ kind: 'Flag', id: null, label: '申请标明需要专业资质' });
    if (app.requiresEnforcementPower) evidence.push({ kind: 'Flag', id: null, label: '申请标明需要执法资格' });
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `购买服务事项需要${needs || '专业资质'}，村（社区）不具备，不得购买。`,
        messageEn: 'The purchased service needs a professional qualification or law-enforcement power, which communities do not have.',
        evidence,
      },
    ];
  },
};

/**
 * Professional work filed as ordinary assistance (BLOCKING): communities assist with
 * non-professional tasks only (非专业性工作任务的发现报告). House appraisal, electrical
 * work, vaccination, testing that issues a report and the like need qualified people.
 */
export const professionalWorkRule: Rule = {
  code: 'PROFESSIONAL_WORK',
  severity: FindingSeverity.BLOCKING,
  description: '需要专业资质的工作（鉴定、检测、诊疗、特种作业等）不能作为一般协助事项交给村（社区）。',
  check(app, ctx): Finding[] {
    if (app.kind === ApplicationKind.PURCHASE_OF_SERVICE) return [];
    const found = analyse(app, ctx).professional.filter((f) => f.id !== 'LICENSED_STAFF');
    if (!found.length && !app.requiresQualification && !app.requiresEnforcementPower) return [];
    const evidence: Evidence[] = found.map((f) => ({
      kind: 'Text',
      id: null,
      label: `“${f.phrase}”：${f.what}（“${f.clause.slice(0, 60)}”）`,
      phrases: [f.phrase],
    }));
    if (app.requiresQualification) evidence.push({ kind: 'Flag', id: null, label: '申请标明需要专业资质' });
    if (app.requiresEnforcementPower) evidence.push({ kind: 'Flag', id: null, label: '申请标明需要执法资格' });
    return [
      {
        code: this.code,
        severity: this.severity,
        message: '事项要求村（社区）承担需要专业资质或执法资格的工作，村（社区）只能协助非专业性工作的发现报告，应由有资质的机构或部门实施。',
        messageEn: 'The item asks communities for professional work that needs a qualification; communities only assist with non-professional tasks.',
        evidence,
      },
    ];
  },
};
