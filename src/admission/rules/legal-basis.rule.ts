import { ApplicationKind, FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

/** Kinds of application that ask communities to assist a department, and so need a legal basis. */
const ASSISTANCE_KINDS = new Set([ApplicationKind.NEW_REGULAR, ApplicationKind.TEMPORARY, ApplicationKind.LISTED_ASSISTANCE]);

/** An assistance item with no legal basis may be refused by the community (BLOCKING). */
export const legalBasisRule: Rule = {
  code: 'NO_LEGAL_BASIS',
  severity: FindingSeverity.BLOCKING,
  description: '委托村（社区）协助办理的事项须有法律法规政策依据，否则村（社区）有权拒绝。',
  check(app): Finding[] {
    if (!ASSISTANCE_KINDS.has(app.kind) || app.legalBasis.some((b) => b.trim().length > 0)) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: '未提供法律法规政策依据；没有依据的协助事项，村（社区）有权拒绝执行。',
        messageEn: 'No legal basis given; communities may refuse assistance work without one.',
        evidence: [],
      },
    ];
  },
};
