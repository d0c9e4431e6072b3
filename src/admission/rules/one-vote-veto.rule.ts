import { FindingSeverity } from '../enums';
import { analyse } from '../analysis';
import type { Finding, Rule } from './types';

/**
 * “一票否决” evaluation of communities is abolished (省意见二（四）) — also in paraphrase:
 * 一票否优, 实行否决, 直接定为不合格, 一律定为“较差”, 取消评先评优资格 (BLOCKING).
 */
export const oneVoteVetoRule: Rule = {
  code: 'ONE_VOTE_VETO',
  severity: FindingSeverity.BLOCKING,
  description: '取消有关部门对村（社区）的“一票否决”事项，包括以单项结果直接决定考核等次、取消评先评优等变相否决。',
  check(app, ctx): Finding[] {
    const found = app.evaluation || app.description ? analyse(app, ctx).veto : [];
    if (!app.oneVoteVeto && !found.length) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: found.length
          ? `考核评价含“一票否决”或变相否决条款（${found.map((f) => `“${f.phrase}”`).join('、')}），已明令取消，不予准入。`
          : '申请标明含“一票否决”考核条款，已明令取消，不予准入。',
        messageEn: 'The evaluation contains a one-vote-veto clause (or a paraphrase of one), which is abolished.',
        evidence: found.map((f) => ({ kind: 'Text', id: null, label: `“${f.phrase}”：${f.why}（“${f.clause.slice(0, 60)}”）`, phrases: [f.phrase] })),
      },
    ];
  },
};
