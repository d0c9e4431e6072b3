import { NEGATIVE_CATEGORIES, WorkCategory } from '../../catalogue';
import { labelOf as enumLabel } from '../../kernel/enums';
import { toGlobalId } from '../../kernel/global-id';
import { ApplicationKind, FindingSeverity } from '../enums';
import { analyse } from '../analysis';
import type { ItemMatch } from '../analysis/negative';
import type { ApplicationFacts, Evidence, Finding, Rule, RuleContext } from './types';

const SOURCE_LABEL = { PATTERN: '政策模型', TRIGGER: '本县审核触发词', EXAMPLE: '本县审核例句' } as const;

/** One piece of evidence per negative item matched: the item, its category, the phrases and why. */
function evidenceOf(m: ItemMatch): Evidence {
  const category = m.category as WorkCategory;
  const phrases = [...new Set(m.hits.map((h) => h.phrase).filter(Boolean))].slice(0, 8);
  const reasons = [...new Set(m.hits.map((h) => `${h.why}${h.clause ? `（“${h.clause.slice(0, 60)}”，${SOURCE_LABEL[h.source]}）` : ''}`))].slice(0, 4);
  const head = m.item ? `负面清单 ${m.item.itemKey}：${m.item.title}` : `负面清单类别：${enumLabel(WorkCategory, category).zh}`;
  const similar =
    m.item && m.similarity > 0 ? `；与该项文本相似度 ${m.similarity.toFixed(2)}${m.sharedWords.length ? `（共同词：${m.sharedWords.join('、')}）` : ''}` : '';
  return {
    kind: m.item ? 'ListItem' : 'WorkCategory',
    id: m.item ? toGlobalId('ListItem', m.item.id) : null,
    label: `${head}【${enumLabel(WorkCategory, category).zh}】。匹配：${phrases.map((p) => `“${p}”`).join('、')}。理由：${reasons.join('；')}${similar}`,
    itemKey: m.item?.itemKey ?? null,
    category,
    phrases,
    score: m.score,
  };
}

/**
 * Which negative items an application's work falls under — by its linked item, by what
 * its text asks communities to do (analysis/negative.ts), and by its declared category
 * when the text does not show it is only assistance. Strongest first.
 */
export function negativeMatches(app: ApplicationFacts, ctx: RuleContext): Evidence[] {
  const evidence: Evidence[] = [];
  const linked = app.listItemId != null ? ctx.listItems.find((i) => i.id === app.listItemId) : undefined;
  if (linked?.listType === 'NEGATIVE') {
    evidence.push({
      kind: 'ListItem',
      id: toGlobalId('ListItem', linked.id),
      label: `负面清单 ${linked.itemKey}：${linked.title}【${enumLabel(WorkCategory, linked.category).zh}】（申请关联的就是负面清单事项）`,
      itemKey: linked.itemKey,
      category: linked.category,
      phrases: [],
      score: null,
    });
  }
  const a = analyse(app, ctx);
  if (a.negative.blocked) {
    for (const m of a.negative.matches) {
      if (evidence.some((e) => e.itemKey && e.itemKey === m.item?.itemKey)) continue;
      if (m.score >= 0.5 || m === a.negative.matches[0]) evidence.push(evidenceOf(m));
    }
  }
  return evidence;
}

const LOOKALIKE_MIN = 0.5;

/** Negative-list work may never be pushed down, by order or otherwise (BLOCKING). */
export const negativeListRule: Rule = {
  code: 'NEGATIVE_LIST',
  severity: FindingSeverity.BLOCKING,
  description: '属于工作负面事项清单的行政工作不得下沉村（社区）：按申请要求村（社区）做什么判断，而不是按出现了哪些字。',
  check(app, ctx): Finding[] {
    if (app.kind === ApplicationKind.PURCHASE_OF_SERVICE) return []; // reported as NEGATIVE_AS_PURCHASE
    const evidence = negativeMatches(app, ctx);
    if (!evidence.length) return [];
    const first = evidence[0];
    const label = first.category ? enumLabel(WorkCategory, first.category).zh : '工作负面事项';
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `该事项要求村（社区）承担${label}等有关部门的行政职责（${first.itemKey ?? label}），属于村（社区）工作负面事项，应由有关部门及其执法机构负责，不得下沉村（社区）。`,
        messageEn: `This asks communities to take on ${first.category ? enumLabel(WorkCategory, first.category).en.toLowerCase() : 'negative-list work'}, which belongs to the department: it may not be pushed down to communities.`,
        evidence,
      },
    ];
  },
};

/** Negative-list work disguised as a purchase of services (“购买服务”名义) (BLOCKING). */
export const negativeAsPurchaseRule: Rule = {
  code: 'NEGATIVE_AS_PURCHASE',
  severity: FindingSeverity.BLOCKING,
  description: '不得以“购买服务”名义将负面清单事项转嫁村（社区）。',
  check(app, ctx): Finding[] {
    if (app.kind !== ApplicationKind.PURCHASE_OF_SERVICE) return [];
    const evidence = negativeMatches(app, ctx);
    if (!evidence.length) return [];
    const first = evidence[0];
    const label = first.category ? enumLabel(WorkCategory, first.category).zh : '负面清单';
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `以“购买服务”名义将${label}事项（${first.itemKey ?? label}）下沉村（社区），不予准入。`,
        messageEn: 'Negative-list work disguised as a purchase of services is not admitted.',
        evidence,
      },
    ];
  },
};

/**
 * A look-alike let through, explained (WARNING): the text touches a negative-list subject
 * — or is filed under a negative category — but what the community is asked to do is
 * assistance (宣传、发现报告、劝导…). The reviewer confirms it; the evidence says which
 * phrases were set aside and why.
 */
export const negativeLookalikeRule: Rule = {
  code: 'NEGATIVE_LOOKALIKE',
  severity: FindingSeverity.WARNING,
  description: '内容涉及负面清单领域，但村（社区）承担的只是宣传、发现报告等协助工作：提示审核人员确认。',
  check(app, ctx): Finding[] {
    const a = analyse(app, ctx);
    if (a.negative.blocked) return [];
    const partial = a.negative.matches.filter((m) => m.score >= LOOKALIKE_MIN);
    if (!a.negative.declaredOnly && !partial.length) return [];
    const evidence: Evidence[] = partial.map((m) => ({ ...evidenceOf(m), label: `${evidenceOf(m).label}（未达到阻断标准）` }));
    if (a.negative.declaredOnly) {
      evidence.push({
        kind: 'WorkCategory',
        id: null,
        label: `申请所选类别“${enumLabel(WorkCategory, app.category).zh}”属于负面清单类别`,
        category: app.category,
        phrases: [],
        score: null,
      });
    }
    for (const n of a.negative.neutralised.slice(0, 6)) {
      evidence.push({ kind: 'Text', id: null, label: `“${n.phrase}”未计入：${n.reason}（“${n.clause.slice(0, 60)}”）`, phrases: [n.phrase], score: null });
    }
    const does = a.negative.assistance.length ? `村（社区）承担的是${a.negative.assistance.join('、')}` : '未见村（社区）承担负面清单所列的行政职责';
    const topic = [...new Set([...(NEGATIVE_CATEGORIES.has(app.category) ? [app.category] : []), ...a.negative.topics.slice(0, 2)])].map(
      (c) => enumLabel(WorkCategory, c).zh,
    );
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `内容涉及${topic.join('、') || '负面清单领域'}，${does}，按协助事项审查；请确认村（社区）不承担执法、检查、收费等部门职责。`,
        messageEn: 'The text touches a negative-list subject but asks communities only for assistance; confirm that they take on no departmental power.',
        evidence,
      },
    ];
  },
};
