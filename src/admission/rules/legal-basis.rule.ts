import { ApplicationKind, FindingSeverity } from '../enums';
import { analyse } from '../analysis';
import type { Evidence, Finding, Rule } from './types';

/** Kinds of application that ask communities to assist a department, and so need a legal basis. */
const ASSISTANCE_KINDS = new Set([ApplicationKind.NEW_REGULAR, ApplicationKind.TEMPORARY, ApplicationKind.LISTED_ASSISTANCE]);

/**
 * An assistance item with no legal basis may be refused by the community (BLOCKING).
 * "无", "领导要求", "会议精神", "上级通知", a document number without its serial are no
 * basis; a linked assistance-list item lends its own basis (analysis/legal-basis.ts).
 */
export const legalBasisRule: Rule = {
  code: 'NO_LEGAL_BASIS',
  severity: FindingSeverity.BLOCKING,
  description: '委托村（社区）协助办理的事项须有法律法规政策依据（“无”、领导要求、会议精神、上级通知等不是依据），否则村（社区）有权拒绝。',
  check(app, ctx): Finding[] {
    if (!ASSISTANCE_KINDS.has(app.kind)) return [];
    const { basis } = analyse(app, ctx);
    if (basis.hasBasis) return [];
    const evidence: Evidence[] = basis.rejected.map((c) => ({ kind: 'Citation', id: null, label: `“${c.raw}”：${c.reason}` }));
    return [
      {
        code: this.code,
        severity: this.severity,
        message: basis.citations.length
          ? `所列依据均不是法律法规政策依据（${basis.rejected.map((c) => `“${c.raw.slice(0, 30)}”`).join('、')}）；没有依据的协助事项，村（社区）有权拒绝执行。`
          : '未提供法律法规政策依据；没有依据的协助事项，村（社区）有权拒绝执行。',
        messageEn: 'No legal basis given (directives, meetings and notices are none); communities may refuse assistance work without one.',
        evidence,
      },
    ];
  },
};

/**
 * Citations the reviewer should confirm (WARNING): a real-looking title or document number
 * not in the shipped catalogue, and citations that are no basis next to ones that are.
 */
export const legalBasisUnverifiedRule: Rule = {
  code: 'LEGAL_BASIS_UNVERIFIED',
  severity: FindingSeverity.WARNING,
  description: '依据未收录于常用法律法规目录，或夹有“会议精神”等非依据内容：请审核人员核实。',
  check(app, ctx): Finding[] {
    const { basis } = analyse(app, ctx);
    if (!basis.hasBasis || (!basis.unverified.length && !basis.rejected.length)) return [];
    const evidence: Evidence[] = [...basis.unverified, ...basis.rejected].map((c) => ({ kind: 'Citation', id: null, label: `“${c.raw}”：${c.reason}` }));
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `以下依据须审核人员核实：${[...basis.unverified, ...basis.rejected].map((c) => `“${c.raw.slice(0, 40)}”（${c.reason}）`).join('；')}`,
        messageEn: 'Some citations are not in the catalogue of laws and regulations, or are no basis at all: the reviewer confirms them.',
        evidence,
      },
    ];
  },
};
