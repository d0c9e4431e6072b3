import { FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

/** “一票否决” evaluation of communities is abolished (BLOCKING). */
export const oneVoteVetoRule: Rule = {
  code: 'ONE_VOTE_VETO',
  severity: FindingSeverity.BLOCKING,
  description: '取消有关部门对村（社区）的“一票否决”事项。',
  check(app): Finding[] {
    const inText = /一票否决/.test(`${app.evaluation ?? ''}\n${app.description}`);
    if (!app.oneVoteVeto && !inText) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: '考核评价含“一票否决”条款，已明令取消，不予准入。',
        messageEn: 'The evaluation contains a one-vote-veto clause, which is abolished.',
        evidence: [],
      },
    ];
  },
};
