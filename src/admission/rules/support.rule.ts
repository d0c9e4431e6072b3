import { ApplicationKind, FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

const ASSISTANCE_KINDS = new Set([ApplicationKind.NEW_REGULAR, ApplicationKind.TEMPORARY, ApplicationKind.LISTED_ASSISTANCE]);

/** The description itself says the department sends people or trains them (选派调查员, 汛前培训1次…). */
const PERSONNEL_IN_TEXT =
  /(派员|派出|选派|派驻|选聘|配备|抽调)[^，。；]{0,12}(人员|专干|队员|工作人员|指导员|讲解人员|调查员|普查员|专家|民警|医生|兽医|律师)|(专家|人员|医生|兽医|民警|工作人员|讲解人员)[^，。；]{0,6}(授课|上门|到场|随同|实施|负责讲解)|由[^，。；]{0,14}(选派|派员|派出)/;
const TRAINING_IN_TEXT = /培训|业务指导|操作指引|操作手册|工作指引|宣传提纲|技术指导|授课|辅导/;

/**
 * 权随责走: an assistance item brings people and guidance with it (“在做法上给予指导、人员上
 * 给予支持”). Neither personnel nor training support declared, nor described → WARNING.
 */
export const supportRule: Rule = {
  code: 'SUPPORT_MISSING',
  severity: FindingSeverity.WARNING,
  description: '协助办理事项应在做法上给予指导、人员上给予支持（权随责走）：两项都未提供的予以提示。',
  check(app): Finding[] {
    if (!ASSISTANCE_KINDS.has(app.kind)) return [];
    const personnel = !!app.personnelSupport?.trim() || PERSONNEL_IN_TEXT.test(app.description);
    const training = !!app.trainingSupport?.trim() || TRAINING_IN_TEXT.test(app.description);
    if (personnel || training) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: '未说明人员支持和业务指导培训：协助办理事项应在做法上给予指导、人员上给予支持（权随责走），防止只交任务、不提供支持。',
        messageEn: 'Neither personnel nor training support is given: assistance work should come with guidance and people.',
        evidence: [],
      },
    ];
  },
};
