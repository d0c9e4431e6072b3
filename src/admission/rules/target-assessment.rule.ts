import { ApplicationKind, FindingSeverity } from '../enums';
import { analyse } from '../analysis';
import type { Finding, Rule } from './types';

/**
 * A purchased service is judged by its contract terms, never by target assessment
 * (省意见二（六）): 目标考核, 量化打分排名, 扣分扣减服务费, 与干部绩效挂钩, 排名末位约谈 (BLOCKING).
 * Other applications that score, rank or name communities get a warning
 * (COMMUNITY_ASSESSMENT): communities are assessed in one unified system.
 */
export const targetAssessmentRule: Rule = {
  code: 'TARGET_ASSESSMENT',
  severity: FindingSeverity.BLOCKING,
  description: '购买服务满意度评定以合同条款为依据，不得以目标考核、打分排名、扣分通报方式评价；其他事项对村（社区）考核排名的予以提示。',
  check(app, ctx): Finding[] {
    const found = analyse(app, ctx).target;
    if (!found.length) return [];
    const evidence = found.map((f) => ({ kind: 'Text', id: null, label: `“${f.phrase}”：${f.why}（“${f.clause.slice(0, 60)}”）`, phrases: [f.phrase] }));
    if (app.kind === ApplicationKind.PURCHASE_OF_SERVICE) {
      return [
        {
          code: 'TARGET_ASSESSMENT',
          severity: FindingSeverity.BLOCKING,
          message: `购买服务的评价含目标考核方式（${found.map((f) => `“${f.phrase}”`).join('、')}）：满意度评定应以合同条款为依据，不得以目标考核方式进行工作评价。`,
          messageEn: 'A purchased service must be judged by its contract terms, not by target assessment, scoring or ranking.',
          evidence,
        },
      ];
    }
    return [
      {
        code: 'COMMUNITY_ASSESSMENT',
        severity: FindingSeverity.WARNING,
        message: `事项以考核、排名或通报方式评价村（社区）（${found.map((f) => `“${f.phrase}”`).join('、')}）：对村（社区）的考核应纳入统一的考核评比体系，请审核人员确认。`,
        messageEn: 'The item scores, ranks or names communities; their assessment belongs to the unified system.',
        evidence,
      },
    ];
  },
};
