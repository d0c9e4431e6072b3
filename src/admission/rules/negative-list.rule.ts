import { NEGATIVE_CATEGORIES, WorkCategory } from '../../catalogue';
import { toGlobalId } from '../../kernel/global-id';
import { ApplicationKind, FindingSeverity } from '../enums';
import type { ApplicationFacts, Evidence, Finding, Rule, RuleContext } from './types';
import { labelOf } from '../../kernel/enums';

/** Words that give away negative-list work whatever category the department chose. */
export const NEGATIVE_KEYWORDS: Array<[WorkCategory, RegExp]> = [
  [WorkCategory.LAW_ENFORCEMENT, /执法|行政处罚|罚款|查处|没收/],
  [WorkCategory.DEMOLITION, /拆除|拆迁|拆违|违法建筑|违章建筑|违建/],
  [WorkCategory.ENVIRONMENTAL_RECTIFICATION, /环境整治|污染整治|散乱污/],
  [WorkCategory.CITY_MANAGEMENT, /城市管理|城管|占道经营|流动摊贩/],
  [WorkCategory.INVESTMENT_ATTRACTION, /招商引资|招商/],
  [WorkCategory.TAX_ASSISTANCE, /协税护税|征税|税款|催缴税/],
  [WorkCategory.REVENUE_GENERATION, /创收|经营收入指标/],
  [WorkCategory.PRODUCTION_SAFETY, /安全生产|生产安全|企业安全检查/],
];

/** Which negative categories an application touches: by its category, by its linked item, by its words. */
export function negativeMatches(app: ApplicationFacts, ctx: RuleContext): Evidence[] {
  const evidence: Evidence[] = [];
  const negativeItems = ctx.listItems.filter((i) => i.listType === 'NEGATIVE');
  const itemFor = (category: WorkCategory) => negativeItems.find((i) => i.category === category);
  const add = (category: WorkCategory, why: string) => {
    const item = itemFor(category);
    evidence.push(
      item
        ? { kind: 'ListItem', id: toGlobalId('ListItem', item.id), label: `负面清单 ${item.itemKey}：${item.title}（${why}）` }
        : { kind: 'WorkCategory', id: null, label: `负面清单类别：${labelOf(WorkCategory, category).zh}（${why}）` },
    );
  };
  const seen = new Set<WorkCategory>();
  if (NEGATIVE_CATEGORIES.has(app.category)) {
    seen.add(app.category);
    add(app.category, '申请所选类别');
  }
  const linked = app.listItemId != null ? ctx.listItems.find((i) => i.id === app.listItemId) : undefined;
  if (linked?.listType === 'NEGATIVE' && !seen.has(linked.category)) {
    seen.add(linked.category);
    evidence.push({ kind: 'ListItem', id: toGlobalId('ListItem', linked.id), label: `负面清单 ${linked.itemKey}：${linked.title}（申请关联事项）` });
  }
  const text = `${app.title}\n${app.description}`;
  for (const [category, pattern] of NEGATIVE_KEYWORDS) {
    const m = pattern.exec(text);
    if (m && !seen.has(category)) {
      seen.add(category);
      add(category, `内容含“${m[0]}”`);
    }
  }
  return evidence;
}

/** Negative-list work may never be pushed down, by order or otherwise (BLOCKING). */
export const negativeListRule: Rule = {
  code: 'NEGATIVE_LIST',
  severity: FindingSeverity.BLOCKING,
  description: '属于工作负面事项清单的行政工作不得下沉村（社区）。',
  check(app, ctx): Finding[] {
    if (app.kind === ApplicationKind.PURCHASE_OF_SERVICE) return []; // reported as NEGATIVE_AS_PURCHASE
    const evidence = negativeMatches(app, ctx);
    if (!evidence.length) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: '该事项属于村（社区）工作负面事项，应由有关部门及其执法机构负责，不得下沉村（社区）。',
        messageEn: 'This work is on the negative list: it belongs to the department and may not be pushed down to communities.',
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
    return [
      {
        code: this.code,
        severity: this.severity,
        message: '以“购买服务”名义将负面清单事项下沉村（社区），不予准入。',
        messageEn: 'Negative-list work disguised as a purchase of services is not admitted.',
        evidence,
      },
    ];
  },
};
