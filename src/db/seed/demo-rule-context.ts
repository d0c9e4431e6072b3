/**
 * The rules engine's context for the demo county 青衣县, built from the seed data itself
 * (no database): its three lists as the seed publishes them in version 1 — the province's
 * guidance items derived in order, then the county's own, keys numbered per list — with
 * their reviewers' vocabulary, the data element catalogue and the certificate list.
 * `test/eval-rules.test.ts` checks it equals what the engine loads from a seeded database.
 */
import { LIST_KEY_PREFIX, ListType } from '../../catalogue';
import type { ListItemFacts, RuleContext } from '../../admission';
import { DEMO_CERTIFICATES } from './demo-certificates';
import { DEMO_COMMUNITIES, DEMO_TOWNSHIPS } from './demo-county';
import { DEMO_DATA_ELEMENTS } from './demo-data-elements';
import { GUIDANCE_LISTS, QINGYI_OWN_ITEMS } from './demo-lists';

/** List items in the order the seed publishes them, with the keys they get. */
export function demoListItems(): ListItemFacts[] {
  const out: ListItemFacts[] = [];
  const order = [ListType.DUTY, ListType.ASSISTANCE, ListType.NEGATIVE];
  let id = 1;
  for (const listType of order) {
    let n = 0;
    for (const g of [...GUIDANCE_LISTS, ...QINGYI_OWN_ITEMS].filter((x) => x.listType === listType)) {
      n++;
      out.push({
        id: id++,
        itemKey: `${LIST_KEY_PREFIX[listType]}-${String(n).padStart(3, '0')}`,
        listType,
        title: g.title,
        description: g.description,
        category: g.category,
        legalBasis: [...g.legalBasis],
        triggerPhrases: [...(g.triggerPhrases ?? [])],
        examples: [...(g.examples ?? [])],
        counterExamples: [...(g.counterExamples ?? [])],
      });
    }
  }
  return out;
}

export const DEMO_COMMUNITY_COUNT = DEMO_COMMUNITIES.length;

/** Communities of the townships named by code or name, for a case that scopes townships. */
export function demoCommunitiesOf(townships: string[]): number {
  const codes = new Set(DEMO_TOWNSHIPS.filter((t) => townships.includes(t.code) || townships.includes(t.name)).map((t) => t.code));
  return DEMO_COMMUNITIES.filter((c) => codes.has(c.townshipCode)).length;
}

export function demoRuleContext(fundingFloorYuanPerHour: number): RuleContext {
  return {
    listItems: demoListItems(),
    dataElements: DEMO_DATA_ELEMENTS.map((e, i) => ({
      id: i + 1,
      code: e.code,
      name: e.name,
      collectedOnPlatform: e.collectedOnPlatform,
      sourceSystem: e.sourceSystem,
    })),
    certificates: DEMO_CERTIFICATES.map((c, i) => ({ id: i + 1, name: c.name, abolishedOn: c.abolishedOn ?? null, abolishedBy: c.abolishedBy ?? null })),
    existingItems: [],
    budget: null,
    fundingFloorYuanPerHour,
    reviews: [],
  };
}
