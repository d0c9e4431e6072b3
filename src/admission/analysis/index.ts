/**
 * The text analysis of one application against one county's lists, computed once and
 * shared by the rules that need it (negative list, purchase guards, professional work,
 * legal basis, evaluation clauses, list-item link). Deterministic; nothing is fetched.
 */
import type { ApplicationFacts, ListItemFacts, RuleContext } from '../rules/types';
import { ApplicationKind } from '../enums';
import { assessNegative, negativeDoc, negativeModel, type NegativeAssessment, type NegativeItem } from './negative';
import { assessLegalBasis, citedListKeys, type BasisAssessment } from './legal-basis';
import { findTargetAssessment, findVeto, type ClauseMatch } from './evaluation';
import { findProfessionalWork, type ProfessionalMatch } from './professional';
import { Corpus, cosine, type Vector } from './similarity';
import { contentWordsIn } from './text';

export interface ApplicationAnalysis {
  negative: NegativeAssessment;
  /** The assistance-list item the application links (listItemId, or a key cited in its basis or text). */
  linkedItem: ListItemFacts | null;
  /** How it was linked. */
  linkedBy: 'ID' | 'CITATION' | null;
  /** Assistance items most like the application (for suggestions), best first. */
  similarAssistance: Array<{ item: ListItemFacts; similarity: number }>;
  basis: BasisAssessment;
  veto: ClauseMatch[];
  target: ClauseMatch[];
  professional: ProfessionalMatch[];
}

const cache = new WeakMap<ApplicationFacts, WeakMap<RuleContext, ApplicationAnalysis>>();

const toNegative = (i: ListItemFacts): NegativeItem => ({
  id: i.id,
  itemKey: i.itemKey,
  title: i.title,
  description: i.description ?? '',
  category: i.category,
  triggerPhrases: i.triggerPhrases ?? [],
  examples: i.examples ?? [],
  counterExamples: i.counterExamples ?? [],
});

const assistanceCorpora = new Map<string, { corpus: Corpus; items: ListItemFacts[]; vectors: Map<number, Vector> }>();
function assistanceIndex(items: ListItemFacts[]) {
  const key = items.map((i) => `${i.id}:${i.title}:${i.description ?? ''}`).join('|');
  let known = assistanceCorpora.get(key);
  if (!known) {
    const corpus = new Corpus(items.map((i) => `${i.title}。${i.description ?? ''}`));
    known = { corpus, items, vectors: new Map(items.map((i) => [i.id, corpus.vector(`${i.title}。${i.description ?? ''}`)])) };
    if (assistanceCorpora.size > 50) assistanceCorpora.clear();
    assistanceCorpora.set(key, known);
  }
  return known;
}

export function analyse(app: ApplicationFacts, ctx: RuleContext): ApplicationAnalysis {
  let byCtx = cache.get(app);
  if (!byCtx) {
    byCtx = new WeakMap();
    cache.set(app, byCtx);
  }
  const known = byCtx.get(ctx);
  if (known) return known;

  const negatives = ctx.listItems.filter((i) => i.listType === 'NEGATIVE').map(toNegative);
  const input = {
    title: app.title,
    description: app.description,
    evaluation: app.evaluation,
    category: app.category,
    purchase: app.kind === ApplicationKind.PURCHASE_OF_SERVICE,
  };
  // one segmentation of the text for every reading of it
  const doc = negativeDoc(input);
  const negative = assessNegative(input, negativeModel(negatives), doc);

  const byKey = new Map(ctx.listItems.map((i) => [i.itemKey, i]));
  let linkedItem: ListItemFacts | null = null;
  let linkedBy: ApplicationAnalysis['linkedBy'] = null;
  if (app.listItemId != null) {
    linkedItem = ctx.listItems.find((i) => i.id === app.listItemId) ?? null;
    if (linkedItem) linkedBy = 'ID';
  }
  if (!linkedItem) {
    const cited = [...app.legalBasis, app.description]
      .flatMap((t) => citedListKeys(t))
      .map((k) => byKey.get(k))
      .find((i) => i && i.listType === 'ASSISTANCE');
    if (cited) {
      linkedItem = cited;
      linkedBy = 'CITATION';
    }
  }

  const assistance = ctx.listItems.filter((i) => i.listType === 'ASSISTANCE');
  const index = assistanceIndex(assistance);
  const appVector = index.corpus.vector(
    contentWordsIn(
      doc,
      0,
      doc.clauses.filter((c) => c.part !== 'evaluation').reduce((m, c) => Math.max(m, c.end), 0),
    ),
  );
  const similarAssistance = assistance
    .map((item) => ({ item, similarity: Math.round(cosine(appVector, index.vectors.get(item.id)!) * 100) / 100 }))
    .filter((s) => s.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 3);

  const inherited = linkedItem && linkedItem.listType === 'ASSISTANCE' ? (linkedItem.legalBasis ?? []) : [];
  const basis = assessLegalBasis(app.legalBasis, new Set(byKey.keys()), inherited);
  const result: ApplicationAnalysis = {
    negative,
    linkedItem,
    linkedBy,
    similarAssistance,
    basis,
    veto: findVeto(app.evaluation, app.description, doc),
    target: findTargetAssessment(app.evaluation, app.description, doc),
    professional: findProfessionalWork(app.title, app.description, doc),
  };
  byCtx.set(ctx, result);
  return result;
}
