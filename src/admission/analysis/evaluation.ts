/**
 * How the community's work will be judged. Two things the policy forbids:
 *
 *  - one-vote veto (一票否决, 省意见二（四）), also in paraphrase: 一票否优, 实行否决, 直接定为
 *    不合格, 年度考核一律定为“较差”, 取消评先评优资格, 不得评为先进 …;
 *  - for a purchase of services, judging by target assessment instead of the contract terms
 *    (省意见二（六）): 目标考核, 量化打分, 排名通报, 排名末位约谈, 考核扣分扣减服务费, 与干部
 *    绩效挂钩 … (for other applications the same is a warning: communities are assessed in
 *    one unified system, not by each department).
 *
 * Negated clauses do not count: 不实行“一票否决”, 不纳入考核, 不排名.
 */
import { negatedAt } from './context';
import { buildDoc, type Clause, type Doc } from './text';

export interface ClauseMatch {
  phrase: string;
  clause: string;
  why: string;
}

const VETO: Array<[RegExp, string]> = [
  [/一票否决|一票否优|一票否定|一票否|一票否先/, '“一票否决”及其变体'],
  [/(实行|予以|给予|采取|适用)(“)?否决(”)?|否决制|一票制/, '以单项结果否决整体考核'],
  [
    /(直接|一律|即|均|统一|一并|当年|年度考核|综合考核|目标考核|综合考评|年终考核)[^，。；]{0,8}?(定为|确定为|评为|评定为|认定为|判定为|列为|降为|降低为|降档为|确定|定|认定)[^，。；]{0,3}?(“)?(不合格|较差|差等|末等|不称职|最低等次|倒数|差)(”)?/,
    '以单项结果直接决定村（社区）的考核等次',
  ],
  [/取消[^，。；]{0,10}?(评先评优|评优评先|评先|评优|先进|评选|评比|创先争优)[^，。；]{0,4}/, '以单项结果取消评先评优资格'],
  [/不得(评为|参评|推荐|评选|确定为|参加)[^，。；]{0,6}?(先进|优秀|好等次|示范|评优|评先|“好”)/, '以单项结果限制评先评优'],
  [/(零容忍|一票问责)/, '“零容忍”式否决'],
];

const TARGET: Array<[RegExp, string]> = [
  [/目标考核|目标管理考核|目标责任考核|绩效考核|量化考核|量化打分|考核打分|打分排名|考评排名|百分制|积分制考核/, '目标考核、量化打分'],
  [/排名通报|全县排名|排名靠后|排名末位|末位|后[一二三两\d]+位|倒数[一二三\d]*|按[^，。；]{0,8}得分排名|排名/, '排名通报'],
  [/(纳入|列入|计入|作为)[^，。；]{0,20}?(考核|考评|目标|绩效|督查|督考|评比|考核内容)/, '纳入对村（社区）的考核'],
  [/(考核|考评|测评)[^，。；]{0,10}?(扣分|扣减|得分|挂钩|兑现|核减)|扣[\d一二三四五两]+分|每[^，。；]{0,10}?扣[^，。；]{0,6}?分/, '考核扣分'],
  [/与[^，。；]{0,14}?(绩效|报酬|奖金|待遇|考核|补贴)[^，。；]{0,2}挂钩/, '与村（社区）干部绩效、待遇挂钩'],
  [/(?<!满意度)(综合打分|打分|评分|计分|积分|得分|考评)[^，。；]{0,14}?(扣减|核减|扣除|扣发|兑现|拨付|结算|挂钩|排名|奖惩)/, '以打分、评分决定经费或排名'],
  [/(打分|评分|考核|排名|得分)[^，。；]{0,10}?(扣减|核减|扣除|扣发)[^，。；]{0,6}(经费|服务费|补助|奖补|运转经费)/, '以考核打分扣减经费'],
  [/约谈[^，。；]{0,10}?(书记|主任|负责人|村（社区）|社区|村)/, '以约谈施压'],
  [/(通报批评|每月通报|每周通报|全县通报|定期通报|进度通报|通报[^，。；]{0,4}(进度|情况|结果|排名))/, '以通报施压'],
];

function scan(doc: Doc, table: Array<[RegExp, string]>): ClauseMatch[] {
  const out: ClauseMatch[] = [];
  for (const clause of doc.clauses) {
    if (clause.part === 'title') continue;
    for (const [re, why] of table) {
      const m = re.exec(clause.text);
      if (!m) continue;
      if (negatedAt(doc, clause, clause.start + m.index)) continue;
      // 取消“一票否决”, 严禁设置一票否决: the policy itself, not a clause
      if (/(取消|废止|禁止|严禁|不得设置|不得实行|不再实行|不搞|不设)[^，。；]{0,3}$/.test(clause.text.slice(0, m.index))) continue;
      out.push({ phrase: m[0], clause: clause.text, why });
      break;
    }
  }
  return out;
}

function docOf(evaluation: string | null | undefined, description: string): Doc {
  return buildDoc([
    { part: 'evaluation', text: evaluation },
    { part: 'description', text: description },
  ]);
}

/** 一票否决 and its paraphrases in the evaluation text and the description (a prebuilt document may be passed). */
export function findVeto(evaluation: string | null | undefined, description: string, doc: Doc = docOf(evaluation, description)): ClauseMatch[] {
  return scan(doc, VETO);
}

/** Target assessment, scoring, ranking in the evaluation text and the description. */
export function findTargetAssessment(evaluation: string | null | undefined, description: string, doc: Doc = docOf(evaluation, description)): ClauseMatch[] {
  // A purchase's evaluation that judges by its terms is fine: 按合同约定…满意度测评结算.
  return scan(doc, TARGET).filter((m) => !/^(按|依据|根据)?[^，。；]{0,4}合同/.test(m.clause) || /考核|排名|扣分/.test(m.phrase));
}

export type { Clause };
