import { toGlobalId } from '../../kernel/global-id';
import { ApplicationKind, FindingSeverity } from '../enums';
import { analyse } from '../analysis';
import type { Evidence, Finding, Rule } from './types';

/** Below this similarity no assistance item resembles the application at all. */
const NOTHING_ALIKE = 0.15;
/** Below this, a linked item and the application talk about different things. */
const MISMATCH = 0.1;

const suggestion = (s: { item: { id: number; itemKey: string; title: string }; similarity: number }): Evidence => ({
  kind: 'ListItem',
  id: toGlobalId('ListItem', s.item.id),
  label: `协助办理事项 ${s.item.itemKey}：${s.item.title}（相似度 ${s.similarity.toFixed(2)}）`,
  itemKey: s.item.itemKey,
});

/**
 * An application filed as LISTED_ASSISTANCE must name the item of the county's assistance
 * list it relies on (listItemId, or the item's key cited in its basis: “协助办理事项清单
 * XZ-015”) — the item's basis is then the application's. Not linked and like no item on
 * the list: BLOCKING (it is not listed work; file it as a temporary or new regular item).
 * Not linked but like an item: WARNING naming the likely item.
 */
export const listedItemRule: Rule = {
  code: 'LISTED_ITEM_MISSING',
  severity: FindingSeverity.BLOCKING,
  description: '按协助办理事项清单进入的申请须关联本县协助办理事项清单中的事项，事项的依据即为申请的依据。',
  check(app, ctx): Finding[] {
    if (app.kind !== ApplicationKind.LISTED_ASSISTANCE) return [];
    const a = analyse(app, ctx);
    if (a.linkedItem) {
      if (a.linkedItem.listType !== 'ASSISTANCE') {
        return [
          {
            code: 'LISTED_ITEM_MISSING',
            severity: FindingSeverity.BLOCKING,
            message: `所关联的 ${a.linkedItem.itemKey}《${a.linkedItem.title}》不是协助办理事项清单中的事项。`,
            messageEn: 'The linked item is not on the assistance list.',
            evidence: [
              {
                kind: 'ListItem',
                id: toGlobalId('ListItem', a.linkedItem.id),
                label: `${a.linkedItem.itemKey}：${a.linkedItem.title}`,
                itemKey: a.linkedItem.itemKey,
              },
            ],
          },
        ];
      }
      const own = a.similarAssistance.find((s) => s.item.id === a.linkedItem!.id)?.similarity ?? 0;
      const better = a.similarAssistance[0];
      if (own < MISMATCH && better && better.item.id !== a.linkedItem.id && better.similarity >= 2 * NOTHING_ALIKE) {
        return [
          {
            code: 'LISTED_ITEM_MISMATCH',
            severity: FindingSeverity.WARNING,
            message: `申请内容与所关联的 ${a.linkedItem.itemKey}《${a.linkedItem.title}》不符（相似度 ${own.toFixed(2)}），更接近 ${better.item.itemKey}《${better.item.title}》；请核实是否超出清单事项范围。`,
            messageEn: 'The application does not match the linked assistance item; check that it stays within the item.',
            evidence: [
              {
                kind: 'ListItem',
                id: toGlobalId('ListItem', a.linkedItem.id),
                label: `所关联：${a.linkedItem.itemKey}：${a.linkedItem.title}`,
                itemKey: a.linkedItem.itemKey,
              },
              suggestion(better),
            ],
          },
        ];
      }
      return [];
    }
    const best = a.similarAssistance[0];
    if (!best || best.similarity < NOTHING_ALIKE) {
      return [
        {
          code: 'LISTED_ITEM_MISSING',
          severity: FindingSeverity.BLOCKING,
          message: '申请按协助办理事项清单进入，但未关联清单事项，本县协助办理事项清单中也没有与之相近的事项；请关联清单事项，或按临时性、新增常规类事项申请。',
          messageEn: 'Filed as a listed assistance item, but no item of the assistance list is linked or resembles it.',
          evidence: a.similarAssistance.map(suggestion),
        },
      ];
    }
    return [
      {
        code: 'LISTED_ITEM_NOT_LINKED',
        severity: FindingSeverity.WARNING,
        message: `申请按协助办理事项清单进入，但未关联清单事项；最接近的是 ${best.item.itemKey}《${best.item.title}》，请关联后提交。`,
        messageEn: 'Filed as a listed assistance item without naming the item; link the likely one.',
        evidence: a.similarAssistance.map(suggestion),
      },
    ];
  },
};
