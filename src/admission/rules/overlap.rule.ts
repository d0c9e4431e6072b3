import { toGlobalId } from '../../kernel/global-id';
import { FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

/** Character bigrams of a title, for a cheap similarity that works on Chinese. */
function bigrams(text: string): Set<string> {
  const s = text.replace(/[\s，,。.、（）()《》“”"]/g, '');
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

export function titleSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** 宜并则并: an item that duplicates or overlaps one already admitted in the same communities (WARNING). */
export const overlapRule: Rule = {
  code: 'OVERLAPS_EXISTING_ITEM',
  severity: FindingSeverity.WARNING,
  description: '与已准入事项重复或交叉的，宜并则并。',
  check(app, ctx): Finding[] {
    const scope = new Set(app.communityIds);
    const overlapping = ctx.existingItems.filter((item) => {
      if (item.id === app.id) return false;
      const sharesCommunities = item.communityIds.some((c) => scope.has(c));
      if (!sharesCommunities) return false;
      const similar = titleSimilarity(item.title, app.title) >= 0.5;
      const sameWork = item.category === app.category && item.departmentId === app.departmentId;
      return similar || sameWork;
    });
    if (!overlapping.length) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `与已准入事项重复或交叉，宜并则并：${overlapping.map((i) => `${i.number}《${i.title}》`).join('；')}`,
        messageEn: 'Duplicates or overlaps an item already admitted in the same communities.',
        evidence: overlapping.map((i) => ({ kind: 'AdmissionApplication', id: toGlobalId('AdmissionApplication', i.id), label: `${i.number}《${i.title}》` })),
      },
    ];
  },
};
